/**
 * Reading and writing an MDX entry (frontmatter + body) for the web editor at /admin/, so that
 * saving never damages a file: the frontmatter is edited in place, not rewritten. Decap CMS (like
 * every git-based CMS tried) parses the frontmatter into values and serialises them again in its
 * own form on save: flow lists become block lists, quoted dates lose their quotes, comments
 * vanish. Here the original frontmatter text travels with the entry (a hidden value the form never
 * shows); on save only the values that changed are set in that YAML document, so untouched lines,
 * their quotes, flow lists and comments stay byte for byte, and the body is written as it came.
 *
 * A new entry gets the project's canonical form, the one `npm run new` writes: fields in the
 * schema's order, dates in single quotes, lists of words as flow lists `[a, b]`, groups as blocks.
 *
 * Pure (no Node, no DOM): bundled into the admin's script and used by the tests.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

/** The key under which the original frontmatter text travels with an entry's values. */
export const SOURCE_KEY = '__frontmatterSource';

/** Values the editor derives for its own use (search, the new entry's address); never written. */
export const DERIVED_KEYS: readonly string[] = [SOURCE_KEY, 'address', 'pinyinSearch'];

/** What the writer needs to know about the collection's fields. */
export interface EntryShape {
  /** Top-level field names in the schema's order (new keys are placed by it). */
  order: readonly string[];
  /** Field defaults: a key the file did not have is not added when its value is the default. */
  defaults: Readonly<Record<string, unknown>>;
  /** Dotted paths (`published`, `source.date`, `corrections.date`) whose values are dates. */
  dates: readonly string[];
  /** Dotted paths of image files (`cover.src`): written `./name.jpg`, relative to the entry. */
  images?: readonly string[];
}

/** An image file name as the guide writes it: `cover.jpg` → `./cover.jpg`. */
export function toRelativePath(path: string): string {
  return /^(\.{1,2}\/|\/|[a-z]+:)/i.test(path) || path === '' ? path : `./${path}`;
}

function withRelativeImages(values: Record<string, unknown>, images: readonly string[]): Record<string, unknown> {
  const out = { ...values };
  for (const path of images) {
    const [head = '', key = ''] = path.split('.');
    const group = out[head];
    if (group && typeof group === 'object' && !Array.isArray(group) && typeof (group as Record<string, unknown>)[key] === 'string') {
      out[head] = { ...(group as Record<string, unknown>), [key]: toRelativePath((group as Record<string, string>)[key] ?? '') };
    }
  }
  return out;
}

const FENCE = /^---\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** Splits an MDX file into its frontmatter text (without fences) and its body. */
export function splitEntryFile(text: string): { frontmatter: string; body: string } {
  const match = FENCE.exec(text);
  if (!match) return { frontmatter: '', body: text };
  return { frontmatter: match[1] ?? '', body: text.slice(match[0].length) };
}

/** The values of an entry file, its body under `body`, the original frontmatter under SOURCE_KEY. */
export function readEntryFile(text: string): Record<string, unknown> {
  const { frontmatter, body } = splitEntryFile(text);
  const parsed: unknown = frontmatter.trim() ? parseDocument(frontmatter).toJS() : {};
  const values = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  return { ...values, body, [SOURCE_KEY]: frontmatter };
}

/** Writes an entry's values back as an MDX file, changing only what changed. */
export function writeEntryFile(data: Readonly<Record<string, unknown>>, shape: EntryShape): string {
  const source = typeof data[SOURCE_KEY] === 'string' ? data[SOURCE_KEY] : undefined;
  const rawBody = typeof data.body === 'string' ? data.body : '';
  // Files end with a newline (the editor's text area drops it).
  const body = rawBody === '' || rawBody.endsWith('\n') ? rawBody : `${rawBody}\n`;
  let values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === 'body' || DERIVED_KEYS.includes(key)) continue;
    values[key] = value;
  }
  values = withRelativeImages(values, shape.images ?? []);
  const frontmatter = source !== undefined ? editFrontmatter(source, values, shape) : formatFrontmatter(values, shape);
  return `---\n${frontmatter}---\n${body}`;
}

/** Removes what a form leaves behind for an unfilled field: empty text, empty groups. */
export function pruneEmpty(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value)) return value.map(pruneEmpty).filter((v) => v !== undefined);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const pruned = pruneEmpty(v);
      if (pruned !== undefined) out[k] = pruned;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return value;
}

function isEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The canonical frontmatter of new values (ends with a newline). */
export function formatFrontmatter(values: Readonly<Record<string, unknown>>, shape: EntryShape): string {
  const doc = new Document({});
  const map = doc.contents as YAMLMap;
  for (const key of orderKeys(Object.keys(values), shape.order)) {
    const value = pruneEmpty(values[key]);
    if (value === undefined) continue;
    map.add(doc.createPair(key, createNode(doc, value, key, shape)));
  }
  return stringifyDocument(doc);
}

function orderKeys(keys: readonly string[], order: readonly string[]): string[] {
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return [...keys].sort((a, b) => rank(a) - rank(b));
}

/** A YAML node in the canonical style: dates single-quoted, lists of words flow, groups block. */
function createNode(doc: Document, value: unknown, path: string, shape: EntryShape): Node {
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    const scalars = value.every((v) => v === null || typeof v !== 'object');
    for (const item of value) seq.items.push(createNode(doc, item, path, shape));
    seq.flow = scalars;
    return seq;
  }
  if (value && typeof value === 'object') {
    const map = new YAMLMap();
    for (const [k, v] of Object.entries(value)) map.add(doc.createPair(k, createNode(doc, v, `${path}.${k}`, shape)));
    return map;
  }
  const scalar = new Scalar(value);
  if (typeof value === 'string' && shape.dates.includes(path)) scalar.type = Scalar.QUOTE_SINGLE;
  return scalar;
}

function stringifyDocument(doc: Document): string {
  const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false, indentSeq: true });
  return text === '{}\n' ? '' : text;
}

/** Sets the changed values in the original frontmatter; everything else stays as written. */
function editFrontmatter(source: string, values: Readonly<Record<string, unknown>>, shape: EntryShape): string {
  const doc = parseDocument(source);
  const original = (doc.toJS() ?? {}) as Record<string, unknown>;
  if (!isMap(doc.contents)) return formatFrontmatter(values, shape);
  const map = doc.contents as unknown as YAMLMap;
  const keys = new Set([...Object.keys(original), ...Object.keys(values)]);
  let changed = false;
  for (const key of keys) {
    const before = original[key];
    const after = pruneEmpty(values[key]);
    // Empty in the file and empty in the form (a scaffold's `summary: ''`): left as written.
    if (isEqual(before, after) || isEqual(pruneEmpty(before), after)) continue;
    if (after === undefined) {
      // A key the form cannot show (not in the configuration) is never removed.
      if (!(key in values)) continue;
      map.delete(key);
      changed = true;
      continue;
    }
    if (before === undefined && key in shape.defaults && isEqual(after, shape.defaults[key])) continue;
    changed = true;
    if (before === undefined) {
      insertInOrder(doc, map, key, createNode(doc, after, key, shape), shape.order);
      continue;
    }
    const existing = map.get(key, true);
    map.set(key, updateNode(doc, existing, before, after, key, shape));
  }
  // Nothing changed: the text as it was, byte for byte.
  if (!changed) return ensureNewline(source);
  return spliceScalars(source, values) ?? restoreLines(stringifyDocument(doc), source);
}

/**
 * When every change replaces one text, date, number or yes/no value by another, the new values
 * are written into the original text at the places of the old ones, so nothing else moves (not
 * even a comment's spacing). Returns undefined for any other kind of change.
 */
