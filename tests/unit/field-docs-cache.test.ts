/**
 * The fields' descriptions kept between builds (scripts/lib/schema-fields.ts): reused while every
 * file the compiler read is unchanged, compiled again when one changed or the record is unreadable.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFieldDocsCached } from '../../scripts/lib/schema-fields.ts';

interface DocsRecord {
  key: string;
  inputs: Record<string, string>;
  docs: Record<string, Record<string, string>>;
}

describe('readFieldDocsCached', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'yangwang-field-docs-')), 'admin-bundle', 'field-docs.json');
  const compiled = readFieldDocsCached(undefined);
  const title = compiled.stories.get('title');

  it('writes a record of the descriptions and of the schema files the compiler read', () => {
    expect(title).toBeTruthy();
    expect(readFieldDocsCached(file).stories.get('title')).toBe(title);
    const record = JSON.parse(readFileSync(file, 'utf-8')) as DocsRecord;
    expect(Object.keys(record.inputs).some((f) => f.endsWith('src/schemas/stories.ts'))).toBe(true);
    expect(Object.keys(record.inputs).some((f) => f.endsWith('src/schemas/common.ts'))).toBe(true);
    expect(record.docs.stories?.title).toBe(title);
  });

  it('answers from the record while its files are unchanged, and compiles again when one changed', () => {
    const record = JSON.parse(readFileSync(file, 'utf-8')) as DocsRecord;
    // A description only the record holds: seen again means the record was used.
    record.docs.stories = { ...record.docs.stories, title: '记录里的说明' };
    writeFileSync(file, JSON.stringify(record));
    expect(readFieldDocsCached(file).stories.get('title')).toBe('记录里的说明');

    const schema = Object.keys(record.inputs).find((f) => f.endsWith('src/schemas/stories.ts')) ?? '';
    writeFileSync(file, JSON.stringify({ ...record, inputs: { ...record.inputs, [schema]: 'another digest' } }));
    expect(readFieldDocsCached(file).stories.get('title')).toBe(title);
    // …and the record was rewritten with the file's real digest.
    expect((JSON.parse(readFileSync(file, 'utf-8')) as DocsRecord).inputs[schema]).not.toBe('another digest');
  });

  it('compiles again over an unreadable record', () => {
    writeFileSync(file, '{ not json');
    expect(readFieldDocsCached(file).stories.get('title')).toBe(title);
  });
});
