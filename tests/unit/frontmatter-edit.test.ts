/**
 * Nothing is damaged by the web editor: for every sample story and teacher, reading the file into
 * the form's values and writing it back gives the same bytes — also when the form adds what Decap
 * adds to an untouched entry (empty optional fields, default values, a derived search key); one
 * changed value changes one line; and the rendered HTML and the frontmatter values are unchanged.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { getEntryShape } from '../../scripts/lib/cms-config.ts';
import { renderFields } from '../../scripts/lib/scaffold.ts';
import { listSchemaFields } from '../../scripts/lib/schema-fields.ts';
import { readEditorEntry, writeEditorEntry } from '../../src/admin/entry-format.ts';
import { formatFrontmatter, splitEntryFile, writeEntryFile } from '../../src/lib/frontmatter-edit.ts';
import { renderMdx } from '../../src/content-input/entry/render-mdx.ts';
import { z } from 'astro/zod';
import { createStorySchema } from '../../src/schemas/stories.ts';

const files = (['stories', 'teachers'] as const).flatMap((collection) =>
  readdirSync(join('content', collection)).map((slug) => ({ collection, path: join('content', collection, slug, 'index.mdx') })),
);
const read = (path: string) => readFileSync(path, 'utf-8');

describe('saving an entry through the web editor', () => {
  it.each(files)('$path: saved unchanged, byte for byte, even with what the form adds', ({ collection, path }) => {
    const text = read(path);
    const shape = getEntryShape(collection);
    const data = readEditorEntry(text, shape);
    expect(writeEditorEntry(data, shape)).toBe(text);
    // What Decap's widgets put into the values of fields the file does not have.
    const formAdds: Record<string, unknown> =
      collection === 'stories'
        ? { subtitle: '', updated: '', corrections: [], sample: false, draft: false, source: { outlet: '', date: '', url: '' } }
        : { subject: '', stage: '', jobTitle: '', honours: [], sample: false, portrait: { src: '', alt: '', credit: '' } };
    const withForm = { ...Object.fromEntries(Object.entries(formAdds).filter(([k]) => !(k in data))), ...data };
    expect(writeEditorEntry(withForm, shape)).toBe(text);
  });

  it.each(files)('$path: one changed value changes one line; values and HTML stay the same', ({ collection, path }) => {
    const text = read(path);
    const shape = getEntryShape(collection);
    const data = readEditorEntry(text, shape);
    const key = collection === 'stories' ? 'title' : 'name';
    const written = writeEditorEntry({ ...data, [key]: `${String(data[key])}（改）` }, shape);
    const before = text.split('\n');
    const after = written.split('\n');
    expect(after.length).toBe(before.length);
    expect(after.filter((line, i) => line !== before[i])).toEqual([`${key}: ${String(data[key])}（改）`]);
    // Back to the old value: the old file.
    expect(writeEditorEntry({ ...readEditorEntry(written, shape), [key]: data[key] }, shape)).toBe(text);
    const original = renderMdx(text);
    const saved = renderMdx(written);
    expect(saved.html).toBe(original.html);
    const { [key]: _a, ...valuesBefore } = parse(splitEntryFile(text).frontmatter) as Record<string, unknown>;
    const { [key]: _b, ...valuesAfter } = parse(splitEntryFile(written).frontmatter) as Record<string, unknown>;
    expect(valuesAfter).toEqual(valuesBefore);
  });

  it('keeps comments, quotes and flow lists of a hand-written file, and adds a new field in the schema’s order', () => {
    const text =
      "---\n# 草稿\ntitle: 「灯」\nteachers: [lin-qiuyun]  # 文中人物\nwriter: 周南\npublished: '2024-09-08'\nsummary: 他说：“好。”\ncover:\n  src: ./cover.jpg\n  alt: 灯\n  credit: 周南\n  licence: 版权所有\nthemes: [师德]\n---\n正文\n";
    const shape = getEntryShape('stories');
    const data = readEditorEntry(text, shape);
    expect(writeEditorEntry(data, shape)).toBe(text);
    const updated = writeEditorEntry({ ...data, updated: '2025-01-15', themes: ['师德', '乡村教育'] }, shape);
    expect(updated).toBe(
      "---\n# 草稿\ntitle: 「灯」\nteachers: [lin-qiuyun]  # 文中人物\nwriter: 周南\npublished: '2024-09-08'\nupdated: '2025-01-15'\nsummary: 他说：“好。”\ncover:\n  src: ./cover.jpg\n  alt: 灯\n  credit: 周南\n  licence: 版权所有\nthemes: [师德, 乡村教育]\n---\n正文\n",
    );
  });

  it('an edit of a file npm run new wrote changes one line and keeps every comment', () => {
    const shape = getEntryShape('stories');
    const scaffold = `---\n${renderFields(listSchemaFields().stories, { title: '灯下', teachers: ['lin-qiuyun'], writer: '周南', published: '2026-11-30' })}---\n正文\n`;
    const data = readEditorEntry(scaffold, shape);
    expect(writeEditorEntry(data, shape)).toBe(scaffold);
    const edited = writeEditorEntry({ ...data, title: '灯下的作业本' }, shape);
    const before = scaffold.split('\n');
    expect(edited.split('\n').filter((line, i) => line !== before[i])).toEqual([expect.stringMatching(/^title: 灯下的作业本 {2}# /)]);
  });

  it('writes a new entry in the canonical form (the one npm run new writes) that the schema accepts', () => {
    const shape = getEntryShape('stories');
    const text = writeEntryFile(
      {
        draft: false,
        title: '灯下的作业本',
        teachers: ['lin-qiuyun'],
        writer: '仰望编辑部',
        published: '2026-11-30',
        summary: '一个晚上。',
        subtitle: '',
        cover: { src: 'cover.jpg', alt: '灯', credit: '周南', licence: 'CC BY-NC-ND 4.0' },
        themes: ['乡村教育', '师德'],
        corrections: [],
        sample: true,
        body: '第一段。',
      },
      shape,
    );
    expect(text).toBe(
      "---\ntitle: 灯下的作业本\nteachers: [lin-qiuyun]\nwriter: 仰望编辑部\npublished: '2026-11-30'\nsummary: 一个晚上。\ncover:\n  src: ./cover.jpg\n  alt: 灯\n  credit: 周南\n  licence: CC BY-NC-ND 4.0\nthemes: [乡村教育, 师德]\ncorrections: []\nsample: true\ndraft: false\n---\n第一段。\n",
    );
    const helpers = { image: () => z.string(), reference: () => z.string() };
    expect(createStorySchema(helpers).safeParse(parse(splitEntryFile(text).frontmatter)).success).toBe(true);
    expect(formatFrontmatter({}, shape)).toBe('');
  });
});
