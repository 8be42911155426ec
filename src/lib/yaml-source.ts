/**
 * YAML parsed the way content needs it: the YAML 1.2 core schema (dates stay strings, so an
 * impossible date is caught instead of silently rolled over), and a way back from a field path
 * to the line it is written on.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

export interface YamlSource {
  /** The parsed value (`undefined` when the text has syntax errors). */
  value: unknown;
  /** Syntax errors, with 1-based lines relative to the text. */
  errors: { line: number; message: string }[];
  /** 1-based line of a field path, relative to the text; the nearest parent's when missing. */
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

/** Parses YAML text. `lineOffset` is added to every line (frontmatter starts on line 2). */
export function parseYamlSource(text: string, lineOffset = 0): YamlSource {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, schema: 'core', uniqueKeys: true });
  const errors = doc.errors.map((error) => ({
    line: (error.linePos?.[0]?.line ?? 1) + lineOffset,
    message: translateYamlError(error.code, error.message),
  }));
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    let node: unknown = doc.contents;
    let line = rangeLine(node);
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => String((item.key as { value?: unknown })?.value) === String(key));
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
  return { value: errors.length ? undefined : doc.toJS(), errors, lineOf };
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
