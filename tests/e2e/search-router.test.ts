/**
 * The part router in real Chromium (src/lib/search-router.ts, search-run.ts): the built sample
 * site indexed again in parts of at most 6 pages (so a query has many parts to be routed among),
 * searched through the search page's own code with the router and by loading every part. A routed
 * search finds the same pages for names, pinyin, schools and titles while loading fewer parts,
 * and on /search/ a common word shows “至少 N 条” until “显示更多结果” searches the rest.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleSearch, type BenchSearchAnswer, type BenchSearchOptions } from '../../scripts/bench/search-bundle.ts';
import { buildSearchIndex } from '../../src/integrations/search-index.ts';
import { FEW_PARTS, FIRST_SCREEN, MAX_FIRST_PARTS } from '../../src/components/search/search-run.ts';
import { dropStopWords, normaliseQuery } from '../../src/lib/search-query.ts';
import { foldText } from '../../src/lib/search-router.ts';
import { DIST } from '../build/dist.ts';
import { launchBrowser } from './support/browser.ts';
import { startServer, type StaticServer } from './support/server.ts';

let root: string;
let server: StaticServer;
let browser: Browser;
let script: string;
let parts: number;
/** Each indexed page's text as Pagefind stored it (body, metadata and filter values), by result id. */
const stored = new Map<string, string>();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'yangwang-router-'));
  cpSync(DIST, root, { recursive: true, filter: (source) => !source.startsWith(join(DIST, 'pagefind')) });
  // A page that has names' and a school's words apart, never as typed (see “pages that have the
  // query as typed come first”); short and repeating them, so Pagefind ranks it high.
  mkdirSync(join(root, 'apart'));
  writeFileSync(
    join(root, 'apart', 'index.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>分开</title></head><body><main data-pagefind-body><h1>唐老师</h1>` +
      `<p>${'唐老师、浩然和瑛子；林老师、秋天和云朵；屯溪、现代、实验、学校、家访。'.repeat(3)}</p></main></body></html>`,
  );
  parts = (await buildSearchIndex(root, { partPages: 6 })).parts;
  for (const entry of readdirSync(join(root, 'pagefind'), { withFileTypes: true, recursive: true })) {
    if (!entry.name.endsWith('.pf_fragment')) continue;
    // A fragment is gzip with a 12-byte signature before its JSON.
    const fragment = JSON.parse(
      gunzipSync(readFileSync(join(entry.parentPath, entry.name)))
        .subarray(12)
        .toString('utf-8'),
    ) as {
      content: string;
      meta: Record<string, string>;
      filters: Record<string, string[]>;
    };
    const text = [fragment.content, ...Object.values(fragment.meta), ...Object.values(fragment.filters).flat()].join(' ');
    stored.set(entry.name.replace(/\.pf_fragment$/, ''), foldText(text).replace(/[\s\u200b]+/g, ''));
  }
  server = await startServer(root);
  browser = await launchBrowser();
  script = await bundleSearch();
}, 120_000);

