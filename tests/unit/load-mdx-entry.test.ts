import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { formatProblem } from '../../src/content-input/problem.ts';
import { getRenderedEntriesVersion, keepRenderedEntry } from '../../src/content-input/tree/rendered-entries.ts';
import { bodyOf, readBody } from '../../src/content-input/entry/body-files.ts';
import { mdxLoader } from '../../src/content-input/astro/mdx-loader.ts';
import { loadMdxEntry } from '../../src/content-input/entry/mdx-entry.ts';
import { yamlListLoader } from '../../src/content-input/astro/yaml-loader.ts';
import { schoolSchema } from '../../src/schemas/schools.ts';
import { createStorySchema } from '../../src/schemas/stories.ts';

const load = (folder: string) => {
  const file = `tests/fixtures/loader/stories/${folder}/index.mdx`;
  return loadMdxEntry(readFileSync(file, 'utf-8'), file, resolve(file), createStorySchema);
};

describe('loadMdxEntry', () => {
  it('loads a good story: data with figures, HTML, headings, no problems', () => {
    const entry = load('good-story');
    expect(entry.problems).toEqual([]);
    expect(entry.id).toBe('good-story');
    expect(entry.data).toMatchObject({
      title: '测试故事',
      published: '2024-09-08',
      figures: [{ src: './photo.jpg', alt: '操场', credit: '周南 摄', line: 19 }],
    });
    expect(entry.headings).toEqual([{ depth: 2, slug: '第一节', text: '第一节' }]);
    expect(entry.html).toContain('<h2 id="第一节">第一节</h2>');
  });

  it('reports every problem of a bad story with file, line and field, in Chinese', () => {
    const lines = load('Bad_Folder').problems.map(formatProblem).sort();
    const f = 'tests/fixtures/loader/stories/Bad_Folder/index.mdx';
    expect(lines).toEqual(
      [
        `${f}  文件夹名  文件夹名 “Bad_Folder” 会成为网址，只能用小写拼音字母、数字和连字符，例如 lin-qiuyun`,
        `${f}:3  teachers  至少要有一位教师`,
        `${f}:5  published  不是真实存在的日期，应写成 YYYY-MM-DD，例如 2024-09-10`,
        `${f}:6  updated  更新日期不能早于发布日期`,
        `${f}:9  cover.src  找不到这个图片文件，请检查文件名和路径`,
        `${f}:10  cover.alt  不能为空`,
        `${f}:14  colour  不认识的字段 “colour”（是否拼错了？）；可用的字段有：title、subtitle、teachers、writer、published、updated、summary、cover、themes、source、corrections、sample、draft`,
        `${f}:16  正文  不允许花括号表达式 {…}：如果要写花括号，请用全角｛｝`,
        `${f}:18  <Figure> src  ./nope.jpg：找不到这个图片文件，请检查文件名和路径`,
      ].sort(),
    );
  });
});

/** Runs the MDX loader itself over a folder, with the smallest stand-in for Astro's context. */
interface StoredEntry {
  id: string;
  data: Record<string, unknown>;
  filePath?: string;
  digest?: string | number;
  rendered?: { html: string; metadata?: Record<string, unknown> };
}

/** Astro's cache folder of the stand-in: the loader keeps the bodies there. */
const CACHE = mkdtempSync(join(tmpdir(), 'yangwang-loader-cache-'));
afterAll(() => rmSync(CACHE, { recursive: true, force: true }));

/** The body the loader stored for an entry, as its page reads it. */
const bodyHtml = (entry: StoredEntry | undefined) => (entry ? readBody(bodyOf(entry)) : undefined);

async function runLoader(base: string, stored = new Map<string, StoredEntry>()) {
  const loader = mdxLoader({ base, createSchema: createStorySchema });
  const context = {
    collection: 'stories',
    config: { root: pathToFileURL(`${process.cwd()}/`), cacheDir: pathToFileURL(`${CACHE}/`) },
    store: {
      get: (id: string) => stored.get(id),
      set: (e: { id: string; data: Record<string, unknown> }) => stored.set(e.id, e),
      keys: () => [...stored.keys()],
      values: () => [...stored.values()],
      delete: (id: string) => stored.delete(id),
    },
    generateDigest: (value: unknown) => createHash('sha256').update(String(value)).digest('hex'),
    parseData: ({ data }: { data: Record<string, unknown> }) => Promise.resolve(data),
    logger: { info: () => undefined, error: () => undefined },
    watcher: undefined,
  };
  await loader.load(context as unknown as Parameters<typeof loader.load>[0]);
  return stored;
}

