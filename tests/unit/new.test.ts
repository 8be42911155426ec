/**
 * `npm run new`: slugs suggested in pinyin and made unique, nothing ever overwritten, every
 * field written with its comment, and what it writes passes the content check once filled in.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runNew } from '../../scripts/new.ts';
import { listSchemaFields } from '../../scripts/lib/schema-fields.ts';
import { checkContent } from '../../src/content-input/tree/check-content.ts';
import { makeContentRoot } from '../helpers/check-fixtures.ts';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

function project() {
  const { root, cleanup } = makeContentRoot();
  cleanups.push(cleanup);
  return root;
}

/** Runs the command without a terminal (flags only); answers, when given, are typed into a terminal. */
async function run(root: string, argv: string[], answers?: string[]) {
  let output = '';
  const out = new Writable({
    write: (chunk: Buffer, _enc, done) => {
      output += chunk.toString();
      done();
    },
  });
  const input = new PassThrough();
  if (answers) input.end(`${answers.join('\n')}\n`);
  const code = await runNew([...argv, '--content', 'content'], {
    root,
    input,
    output: out,
    interactive: Boolean(answers),
    today: '2025-03-01',
  });
  return { code, output };
}

const read = (root: string, file: string) => readFileSync(join(root, 'content', file), 'utf-8');
const digest = (root: string, file: string) =>
  createHash('sha256')
    .update(readFileSync(join(root, 'content', file)))
    .digest('hex');
const problemsIn = async (root: string, file: string) =>
  (await checkContent({ root, contentDir: 'content', cacheFile: false })).problems.filter((p) => p.file === `content/${file}`);

describe('npm run new: slugs', () => {
  it('suggests the pinyin of the title, and the next free one when it is taken', async () => {
    const root = project();
    const first = await run(root, ['story', '--title', '山里的灯', '--teacher', 'lin-qiuyun']);
    expect(first.code).toBe(0);
    expect(first.output).toContain('已创建 content/stories/shan-li-de-deng-2/index.mdx');
    const second = await run(root, ['story', '--title', '山里的灯', '--teacher', 'lin-qiuyun']);
    expect(second.output).toContain('已创建 content/stories/shan-li-de-deng-3/index.mdx');
    // The first test pays for loading TypeScript (the schemas' field comments) and the pinyin
    // dictionary: over 5 s on a busy 2-core machine.
  }, 30_000);

  it('suggests family name, then given name, for a teacher', async () => {
    const root = project();
    const result = await run(root, ['teacher', '--name', '欧阳春晓', '--school', 'yunling-qinglan-xiaoxue']);
    expect(result.output).toContain('已创建 content/teachers/ouyang-chunxiao/index.mdx');
    expect(read(root, 'teachers/ouyang-chunxiao/index.mdx')).toContain('pinyin: Ōuyáng Chūnxiǎo');
  });

  it('never overwrites: a slug that exists, in any letter case, is refused and nothing changes', async () => {
    const root = project();
    const before = digest(root, 'stories/shan-li-de-deng/index.mdx');
    for (const slug of ['shan-li-de-deng', 'Shan-Li-De-Deng']) {
      const result = await run(root, ['story', '--title', '别的故事', '--slug', slug]);
      expect(result.code).toBe(2);
    }
    expect((await run(root, ['story', '--title', '别的故事', '--slug', 'shan-li-de-deng'])).output).toContain(
      '“shan-li-de-deng” 已经有了，不会覆盖；可以用 shan-li-de-deng-2',
    );
    expect(digest(root, 'stories/shan-li-de-deng/index.mdx')).toBe(before);
    const school = await run(root, ['school', '--name', '屯溪二中']);
    expect(school.code).toBe(2);
    expect(school.output).toContain('已经有 “屯溪二中” 了');
  });

  it('refuses a slug that is not lowercase pinyin', async () => {
    const result = await run(project(), ['story', '--title', '新故事', '--slug', 'Xin Gu Shi']);
    expect(result.code).toBe(2);
    expect(result.output).toContain('只能用小写拼音字母、数字和连字符');
  });
});

