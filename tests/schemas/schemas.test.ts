import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/content-input/problem.ts';
import { loadYamlFile, loadYamlList } from '../../src/content-input/entry/yaml-entry.ts';
import { createCheckHelpers, validateEntry, validateWithSchema } from '../../src/content-input/entry/validate.ts';
import { createVolumeSchema } from '../../src/schemas/volumes.ts';
import { createHonourYearSchema } from '../../src/schemas/honours.ts';
import { schoolSchema } from '../../src/schemas/schools.ts';
import { createStorySchema } from '../../src/schemas/stories.ts';
import { createTeacherSchema } from '../../src/schemas/teachers.ts';

const here = resolve('tests/fixtures/loader/stories/good-story/index.mdx');
const helpers = createCheckHelpers(here);
const check = (schema: Parameters<typeof validateWithSchema>[0], value: unknown) =>
  validateWithSchema(schema, value, 'x.mdx', () => undefined).problems.map((p) => `${p.field}: ${p.message}`);

const story = {
  title: '山里的灯',
  teachers: ['lin-qiuyun'],
  writer: '仰望编辑部',
  published: '2024-09-08',
  summary: '摘要。',
  cover: { src: './cover.jpg', alt: '教室', credit: '生成插图', licence: 'CC BY-NC-ND 4.0' },
  themes: ['乡村教育'],
};

describe('stories', () => {
  const schema = createStorySchema(helpers);
  it('accepts a complete story and fills defaults', () => {
    const result = schema.safeParse(story);
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({
      sample: false,
      draft: false,
      corrections: [],
      teachers: [{ collection: 'teachers', id: 'lin-qiuyun' }],
    });
  });
  it('keeps dates as the text written, never coerced', () => {
    expect(schema.parse({ ...story, updated: '2024-10-01' }).updated).toBe('2024-10-01');
    expect(check(schema, { ...story, published: '2024-02-30' })).toEqual([
      'published: 不是真实存在的日期，应写成 YYYY-MM-DD，例如 2024-09-10',
    ]);
    expect(check(schema, { ...story, published: 20240908 })).toEqual([
      'published: 应是写成 YYYY-MM-DD 的日期，例如 2024-09-10（请加引号）',
    ]);
  });
  it('refuses missing, unknown and malformed fields in words an editor understands', () => {
    const { writer: _w, ...noWriter } = story;
    expect(check(schema, noWriter)).toEqual(['writer: 缺少必填字段']);
    expect(check(schema, { ...story, auther: 'x' })[0]).toMatch(/^auther: 不认识的字段 “auther”（是否拼错了？）/);
    expect(check(schema, { ...story, cover: { ...story.cover, licence: undefined } })).toEqual(['cover.licence: 缺少必填字段']);
    expect(check(schema, { ...story, cover: { ...story.cover, src: './nope.jpg' } })).toEqual([
      'cover.src: 找不到这个图片文件，请检查文件名和路径',
    ]);
    expect(check(schema, { ...story, themes: [] })).toEqual(['themes: 至少要有一个主题']);
    expect(check(schema, { ...story, source: { outlet: '云岭教育', date: '2024-06-01', url: 'javascript:alert(1)' } })).toEqual([
      'source.url: 应是 http(s) 开头的网址',
    ]);
    expect(check(schema, { ...story, corrections: [{ date: '2024-09-31', text: '改正' }] })).toEqual([
      'corrections.0.date: 不是真实存在的日期，应写成 YYYY-MM-DD，例如 2024-09-10',
    ]);
  });
});

describe('teachers', () => {
  const schema = createTeacherSchema(helpers);
  const teacher = {
    name: '唐浩瑛',
    pinyin: 'Táng Hàoyīng',
    school: 'tunxi-xiandai-shiyan-xuexiao',
    honours: [{ year: 2023, title: '全市专业技术拔尖人才', level: '市级', awardedBy: '市委、市政府' }],
  };
  it('accepts a profile that states only a name, school and honour', () => {
    expect(check(schema, teacher)).toEqual([]);
  });
  it('refuses a bad pinyin, stage and honour level', () => {
    expect(check(schema, { ...teacher, pinyin: 'tang-haoying' })).toEqual([
      'pinyin: 应是带声调的拼音，姓在前，姓和名之间一个空格，例如 Táng Hàoyīng',
    ]);
    expect(check(schema, { ...teacher, stage: '大学' })).toEqual(['stage: 应是以下之一：小学、初中、高中、中职、特殊教育、高校']);
    expect(check(schema, { ...teacher, honours: [{ ...teacher.honours[0], level: '区级' }] })).toEqual([
      'honours.0.level: 应是以下之一：国家级、省级、市级、县区级、校级',
    ]);
  });
  it('requires alt text and credit on a portrait', () => {
    expect(check(schema, { ...teacher, portrait: { src: './cover.jpg' } })).toEqual([
      'portrait.alt: 缺少必填字段',
      'portrait.credit: 缺少必填字段',
    ]);
  });
});

