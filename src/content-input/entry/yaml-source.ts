/**
 * YAML parsed the way content needs it: the YAML 1.2 core schema (dates stay strings, so an
 * impossible date is caught instead of silently rolled over), and a way back from a field path
 * to the line it is written on.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

export interface YamlSource {
  /** The parsed value (`undefined` when the text has syntax errors). */
  value: unknown;
  /** Syntax errors, with 1-based lines relative to the text. */
  errors: { line: number; message: string }[];
  /** 1-based line of a field path, relative to the text; the nearest parent's when missing. */
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
  /** Every text value with its field path and 1-based line, in document order (for text checks). */
  strings: () => YamlString[];
  /** The dotted field path written on a line (`cover.alt`), or undefined for comments and blank lines. */
  fieldAt: (line: number) => string | undefined;
}

/** A text value in a YAML document. */
export interface YamlString {
  path: (string | number)[];
  /** Line the value starts on (for a block scalar `|`, the line after the indicator). */
  line: number;
  value: string;
}

/** Parses YAML text. `lineOffset` is added to every line (frontmatter starts on line 2). */
export function parseYamlSource(text: string, lineOffset = 0): YamlSource {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, schema: 'core', uniqueKeys: true });
  // One mistake often trips several parser errors on the same line; the first says it best.
  const errors = doc.errors
    .map((error) => ({
      line: (error.linePos?.[0]?.line ?? 1) + lineOffset,
      message: translateYamlError(error.code, error.message),
    }))
    .filter((error, i, all) => all.findIndex((e) => e.line === error.line) === i);
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    let node: unknown = doc.contents;
    let line = rangeLine(node);
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => String((item.key as { value?: unknown }).value) === String(key));
        if (!pair) break;
        line = rangeLine(pair.key) ?? line;
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
        line = rangeLine(node) ?? line;
      } else {
        break;
      }
    }
    return line === undefined ? undefined : line + lineOffset;
  };
  function rangeLine(node: unknown): number | undefined {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  }
  /** Walks every scalar, with its path and first and last line. */
  function walk(
    visit: (path: (string | number)[], node: { value: unknown; type?: string | undefined }, first: number, last: number) => void,
  ) {
    const go = (node: unknown, path: (string | number)[]) => {
      if (isMap(node)) {
        for (const pair of node.items) {
          const key = (pair.key as { value?: unknown } | null)?.value;
          go(pair.value, [...path, typeof key === 'number' ? key : String(key)]);
        }
      } else if (isSeq(node)) {
        node.items.forEach((item, i) => go(item, [...path, i]));
      } else if (isScalar(node) && node.range) {
        const first = lineCounter.linePos(node.range[0]).line;
        const last = lineCounter.linePos(Math.max(node.range[1] - 1, node.range[0])).line;
        visit(path, node, first, last);
      }
    };
    go(doc.contents, []);
  }
  const strings = (): YamlString[] => {
    const out: YamlString[] = [];
    if (errors.length) return out;
    walk((path, node, first) => {
      if (typeof node.value !== 'string') return;
      const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
      out.push({ path, line: first + (block ? 1 : 0) + lineOffset, value: node.value });
    });
    return out;
  };
  const fieldAt = (line: number): string | undefined => {
    let found: (string | number)[] | undefined;
    walk((path, _node, first, last) => {
      if (!found && line - lineOffset >= first && line - lineOffset <= last) found = path;
    });
    if (found) return found.length ? found.join('.') : undefined;
    // A key whose value starts on a later line (`cover:`).
    return keyOnLine(line - lineOffset);
  };
  function keyOnLine(line: number): string | undefined {
    let found: string | undefined;
    const go = (node: unknown, path: (string | number)[]) => {
      if (found) return;
      if (isMap(node)) {
        for (const pair of node.items) {
          const key = pair.key as { value?: unknown; range?: [number, number, number] } | null;
          const name = typeof key?.value === 'number' ? key.value : String(key?.value);
          if (key?.range && lineCounter.linePos(key.range[0]).line === line) found = [...path, name].join('.');
          go(pair.value, [...path, name]);
        }
      } else if (isSeq(node)) {
        node.items.forEach((item, i) => go(item, [...path, i]));
      }
    };
    go(doc.contents, []);
    return found;
  }
  return { value: errors.length ? undefined : doc.toJS(), errors, lineOf, strings, fieldAt };
}

function translateYamlError(code: string, message: string): string {
  const first = message.split('\n')[0] ?? message;
  switch (code) {
    case 'DUPLICATE_KEY':
      return `YAML 中同一字段写了两次（${first}）`;
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return `YAML 格式错误，请检查缩进、冒号和引号（${first}）`;
    default:
      return `YAML 无法解析（${first}）`;
  }
}
