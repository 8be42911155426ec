/**
 * Compares two folders file by file: what `npm run check:reproducible` and
 * `npm run check:incremental` report.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const TEXT = /\.(html|xml|json|txt|css|js|mjs|svg)$|(^|\/)_headers$|(^|\/)_redirects$/;

function digests(dir: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    map.set(relative(dir, path).split('\\').join('/'), createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return map;
}

/**
 * Where two text files first differ: the line and column, and a little of that line on each side
 * (built HTML is often one long line, so the whole line would say nothing).
 */
function describeDifference(a: string, b: string): string {
  const left = readFileSync(a, 'utf-8');
  const right = readFileSync(b, 'utf-8');
  let i = 0;
  while (i < left.length && left[i] === right[i]) i++;
  const lineStart = left.lastIndexOf('\n', i - 1) + 1;
  const line = left.slice(0, i).split('\n').length;
  const show = (s: string) => {
    const from = Math.max(lineStart, i - 60);
    const end = s.indexOf('\n', i);
    return JSON.stringify(s.slice(from, Math.min(i + 60, end < 0 ? s.length : end)));
  };
  return ` at line ${line}, column ${i - lineStart + 1}:\n      ${show(left)}\n      ${show(right)}`;
}

/** What to call the two folders in the report. */
export interface TreeNames {
  first: string;
  second: string;
}

/** Every difference between two folders, one line each (more for text files); empty when identical. */
export function compareTrees(
  first: string,
  second: string,
  names: TreeNames = { first: 'the first build', second: 'the second build' },
): { files: number; problems: string[] } {
  const a = digests(first);
  const b = digests(second);
  const problems: string[] = [];
  for (const [file, hash] of a) {
    if (!b.has(file)) problems.push(`only in ${names.first}: ${file}`);
    else if (b.get(file) !== hash)
      problems.push(`differs: ${file}${TEXT.test(file) ? describeDifference(join(first, file), join(second, file)) : ''}`);
  }
  for (const file of b.keys()) if (!a.has(file)) problems.push(`only in ${names.second}: ${file}`);
  return { files: a.size, problems: problems.sort() };
}