describe('npm run new: what it writes', () => {
  it('writes every field of the schema, each with its comment', async () => {
    const root = project();
    await run(root, ['story', '--title', '新故事', '--teacher', 'lin-qiuyun']);
    const text = read(root, 'stories/xin-gu-shi/index.mdx');
    const lines = text.split('\n');
    for (const field of listSchemaFields().stories) {
      const key = field.path.split('.').at(-1)?.replace('[]', '');
      const written = lines.some((l) => new RegExp(`^\\s*(# )?(- )?${key}:`).test(l) && l.includes(`# ${field.doc.replace(/。$/, '')}`));
      expect(written, field.path).toBe(true);
    }
  });

  it('lists what is left to fill in, from the content check', async () => {
    const result = await run(project(), ['story', '--title', '新故事', '--teacher', 'lin-qiuyun', '--sample']);
    expect(result.output).toContain('content/stories/xin-gu-shi/index.mdx:5  writer  不能为空');
    expect(result.output).toContain('content/stories/xin-gu-shi/index.mdx:10  cover.src  找不到这个图片文件');
    expect(result.output).toContain('正文  正文是空的');
  });

  it('writes a story that passes the content check when every flag is given (a draft: no body yet)', async () => {
    const root = project();
    const result = await run(root, [
      'story',
      '--title',
      '灯下的作业本',
      '--teacher',
      '林秋云',
      '--writer',
      '仰望编辑部 周南',
      '--summary',
      '她在灯下批改作业，一改就是二十年。',
      '--theme',
      '师德',
      '--theme',
      '乡村教育',
      '--cover',
      resolve('tests/fixtures/images/sample.jpg'),
      '--cover-alt',
      '灯下摊开的作业本和一支红笔',
      '--cover-credit',
      '仰望编辑部 生成插图',
      '--cover-licence',
      'CC BY-NC-ND 4.0',
      '--sample',
      '--draft',
    ]);
    expect(result.code).toBe(0);
    expect(result.output).toContain('内容检查：新文件没有问题。');
    expect(await problemsIn(root, 'stories/deng-xia-de-zuo-ye-ben/index.mdx')).toEqual([]);
    // Published once it has a body.
    const file = join(root, 'content/stories/deng-xia-de-zuo-ye-ben/index.mdx');
    writeFileSync(file, `${readFileSync(file, 'utf-8').replace('draft: true', 'draft: false')}她在灯下批改作业。\n`);
    expect((await checkContent({ root, contentDir: 'content', cacheFile: false })).problems).toEqual([]);
  });

  it('writes a teacher and a collection that pass the content check', async () => {
    const root = project();
    await run(root, ['teacher', '--name', '周明远', '--school', '云岭县青岚小学', '--subject', '数学', '--stage', '初中', '--sample']);
    await run(root, ['collection', '--title', '灯火', '--description', '示例文集。', '--chapter', '山里的灯', '--sample']);
    expect(read(root, 'teachers/zhou-mingyuan/index.mdx')).toContain('school: yunling-qinglan-xiaoxue');
    expect(read(root, 'collections/deng-huo.yaml')).toContain('chapters: [shan-li-de-deng]');
    expect((await checkContent({ root, contentDir: 'content', cacheFile: false })).problems).toEqual([]);
  });

  it('appends a school to schools.yaml and keeps every comment and line already there', async () => {
    const root = project();
    const before = read(root, 'schools.yaml');
    const result = await run(root, ['school', '--name', '云岭县松塘初级中学', '--district', '云岭县', '--stage', '初中', '--sample']);
    expect(result.code).toBe(0);
    const after = read(root, 'schools.yaml');
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toContain('- id: yun-ling-xian-song-tang-chu-ji-zhong  # 学校页面的网址');
    expect(after).toContain('# 检查用的最小内容');
    expect((await checkContent({ root, contentDir: 'content', cacheFile: false })).problems).toEqual([]);
  });
});

describe('npm run new: in a terminal', () => {
  it('asks for what is missing; Enter keeps the suggestion', async () => {
    const root = project();
    const result = await run(
      root,
      ['story'],
      ['教室后墙的书箱', '', 'lin-qiuyun', '仰望编辑部 周南', '', '书箱走了二十年。', '阅读 乡村教育', '', '后墙上的木书箱', '周南 摄', ''],
    );
    expect(result.code).toBe(0);
    expect(result.output).toContain('网址里的名字（小写拼音，用连字符连接；定下后不再改）［jiao-shi-hou-qiang-de-shu-xiang］');
    const text = read(root, 'stories/jiao-shi-hou-qiang-de-shu-xiang/index.mdx');
    expect(text).toContain("published: '2025-03-01'");
    expect(text).toContain('themes: [阅读, 乡村教育]');
    expect(text).toContain('alt: 后墙上的木书箱');
    expect(text).toContain('licence: 版权所有');
  });

  it('asks again when the slug typed exists', async () => {
    const root = project();
    const result = await run(root, ['teacher'], ['唐浩瑛', 'tang-haoying', 'tang-haoying-b', '', 'tunxi-erzhong', '', '', '']);
    expect(result.output).toContain('“tang-haoying” 已经有了，换一个（例如 tang-haoying-2）');
    expect(result.output).toContain('已创建 content/teachers/tang-haoying-b/index.mdx');
  });
});

describe('npm run new (the real command)', () => {
  it('runs without a terminal, with flags, and exits 2 when the title is missing', () => {
    const root = project();
    const script = resolve('scripts/new.ts');
    const ok = spawnSync(process.execPath, [script, 'school', '--name', '望川区实验小学', '--content', 'content'], {
      cwd: root,
      encoding: 'utf-8',
      input: '',
    });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('已创建 content/schools.yaml');
    const missing = spawnSync(process.execPath, [script, 'story', '--content', 'content'], { cwd: root, encoding: 'utf-8', input: '' });
    expect(missing.status).toBe(2);
    expect(missing.stdout).toContain('需要标题：请在命令后面写 --title …');
  }, 60_000);
});
