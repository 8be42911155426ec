/**
 * The file format the web editor registers for stories and teachers (`yangwang-mdx-<collection>`):
 * what Decap CMS reads from an `index.mdx` and writes back. The frontmatter is edited in place
 * (src/lib/frontmatter-edit.ts). Two things only the editor needs are added on reading and
 * removed on writing: Decap names an entry stored as `<folder>/index.mdx` `<folder>/index`, so a
 * teacher picked in a story's relation field is `lin-qiuyun/index` in the form and `lin-qiuyun`
 * in the file; and a teacher carries toneless pinyin and initials (`linqiuyun lin qiuyun lqy`) so
 * the relation field finds 林秋云 by pinyin.
 */
import { readEntryFile, writeEntryFile, type EntryShape } from '../lib/frontmatter-edit.ts';
import { getPinyinForms } from '../lib/pinyin.ts';

/** A collection's shape with the fields that hold entry references. */
export interface EditorEntryShape extends EntryShape {
  /** Top-level fields whose values are folder names of entries (`teachers`). */
  references: readonly string[];
}

const ENTRY_SUFFIX = '/index';

function mapReferences(data: Record<string, unknown>, paths: readonly string[], map: (id: string) => string): Record<string, unknown> {
  const out = { ...data };
  for (const path of paths) {
    const value = out[path];
    if (Array.isArray(value)) out[path] = (value as unknown[]).map((v) => (typeof v === 'string' ? map(v) : v));
    else if (typeof value === 'string') out[path] = map(value);
  }
  return out;
}

/** An entry file as the editor's form sees it. */
export function readEditorEntry(text: string, shape: EditorEntryShape): Record<string, unknown> {
  const data = mapReferences(readEntryFile(text), shape.references, (id) => `${id}${ENTRY_SUFFIX}`);
  if (typeof data.name === 'string' && typeof data.pinyin === 'string') {
    const forms = getPinyinForms(data.name, data.pinyin);
    data.pinyinSearch = `${forms.full} ${forms.spaced} ${forms.initials}`;
  }
  return data;
}

/** The file the editor writes for the form's values. */
export function writeEditorEntry(data: Readonly<Record<string, unknown>>, shape: EditorEntryShape): string {
  const stripped = mapReferences({ ...data }, shape.references, (id) =>
    id.endsWith(ENTRY_SUFFIX) ? id.slice(0, -ENTRY_SUFFIX.length) : id,
  );
  return writeEntryFile(stripped, shape);
}
