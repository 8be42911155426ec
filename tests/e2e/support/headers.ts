/**
 * Reads a `_headers` file (the format of Netlify and Cloudflare Pages) so the test server sends
 * the same headers a real host would: a path pattern on its own line, `Name: value` lines
 * indented under it, `*` matching any run of characters, `#` comments.
 */
export interface HeaderRule {
  pattern: RegExp;
  headers: [name: string, value: string][];
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (/^\S/.test(line)) {
      const source = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
      continue;
    }
    const match = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    const rule = rules.at(-1);
    if (!match || !rule) throw new Error(`_headers: cannot read “${line}”`);
    rule.headers.push([match[1] ?? '', match[2] ?? '']);
  }
  return rules;
}

/** The headers for a URL path: every matching rule, in file order. */
export function getHeadersFor(rules: readonly HeaderRule[], path: string): [string, string][] {
  return rules.filter((r) => r.pattern.test(path)).flatMap((r) => r.headers);
}