describe('schools (a YAML list)', () => {
  it('reads a list and reports each item by its line', () => {
    const yaml =
      '- id: gantang-xiaoxue\n  name: 甘棠小学\n  stages: [小学]\n- id: Gantang-Xiaoxue\n  name: 甘棠小学二\n- id: gantang-xiaoxue\n  name: 重复\n  stage: 小学\n';
    const result = loadYamlList(yaml, 'content/schools.yaml', resolve('content/schools.yaml'), () => schoolSchema);
    expect(result.entries.map((e) => e.id)).toEqual(['gantang-xiaoxue']);
    expect(result.problems.map(formatProblem)).toEqual([
      'content/schools.yaml:4  1.id  只能用小写拼音字母、数字和连字符，例如 lin-qiuyun',
      'content/schools.yaml:4  1.id  id “Gantang-Xiaoxue” 与第 1 项重复，每项的 id 必须不同',
      expect.stringMatching(/^content\/schools.yaml:8 {2}2.stage {2}不认识的字段 “stage”/),
      'content/schools.yaml:6  2.id  id “gantang-xiaoxue” 与第 1 项重复，每项的 id 必须不同',
    ]);
  });
  it('reports YAML syntax errors with their line', () => {
    const result = loadYamlList(
      '- id: a\n  name: [unclosed\n',
      'content/schools.yaml',
      resolve('content/schools.yaml'),
      () => schoolSchema,
    );
    expect(result.problems[0]?.message).toMatch(/^YAML/);
    expect(result.problems[0]?.line).toBeGreaterThanOrEqual(2);
  });
});

describe('honours (one YAML file per year)', () => {
  const roll = (awards: string) => `year: 2023\nsource: 2023年度人才工作总结\nawards:\n${awards}`;
  const award = '  - id: shide-biaobing\n    title: 师德标兵\n    level: 市级\n    awardedBy: 市教育体育局\n    count: 49\n';
  it('accepts a roll with counts and no named recipients', () => {
    const result = loadYamlFile(roll(award), 'content/honours/2023.yaml', resolve('content/honours/2023.yaml'), createHonourYearSchema);
    expect(result.problems).toEqual([]);
    expect(result.entries[0]?.id).toBe('2023');
  });
  it('refuses a year that does not match the file name, a bad recipient and an impossible date', () => {
    const text = roll(`${award}    date: '2023-09-31'\n    recipients:\n      - teacher: tang-haoying\n      - nom: 张三\n`).replace(
      'year: 2023',
      'year: 2024',
    );
    const result = loadYamlFile(text, 'content/honours/2023.yaml', resolve('content/honours/2023.yaml'), createHonourYearSchema);
    expect(result.problems.map(formatProblem)).toEqual([
      'content/honours/2023.yaml:9  awards.0.date  不是真实存在的日期，应写成 YYYY-MM-DD，例如 2024-09-10',
      'content/honours/2023.yaml:12  awards.0.recipients.1  每位获奖者写成 { teacher: 教师slug } 或 { name: 姓名, school: 学校id }',
      'content/honours/2023.yaml:1  year  year 写的是 2024，但文件名是 2023.yaml，两者应一致',
    ]);
  });
  it('refuses more named recipients than the count', () => {
    const text = roll(award.replace('count: 49', 'count: 1') + '    recipients:\n      - name: 甲\n      - name: 乙\n');
    const result = loadYamlFile(text, 'content/honours/2023.yaml', resolve('content/honours/2023.yaml'), createHonourYearSchema);
    expect(result.problems.map((p) => p.message)).toEqual(['列出的获奖者多于总人数']);
  });
});

describe('volumes', () => {
  it('needs at least one chapter and a whole-number print run', () => {
    const schema = createVolumeSchema(helpers);
    const volume = {
      title: '仰望',
      year: 2023,
      editor: '市教育体育局',
      publisher: '市教育体育局',
      description: '报告集。',
      chapters: ['shan-li-de-deng'],
    };
    expect(check(schema, volume)).toEqual([]);
    expect(check(schema, { ...volume, chapters: [], printRun: 12000.5 })).toEqual([
      'printRun: 类型不对：应是整数，这里写的是数字',
      'chapters: 至少要有一篇',
    ]);
  });

  it('takes a trim size as 宽×高 in millimetres or by name, and refuses what is not a size', () => {
    const schema = createVolumeSchema(helpers);
    const volume = {
      title: '仰望',
      year: 2023,
      editor: '市教育体育局',
      publisher: '市教育体育局',
      description: '报告集。',
      chapters: ['shan-li-de-deng'],
    };
    for (const trim of ['185×260', '140x203', '148 × 210 mm', 'A5', '16开', '大32开'])
      expect(check(schema, { ...volume, trim })).toEqual([]);
    expect(check(schema, { ...volume, trim: '185x' })).toEqual([
      'trim: “185x” 不是开本尺寸：请写 宽×高（毫米，90–420），例如 185×260，或写 16开、大16开、32开、大32开、A4、A5、B5',
    ]);
    expect(check(schema, { ...volume, trim: '18×26' })[0]).toMatch(/^trim: “18×26” 不是开本尺寸/);
    expect(check(schema, { ...volume, trim: 185 })[0]).toMatch(/^trim: 类型不对|^trim: 应是开本尺寸/);
  });
});

describe('validateEntry (one schema per collection, made once)', () => {
  const elsewhere = resolve('tests/fixtures/loader/stories/no-such-folder/index.mdx');
  const problemsOf = (absolute: string) =>
    validateEntry(createStorySchema, absolute, story, 'x.mdx', () => undefined).problems.map((p) => `${p.field}: ${p.message}`);

  it("looks for each entry's images in that entry's own folder, entry after entry", () => {
    expect(problemsOf(here)).toEqual([]);
    expect(problemsOf(elsewhere)).toEqual(['cover.src: 找不到这个图片文件，请检查文件名和路径']);
    expect(problemsOf(here)).toEqual([]);
  });
});
