/**
 * The web editor's configuration is generated from the schemas (scripts/lib/cms-config.ts); this
 * keeps the two from drifting apart: every schema field is in the form with its Chinese label and
 * the schema's comment as hint, required as the schema says, choices, patterns, dates, images,
 * relations and defaults; and nothing else is in the form.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CMS_COLLECTIONS, createCmsConfig, findConfigDrift, readSchools } from '../../scripts/lib/cms-config.ts';
import { listSchemaFields } from '../../scripts/lib/schema-fields.ts';
import { COMPONENTS } from '../../src/content-input/entry/components.ts';

const root = process.cwd();
const config = createCmsConfig({ root }) as Parameters<typeof findConfigDrift>[0] & Record<string, unknown>;
const fields = listSchemaFields();
const schools = readSchools(root);

describe('web editor configuration', () => {
  it('agrees with the schemas, field by field', () => {
    expect(findConfigDrift(config, fields, schools)).toEqual([]);
  });

  it('reports a field the form lacks, an extra one, a wrong required flag, choice list or pattern', () => {
    const broken = structuredClone(config);
    const stories = broken.collections?.find((c) => c.name === 'stories');
    const teachers = broken.collections?.find((c) => c.name === 'teachers');
    if (!stories?.fields || !teachers?.fields) throw new Error('no collections');
    stories.fields = stories.fields.filter((f) => f.name !== 'summary');
    stories.fields.push({ name: 'extra', label: '多余', widget: 'string' });
    const writer = stories.fields.find((f) => f.name === 'writer');
    if (writer) writer.required = false;
    const stage = teachers.fields.find((f) => f.name === 'stage');
    if (stage) stage.options = ['小学'];
    const pinyin = teachers.fields.find((f) => f.name === 'pinyin');
    if (pinyin) pinyin.pattern = ['.*', 'x'];
    expect(findConfigDrift(broken, fields, schools)).toEqual([
      'stories.extra: 表单里有，schema 里没有',
      'stories.writer: 必填应为 true，表单是 false',
      'stories.summary: schema 里有，表单里没有',
      'teachers.pinyin: 格式（pattern）与 schema 不同',
      'teachers.stage: 选项应为 小学、初中、高中、中职、特殊教育、高校',
    ]);
  });

  it('is Chinese, saves entries as <folder>/index.mdx with images beside them, and offers every component', () => {
    expect(config.locale).toBe('zh_Hans');
    for (const name of CMS_COLLECTIONS) {
      const collection = (
        config.collections as {
          name: string;
          folder: string;
          path: string;
          media_folder: string;
          fields: { name: string; editor_components?: string[] }[];
        }[]
      ).find((c) => c.name === name);
      expect(collection?.folder).toBe(`content/${name}`);
      expect(collection?.path).toBe('{{slug}}/index');
      expect(collection?.media_folder).toBe('');
      const body = collection?.fields.find((f) => f.name === 'body');
      expect(body?.editor_components?.sort()).toEqual([...Object.keys(COMPONENTS).filter((n) => !COMPONENTS[n]?.parent), 'Table'].sort());
    }
  });

  it('patterns, compiled as Decap compiles them (RegExp(source), no flags), accept and refuse what the schema does', () => {
    const teachers = (config.collections as { name: string; fields: { name: string; pattern?: [string, string] }[] }[]).find(
      (c) => c.name === 'teachers',
    );
    const form = RegExp(teachers?.fields.find((f) => f.name === 'pinyin')?.pattern?.[0] ?? '');
    const schema = fields.teachers.find((f) => f.path === 'pinyin')?.pattern;
    const rule = new RegExp(schema?.source ?? '', schema?.flags);
    const written = readdirSync('content/teachers').map(
      (slug) => /^pinyin: (.+)$/m.exec(readFileSync(`content/teachers/${slug}/index.mdx`, 'utf-8'))?.[1] ?? '',
    );
    for (const value of [...written, 'Ōuyáng Xiū', 'Lǚ Qīng', 'Lin Xiaoyu 1', 'lin  qiuyun', '林秋云', ' Lín']) {
      expect(form.test(value), value).toBe(rule.test(value));
    }
    expect(written.every((v) => form.test(v))).toBe(true);
  });

  it('picks schools from the school list, searchable by name and pinyin id', () => {
    const teachers = (
      config.collections as { name: string; fields: { name: string; options?: { label: string; value: string }[] }[] }[]
    ).find((c) => c.name === 'teachers');
    const school = teachers?.fields.find((f) => f.name === 'school');
    expect(school?.options?.length).toBe(schools.length);
    expect(school?.options?.[0]?.label).toMatch(/\p{Script=Han}.*（[a-z0-9-]+）$/u);
  });
});