describe('mdxLoader', () => {
  const makeBase = () => {
    const dir = mkdtempSync(join(tmpdir(), 'yangwang-loader-'));
    cpSync('tests/fixtures/loader/stories/good-story', join(dir, 'stories/good-story'), { recursive: true });
    return {
      base: relative(process.cwd(), join(dir, 'stories')),
      file: join(dir, 'stories/good-story/index.mdx'),
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
    };
  };

  it('refuses a file that is not UTF-8 instead of publishing replacement characters', async () => {
    // Before: the loader read GBK bytes as UTF-8 and published “���” without a word.
    const { base, file, cleanup } = makeBase();
    copyFileSync('tests/fixtures/checks/cases/encoding-gbk/content/teachers/tang-haoying/index.mdx', file);
    await expect(runLoader(base)).rejects.toThrow(/good-story\/index\.mdx:2 {2}文件编码 {2}文件不是 UTF-8 编码/);
    cleanup();
  });

  it("stores an unchanged text read from another folder again, with that folder's path", async () => {
    // Before: the digest was the text's alone, so after `npm run dev` on a copy of the content
    // (which the dev tests make in /tmp, with the project's own cache) a build of content/ kept
    // entries whose files and images were in the deleted copy, and failed: ImageNotFound ./cover.jpg.
    const first = makeBase();
    const second = makeBase();
    const stored = await runLoader(first.base);
    expect(stored.get('good-story')?.filePath).toBe(`${first.base}/good-story/index.mdx`);
    await runLoader(second.base, stored);
    expect(stored.get('good-story')?.filePath).toBe(`${second.base}/good-story/index.mdx`);
    first.cleanup();
    second.cleanup();
  });

  it('takes the entry the content check already rendered, only while the text is unchanged', async () => {
    const { base, file, cleanup } = makeBase();
    const source = readFileSync(file, 'utf-8');
    const checked = loadMdxEntry(source, `${base}/good-story/index.mdx`, file, createStorySchema);
    const rules = await getRenderedEntriesVersion();
    await keepRenderedEntry(rules, file, source, { ...checked, html: '<p>rendered by the check</p>' });
    expect(bodyHtml((await runLoader(base)).get('good-story'))).toBe('<p>rendered by the check</p>');

    await keepRenderedEntry(rules, file, `${source}\n（旧稿）`, { ...checked, html: '<p>stale</p>' });
    expect(bodyHtml((await runLoader(base)).get('good-story'))).toContain('<h2 id="第一节">第一节</h2>');

    // An image added to the entry's folder may change what the entry renders: not taken.
    await keepRenderedEntry(rules, file, source, { ...checked, html: '<p>before the folder changed</p>' });
    writeFileSync(join(dirname(file), 'new.jpg'), 'x');
    expect(bodyHtml((await runLoader(base)).get('good-story'))).toContain('<h2 id="第一节">第一节</h2>');
    cleanup();
  });
});

describe('yamlListLoader', () => {
  it('stores file paths relative to the root, also when the file is given as an absolute path', async () => {
    // An absolute content folder (as benchmarks use) must not make Astro throw
    // “File path must be relative to the site root”.
    const stored: { id: string; filePath?: string }[] = [];
    const loader = yamlListLoader({ file: resolve('tests/fixtures/checks/base/content/schools.yaml'), createSchema: () => schoolSchema });
    const context = {
      config: { root: pathToFileURL(`${process.cwd()}/`) },
      store: { get: () => undefined, keys: () => [], set: (e: { id: string; filePath?: string }) => stored.push(e) },
      generateDigest: () => 'x',
      parseData: ({ data }: { data: unknown }) => Promise.resolve(data),
      logger: { info: () => undefined, error: () => undefined },
      watcher: undefined,
    };
    await loader.load(context as unknown as Parameters<typeof loader.load>[0]);
    expect(stored.map((e) => e.filePath)).toEqual([
      'tests/fixtures/checks/base/content/schools.yaml',
      'tests/fixtures/checks/base/content/schools.yaml',
    ]);
  });

  it('leaves unchanged entries alone on a reload and deletes the ones no longer in the file', async () => {
    // Clearing and setting every entry marked Astro's content store changed on every build, so
    // the whole store was written to disk again with nothing edited.
    const dir = mkdtempSync(join(tmpdir(), 'yaml-loader-'));
    const file = join(dir, 'schools.yaml');
    const source = readFileSync('tests/fixtures/checks/base/content/schools.yaml', 'utf-8');
    writeFileSync(file, source);
    const entries = new Map<string, { id: string; digest?: string }>();
    const writes: string[] = [];
    const context = {
      config: { root: pathToFileURL(`${process.cwd()}/`) },
      store: {
        get: (id: string) => entries.get(id),
        keys: () => [...entries.keys()],
        set: (e: { id: string; digest?: string }) => {
          writes.push(`set ${e.id}`);
          entries.set(e.id, e);
        },
        delete: (id: string) => {
          writes.push(`delete ${id}`);
          entries.delete(id);
        },
      },
      generateDigest: (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex'),
      parseData: ({ data }: { data: unknown }) => Promise.resolve(data),
      logger: { info: () => undefined, error: () => undefined },
      watcher: undefined,
    };
    const load = () =>
      yamlListLoader({ file, createSchema: () => schoolSchema }).load(
        context as unknown as Parameters<ReturnType<typeof yamlListLoader>['load']>[0],
      );
    await load();
    const ids = [...entries.keys()];
    expect(ids.length).toBe(2);
    writes.length = 0;
    await load();
    expect(writes).toEqual([]);
    // The second school removed from the file.
    const [first] = parse(source) as unknown[];
    writeFileSync(file, stringify([first]));
    await load();
    expect(writes).toEqual([`delete ${ids[1]}`]);
    rmSync(dir, { recursive: true, force: true });
  });
});