function spliceScalars(source: string, values: Readonly<Record<string, unknown>>): string | undefined {
  const doc = parseDocument(source, { keepSourceTokens: true });
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: unknown, after: unknown): boolean => {
    if (isScalar(node)) {
      const before = node.value;
      if (isEqual(before, after) || (pruneEmpty(before) === undefined && pruneEmpty(after) === undefined)) return true;
      const isValue = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
      if (!isValue(before) || !isValue(after) || !node.range) return false;
      const scalar = new Scalar(after);
      if (typeof after === 'string' && typeof before === 'string' && node.type && node.type !== Scalar.PLAIN) scalar.type = node.type;
      const text = new Document(scalar).toString({ lineWidth: 0 }).trimEnd();
      if (text.includes('\n')) return false;
      edits.push({ start: node.range[0], end: node.range[1], text });
      return true;
    }
    if (isMap(node)) {
      if (!after || typeof after !== 'object' || Array.isArray(after)) return false;
      const keys = new Set([...node.items.map((p) => String(isScalar(p.key) ? p.key.value : p.key)), ...Object.keys(after)]);
      for (const key of keys) {
        const child = node.get(key, true);
        const value = (after as Record<string, unknown>)[key];
        if (child === undefined) {
          if (pruneEmpty(value) !== undefined) return false;
          continue;
        }
        if (!visit(child, value)) return false;
      }
      return true;
    }
    if (isSeq(node)) {
      if (!Array.isArray(after) || after.length !== node.items.length) return false;
      return node.items.every((item, i) => visit(item, after[i]));
    }
    return isEqual((node as { toJSON?: () => unknown } | null)?.toJSON?.() ?? node, after);
  };
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  const original = (doc.toJS() ?? {}) as Record<string, unknown>;
  // A key the form has no value for keeps its value (as editFrontmatter does).
  const merged = {
    ...original,
    ...Object.fromEntries(Object.entries(values).filter(([k]) => k in original || pruneEmpty(values[k]) !== undefined)),
  };
  if (!visit(root, merged)) return undefined;
  let text = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return ensureNewline(text);
}

/**
 * yaml re-spaces what it prints (`key: v  # note` becomes `key: v # note`); a line whose content
 * did not change is put back exactly as it was written.
 */
function restoreLines(text: string, source: string): string {
  // Lines with quotes are compared as they are (a `#` inside quotes is text, not a comment).
  const normalise = (line: string) => (/['"]/.test(line) ? line : line.replace(/\s+#/, ' #').trimEnd());
  const originals = new Map<string, string>();
  for (const line of source.split('\n')) if (!originals.has(normalise(line))) originals.set(normalise(line), line);
  return text
    .split('\n')
    .map((line) => originals.get(normalise(line)) ?? line)
    .join('\n');
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** A changed value, written in the style of the node it replaces (flow list stays flow, quotes stay). */
function updateNode(doc: Document, existing: Node | undefined, before: unknown, after: unknown, path: string, shape: EntryShape): Node {
  if (isScalar(existing) && (after === null || typeof after !== 'object')) {
    const scalar = new Scalar(after);
    if (typeof after === 'string' && existing.type && existing.type !== Scalar.PLAIN && typeof before === 'string')
      scalar.type = existing.type;
    else if (typeof after === 'string' && shape.dates.includes(path)) scalar.type = Scalar.QUOTE_SINGLE;
    scalar.comment = existing.comment ?? null;
    return scalar;
  }
  if (
    isMap(existing) &&
    after &&
    typeof after === 'object' &&
    !Array.isArray(after) &&
    before &&
    typeof before === 'object' &&
    !Array.isArray(before)
  ) {
    const beforeMap = before as Record<string, unknown>;
    const afterMap = after as Record<string, unknown>;
    for (const k of new Set([...Object.keys(beforeMap), ...Object.keys(afterMap)])) {
      if (isEqual(beforeMap[k], afterMap[k])) continue;
      if (afterMap[k] === undefined) existing.delete(k);
      else existing.set(k, updateNode(doc, existing.get(k, true), beforeMap[k], afterMap[k], `${path}.${k}`, shape));
    }
    return existing;
  }
  if (isSeq(existing) && Array.isArray(after) && Array.isArray(before)) {
    const items: unknown[] = [];
    after.forEach((item, i) => {
      const old = existing.items[i] as Node | undefined;
      items.push(i < before.length && isEqual(before[i], item) ? old : updateNode(doc, old, before[i], item, path, shape));
    });
    existing.items = items;
    if (after.length && after.every((v) => v === null || typeof v !== 'object') && !before.length) existing.flow = true;
    return existing;
  }
  const node = createNode(doc, after, path, shape);
  if (existing && 'comment' in existing) (node as { comment?: string | null }).comment = existing.comment ?? null;
  return node;
}

/** Adds a key after the last key that comes before it in the schema's order. */
function insertInOrder(doc: Document, map: YAMLMap, key: string, node: Node, order: readonly string[]): void {
  const rank = order.indexOf(key);
  const pair = doc.createPair(key, node);
  let at = map.items.length;
  if (rank !== -1) {
    const index = map.items.findIndex((p) => {
      const k = isScalar(p.key) ? String(p.key.value) : String(p.key);
      const r = order.indexOf(k);
      return r !== -1 && r > rank;
    });
    if (index !== -1) at = index;
  }
  map.items.splice(at, 0, pair);
}
