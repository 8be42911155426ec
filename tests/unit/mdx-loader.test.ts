/**
 * The loader against a stand-in for Astro's loader context: stores rendered entries with a digest,
 * does not render an unchanged entry again, drops deleted entries, and stops on bad content
 * listing every problem.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError } from '../../src/content-input/problem.ts';
import { listMdxEntries, mdxLoader } from '../../src/content-input/astro/mdx-loader.ts';
import { createStorySchema } from '../../src/schemas/stories.ts';

interface StoredEntry {
  id: string;
  data: Record<string, unknown>;
  digest?: string;
  filePath?: string;
  rendered?: { html: string; metadata?: Record<string, unknown> };
}

function createContext(root: string) {
  const entries = new Map<string, StoredEntry>();
  let parsed = 0;
  const context = {
    collection: 'stories',
    config: { root: pathToFileURL(`${root}/`), cacheDir: pathToFileURL(`${root}/node_modules/.astro/`) },
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined },
    generateDigest: (value: string) => String(value.length) + ':' + value.slice(-40),
    parseData: ({ data }: { data: Record<string, unknown> }) => {
      parsed += 1;
      return Promise.resolve(data);
    },
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: StoredEntry) => {
        entries.set(entry.id, entry);
        return true;
      },
      keys: () => [...entries.keys()],
      values: () => [...entries.values()],
      delete: (id: string) => entries.delete(id),
    },
  };
  return { context: context as unknown as LoaderContext, entries, parsedCount: () => parsed };
}

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

function makeProject(): string {
  root = mkdtempSync(join(tmpdir(), 'yangwang-loader-'));
  cpSync('tests/fixtures/loader/stories/good-story', join(root, 'content/stories/good-story'), { recursive: true });
  cpSync('tests/fixtures/loader/stories/good-story', join(root, 'content/stories/second-story'), { recursive: true });
  return root;
}

describe('mdxLoader', () => {
  it('stores rendered entries with a digest and does not render unchanged entries again', async () => {
    const dir = makeProject();
    const { context, entries, parsedCount } = createContext(dir);
    const loader = mdxLoader({ base: 'content/stories', createSchema: createStorySchema });
    await loader.load(context);
    expect([...entries.keys()].sort()).toEqual(['good-story', 'second-story']);
    const entry = entries.get('good-story');
    expect(entry?.filePath).toBe('content/stories/good-story/index.mdx');
    expect(entry?.digest).toBeTruthy();
    // The body is kept in a file of Astro's cache, not in the store.
    expect(entry?.rendered?.html).toBe('');
    const bodyPath = entry?.rendered?.metadata?.body;
    expect(typeof bodyPath).toBe('string');
    expect(String(bodyPath)).toMatch(/^node_modules\/\.astro\/yangwang-bodies\/stories\/.+\.html$/);
    expect(readFileSync(join(dir, String(bodyPath)), 'utf-8')).toContain('<h2 id="第一节">第一节</h2>');
    expect(parsedCount()).toBe(2);

    writeFileSync(
      join(dir, 'content/stories/second-story/index.mdx'),
      `---\ntitle: 改过的故事\nteachers: [lin-qiuyun]\nwriter: 编辑部\npublished: '2024-09-08'\nsummary: 摘要。\ncover:\n  src: ./cover.jpg\n  alt: 教室\n  credit: 插图\n  licence: CC BY 4.0\nthemes: [师德]\n---\n改过的正文。\n`,
    );
    await loader.load(context);
    expect(parsedCount()).toBe(3);
    expect(entries.get('second-story')?.data.title).toBe('改过的故事');
    // The edited entry's old body is gone; one body per stored entry.
    const bodies = join(dir, 'node_modules/.astro/yangwang-bodies/stories');
    expect(readdirSync(bodies).sort()).toEqual(
      [...entries.values()].map((e) => String(e.rendered?.metadata?.body).split('/').at(-1)).sort(),
    );
    expect(readFileSync(join(dir, String(entries.get('second-story')?.rendered?.metadata?.body)), 'utf-8')).toContain('改过的正文');

    // A body file lost from the cache: its entry is rendered again, though its text is unchanged.
    rmSync(join(dir, String(entries.get('good-story')?.rendered?.metadata?.body)));
    await loader.load(context);
    expect(parsedCount()).toBe(4);
    expect(readFileSync(join(dir, String(entries.get('good-story')?.rendered?.metadata?.body)), 'utf-8')).toContain('第一节');

    // A store whose body reference points elsewhere (written from another checkout path): the
    // entry is stored again with the body where this build's pages read it.
    const stored = entries.get('good-story');
    const current = stored?.rendered?.metadata?.body;
    if (stored?.rendered?.metadata) stored.rendered.metadata.body = '../elsewhere/node_modules/.astro/yangwang-bodies/stories/x.html';
    await loader.load(context);
    expect(parsedCount()).toBe(5);
    expect(entries.get('good-story')?.rendered?.metadata?.body).toBe(current);
  });

  it('drops entries whose folder was removed', async () => {
    const dir = makeProject();
    const { context, entries } = createContext(dir);
    const loader = mdxLoader({ base: 'content/stories', createSchema: createStorySchema });
    await loader.load(context);
    rmSync(join(dir, 'content/stories/second-story'), { recursive: true });
    await loader.load(context);
    expect([...entries.keys()]).toEqual(['good-story']);
  });

  it('stops with every problem of every file, and stores nothing bad', async () => {
    const dir = makeProject();
    cpSync('tests/fixtures/loader/stories/Bad_Folder', join(dir, 'content/stories/bad-story'), { recursive: true });
    writeFileSync(join(dir, 'content/stories/second-story/index.mdx'), '---\ntitle: 只有标题\n---\n正文\n');
    const { context, entries } = createContext(dir);
    const error = await mdxLoader({ base: 'content/stories', createSchema: createStorySchema })
      .load(context)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    const problems = (error as ContentError).problems;
    expect(new Set(problems.map((p) => relative(dir, join(dir, p.file))))).toEqual(
      new Set(['content/stories/bad-story/index.mdx', 'content/stories/second-story/index.mdx']),
    );
    expect(problems.length).toBeGreaterThan(8);
    expect((error as Error).message).toMatch(/^内容检查发现 \d+ 个问题：/);
    expect(entries.has('bad-story')).toBe(false);
  });
});

describe('listing the entries', () => {
  it('lists every <slug>/index.mdx, sorted, and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yangwang-list-'));
    for (const [path, text] of [
      ['b/index.mdx', 'b'],
      ['a/index.mdx', 'a'],
      ['c/notes.md', 'c'],
      ['loose.mdx', 'x'],
    ] as const) {
      const file = join(dir, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
    expect(listMdxEntries(dir)).toEqual(['a/index.mdx', 'b/index.mdx']);
    expect(listMdxEntries(join(dir, 'missing'))).toEqual([]);
  });
});