afterAll(async () => {
  await (browser as Browser | undefined)?.close();
  await (server as StaticServer | undefined)?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A fresh page with the search code injected (the site's CSP refuses inline scripts). */
async function searchPage(): Promise<Page> {
  const page = await (await browser.newContext({ bypassCSP: true })).newPage();
  await page.goto(`${server.origin}/about/`);
  await page.addScriptTag({ content: script, type: 'module' });
  await page.waitForFunction(() => 'yangwangSearch' in window);
  return page;
}

/** True when a page's stored text contains the query: every piece of it the search page keeps (stop-words left out). */
function contains(id: string, query: string): boolean {
  const text = stored.get(id) ?? '';
  return dropStopWords(normaliseQuery(query))
    .split(' ')
    .every((piece) => text.includes(foldText(piece)));
}

/** One cold search: its answer and the bytes the server sent for it. */
async function search(query: string, options: BenchSearchOptions): Promise<{ answer: BenchSearchAnswer; bytes: number }> {
  const page = await searchPage();
  try {
    const from = server.requests.length;
    const answer = await page.evaluate(
      ({ query, options }) =>
        (window as unknown as { yangwangSearch(q: string, n: number, o: BenchSearchOptions): Promise<BenchSearchAnswer> }).yangwangSearch(
          query,
          10,
          options,
        ),
      { query, options },
    );
    await page.waitForTimeout(100);
    return { answer, bytes: server.requests.slice(from).reduce((sum, r) => sum + r.bytes, 0) };
  } finally {
    await page.context().close();
  }
}

describe('a routed search finds every page searching every part finds that has the query', () => {
  it('the index has many parts', () => {
    expect(parts).toBeGreaterThan(FEW_PARTS + 2);
  });

  const queries: [kind: string, query: string][] = [
    ['name', '唐浩瑛'],
    ['name', '林秋云'],
    ['two-character name', '熊薇'],
    ['pinyin', 'tanghaoying'],
    ['pinyin words', 'tang haoying'],
    ['initials', 'lqy'],
    ['school', '青岚小学'],
    ['school, full name', '屯溪现代实验学校'],
    ['title', '车间里的讲台'],
    ['title', '山里的灯'],
    ['two words', '林秋云 家访'],
    ['one character', '灯'],
    ['common word', '学生'],
    ['stop word', '的'],
  ];
  for (const [kind, query] of queries) {
    it(`${kind}: ${query}`, async () => {
      const every = await search(query, { routing: false });
      const routed = await search(query, { routing: true, complete: true });
      expect(every.answer.parts).toEqual({ routed: parts, searched: parts, total: parts });
      const all = routed.answer.allIds ?? [];
      // Every page that has the query is found, and nothing a search of every part does not find.
      expect(all.filter((id) => !every.answer.ids.includes(id))).toEqual([]);
      const containing = every.answer.ids.filter((id) => contains(id, query));
      expect(containing.filter((id) => !all.includes(id))).toEqual([]);
      // What only the search of every part finds are pages without the query: Pagefind's fallback
      // to a shorter word in a part that lacks the query word, and pages that have the words of a
      // name apart (潘 … 守仁) in a part where no page has the name (search-router.ts).
      expect(every.answer.ids.filter((id) => !all.includes(id) && contains(id, query))).toEqual([]);
      expect(containing.length).toBeGreaterThan(0);
      // A query routed to few parts searches every routed part before showing any: the same order
      // as a search of every part, without what only the fallback found.
      const { routed: routedParts, searched } = routed.answer.parts;
      if (routedParts <= FEW_PARTS) expect(searched).toBe(routedParts);
      if (searched === routedParts) expect(routed.answer.ids).toEqual(every.answer.ids.filter((id) => all.includes(id)));
      // Otherwise the first screen is full, or the first parts searched found some results.
      else if (routed.answer.top.length < FIRST_SCREEN) expect(searched).toBeGreaterThanOrEqual(Math.min(MAX_FIRST_PARTS, routedParts));
    });
  }

  it('a name loads fewer parts and fewer bytes than every part', async () => {
    const every = await search('唐浩瑛', { routing: false });
    const routed = await search('唐浩瑛', { routing: true });
    expect(routed.answer.parts.routed).toBeLessThan(parts);
    expect(routed.bytes).toBeLessThan(every.bytes);
  });

  it('a query no page contains loads no part and finds nothing', async () => {
    const routed = await search('潘守仁', { routing: true, complete: true });
    expect(routed.answer.parts.routed).toBe(0);
    expect(routed.answer.allIds).toEqual([]);
  });
});

describe('pages that have the query as typed come first', () => {
  // Pagefind matches a name as its words ANDed (唐浩瑛 → 唐 浩 瑛, Intl.Segmenter's split), so
  // pages with those words apart (the page /apart/) are results too; the search page ranks the
  // pages that have each such piece whole first.
  for (const query of ['唐浩瑛', '林秋云', '屯溪现代实验学校', '林秋云 家访']) {
    it(query, async () => {
      const phrasesFirst = (ids: string[], what: string) => {
        const apart = ids.findIndex((id) => !contains(id, query));
        expect(
          apart < 0 ? [] : ids.slice(apart).filter((id) => contains(id, query)),
          `${query} (${what}): pages with it ranked after pages without`,
        ).toEqual([]);
        return apart;
      };
      const every = await search(query, { routing: false });
      expect(phrasesFirst(every.answer.ids, 'every part'), `${query}: some result lacks it`).toBeGreaterThan(0);
      // Routed: the first results, and after “more results” those shown keep their places and
      // the rest follow in the same order.
      const routed = await search(query, { routing: true, complete: true });
      phrasesFirst(routed.answer.ids, 'routed, first results');
      phrasesFirst((routed.answer.allIds ?? []).slice(routed.answer.top.length), 'routed, after the first screen');
    });
  }
});

describe('the search page with a common word', () => {
  it('says “至少” until “显示更多结果” searches the remaining parts, then gives the full count', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await page.goto(`${server.origin}/search/?q=${encodeURIComponent('学生')}`);
      await page.waitForSelector('[data-search-page][data-state="done"]');
      const status = page.locator('[data-search-status]');
      await expect.poll(() => status.textContent()).toMatch(/^“学生”至少有 \d+ 条结果$/);
      // A full screen, or what the first MAX_FIRST_PARTS parts hold (parts here are of six pages).
      const first = await page.locator('[data-search-results] .result').count();
      const atLeast = Number(/至少有 (\d+) 条/.exec((await status.textContent()) ?? '')?.[1]);
      expect(first).toBe(Math.min(FIRST_SCREEN, atLeast));
      expect(first).toBeGreaterThan(0);
      const every = await search('学生', { routing: false });
      await page.locator('[data-search-more]').click();
      await expect.poll(() => status.textContent()).toBe(`“学生”共有 ${every.answer.ids.length} 条结果`);
      await expect.poll(() => page.locator('[data-search-results] .result').count()).toBe(Math.min(first + 10, every.answer.ids.length));
      // Every result of a search of every part is on the list once all are shown.
      const results = page.locator('[data-search-results] .result');
      while (await page.locator('[data-search-more]').isVisible()) {
        const before = await results.count();
        await page.locator('[data-search-more]').click();
        await expect.poll(() => results.count()).toBeGreaterThan(before);
      }
      const shown = await page
        .locator('[data-search-results] .result-title a')
        .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(new Set(shown).size).toBe(every.answer.ids.length);
    } finally {
      await page.close();
    }
  });

  it('opening the filters searches the remaining parts and counts over all of them', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await page.goto(`${server.origin}/search/?q=${encodeURIComponent('学生')}`);
      await page.waitForSelector('[data-search-page][data-state="done"]');
      await expect.poll(() => page.locator('[data-search-status]').textContent()).toMatch(/至少/);
      await page.locator('[data-search-filters] > summary').click();
      await page.waitForSelector('[data-search-page][data-state="done"] [data-search-groups] fieldset');
      await expect.poll(() => page.locator('[data-search-status]').textContent()).toMatch(/共有/);
      const every = await search('学生', { routing: false });
      const typeCounts = await page
        .locator('[data-search-groups] input[name="type"]')
        .evaluateAll((boxes) => boxes.map((b) => Number(b.closest('label')?.querySelector('.filter-count')?.textContent ?? 0)));
      expect(typeCounts.reduce((a, b) => a + b, 0)).toBe(every.answer.ids.length);
    } finally {
      await page.close();
    }
  });

  it('counts filters over the parts a later search merged too', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await page.goto(`${server.origin}/search/?q=${encodeURIComponent('唐浩瑛')}`);
      await page.waitForSelector('[data-search-page][data-state="done"]');
      await page.locator('[data-search-filters] > summary').click();
      await page.waitForSelector('[data-search-page][data-state="done"] [data-search-groups] fieldset');
      await page.locator('#search-q').fill('学生');
      await page.locator('#search-q').press('Enter');
      await expect.poll(() => page.locator('[data-search-status]').textContent()).toMatch(/^“学生”共有/);
      await page.waitForSelector('[data-search-page][data-state="done"]');
      const every = await search('学生', { routing: false });
      const typeCounts = await page
        .locator('[data-search-groups] input[name="type"]')
        .evaluateAll((boxes) => boxes.map((b) => Number(b.closest('label')?.querySelector('.filter-count')?.textContent ?? 0)));
      expect(typeCounts.reduce((a, b) => a + b, 0)).toBe(every.answer.ids.length);
    } finally {
      await page.close();
    }
  });
});
