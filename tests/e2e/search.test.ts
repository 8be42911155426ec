/**
 * Search in real Chromium against the built site: a table of queries readers type (names, pinyin,
 * initials, schools, districts, honours, themes, one character, two terms, filters, sort) with the
 * pages each must bring near the top, then bad queries, the keyboard, highlighting and the header
 * form without JavaScript.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST } from '../build/dist.ts';
import { launchBrowser } from './support/browser.ts';
import { startServer, type StaticServer } from './support/server.ts';

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];
/** What each query of the table returned, printed at the end for the record. */
const record: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
});

afterAll(async () => {
  if (record.length > 0) console.info(['| query | top results |', '| --- | --- |', ...record].join('\n'));
  await (browser as Browser | undefined)?.close();
  await (server as StaticServer | undefined)?.close();
});

type Params = Record<string, string | string[]>;

/** Opens /search/ with these parameters, waits until results and filter counts are shown. */
async function openSearch(params: Params): Promise<void> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const v of [value].flat()) query.append(key, v);
  await page.goto(`${server.origin}/search/?${query.toString()}`);
  await page.waitForSelector('[data-search-page][data-state="done"]');
}

/** The result links in order, as site paths. */
async function resultPaths(): Promise<string[]> {
  const hrefs = await page
    .locator('[data-search-results] .result-title a')
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  return hrefs.map((href) => new URL(href).pathname);
}

/** `林秋云 type=教师`: how a row is named. */
function describeParams(params: Params): string {
  return Object.entries(params)
    .map(([key, value]) => (key === 'q' ? [value].flat().join() : `${key}=${[value].flat().join('+')}`))
    .join(' ');
}

interface Case {
  /** What the row tests. */
  kind: string;
  params: Params;
  /** The page that must come first. */
  first?: string;
  /** Pages that must be within the first `n` results. */
  within?: [number, ...string[]];
  /** Every result must satisfy this. */
  every?: (path: string) => boolean;
  /** The exact set of results. */
  exactly?: string[];
}

const T = (slug: string) => `/teachers/${slug}/`;
const S = (slug: string) => `/stories/${slug}/`;
const SCH = (slug: string) => `/schools/${slug}/`;

const table: Case[] = [
  { kind: 'name', params: { q: '唐浩瑛' }, first: T('tang-haoying') },
  { kind: 'pinyin', params: { q: 'tanghaoying' }, first: T('tang-haoying') },
  { kind: 'initials', params: { q: 'thy' }, first: T('tang-haoying') },
  { kind: 'pinyin, words and capitals', params: { q: 'Tang Haoying' }, first: T('tang-haoying') },
  { kind: 'name in many stories', params: { q: '林秋云' }, first: T('lin-qiuyun'), within: [3, S('shan-li-de-deng')] },
  { kind: 'initials', params: { q: 'lqy' }, first: T('lin-qiuyun') },
  { kind: 'name, story co-subject', params: { q: '江一帆' }, first: T('jiang-yifan'), within: [3, S('jie-lai-de-ting-ke-ben')] },
  {
    kind: 'name in two stories',
    params: { q: '许清和' },
    first: T('xu-qinghe'),
    within: [4, S('mei-you-men-pai-de-gong-zuo-shi'), S('jie-lai-de-ting-ke-ben')],
  },
  { kind: 'two-character name', params: { q: '熊薇' }, first: T('xiong-wei') },
  { kind: 'pinyin', params: { q: 'xiongwei' }, first: T('xiong-wei') },
  { kind: 'name', params: { q: '程嗣武' }, first: T('cheng-siwu') },
  { kind: 'initials', params: { q: 'csw' }, first: T('cheng-siwu') },
  { kind: 'school', params: { q: '屯溪六中' }, first: SCH('tunxi-liuzhong'), within: [3, T('xiong-wei')] },
  {
    kind: 'school, short name',
    params: { q: '青岚小学' },
    first: SCH('yunling-qinglan-xiaoxue'),
    within: [3, S('shan-li-de-deng'), T('lin-qiuyun')],
  },
  { kind: 'school', params: { q: '甘棠小学' }, first: SCH('gantang-xiaoxue'), within: [3, T('cheng-siwu')] },
  {
    kind: 'school, full name',
    params: { q: '屯溪现代实验学校' },
    first: SCH('tunxi-xiandai-shiyan-xuexiao'),
    within: [3, T('tang-haoying')],
  },
  { kind: 'school, pinyin word', params: { q: 'qinglan' }, first: SCH('yunling-qinglan-xiaoxue') },
  { kind: 'school, initials', params: { q: 'txlz' }, first: SCH('tunxi-liuzhong') },
  {
    kind: 'district',
    params: { q: '屯溪区' },
    within: [3, SCH('tunxi-liuzhong'), SCH('tunxi-erzhong'), SCH('tunxi-xiandai-shiyan-xuexiao')],
  },
  {
    kind: 'district',
    params: { q: '云岭县' },
    within: [3, SCH('yunling-qinglan-xiaoxue'), SCH('yunling-songtang-chuzhong'), SCH('yunling-teshu-jiaoyu-xuexiao')],
  },
  { kind: 'honour', params: { q: '师德标兵' }, first: '/honours/2023/', within: [3, T('he-huizhen')] },
  { kind: 'honour', params: { q: '学科带头人' }, first: '/honours/2023/', within: [3, T('xu-qinghe')] },
  {
    kind: 'honour',
    params: { q: '专业技术拔尖人才' },
    first: '/honours/2023/',
    within: [4, T('tang-haoying'), T('cheng-siwu'), T('xiong-wei')],
  },
  { kind: 'honour', params: { q: '骨干教师' }, first: '/honours/2023/' },
  { kind: 'honour, traditional characters', params: { q: '骨幹教師' }, first: '/honours/2023/' },
  { kind: 'theme', params: { q: '送教上门' }, first: S('mei-zhou-san-de-ke-biao') },
  { kind: 'theme', params: { q: '劳动教育' }, within: [3, S('lou-ding-shang-de-ban-mu-tian'), T('meng-chunsheng')] },
  { kind: 'theme', params: { q: '乡村教育' }, within: [2, S('shan-li-de-deng'), S('jia-fang-ben-shang-de-shan-lu')] },
  { kind: 'theme', params: { q: '家访' }, first: S('jia-fang-ben-shang-de-shan-lu') },
  { kind: 'theme', params: { q: '名师工作室' }, first: S('mei-you-men-pai-de-gong-zuo-shi') },
  { kind: 'one character', params: { q: '灯' }, first: S('shan-li-de-deng') },
  { kind: 'one character', params: { q: '信' }, first: S('si-shi-qi-feng-hui-xin') },
  { kind: 'two terms', params: { q: '林秋云 乡村教育' }, first: S('shan-li-de-deng') },
  { kind: 'title with a stop-word', params: { q: '山里的灯' }, first: S('shan-li-de-deng') },
  { kind: 'two terms', params: { q: '特殊教育 送教上门' }, first: S('mei-zhou-san-de-ke-biao') },
  { kind: 'volume', params: { q: '仰望' }, first: '/collections/yangwang/' },
  { kind: 'about', params: { q: '隐私' }, first: '/about/' },
  { kind: 'filter: type', params: { q: '教育', type: '教师' }, within: [5, T('shen-ruozhu')], every: (p) => p.startsWith('/teachers/') },
  {
    kind: 'filter: stage',
    params: { q: '数学', stage: '初中' },
    within: [3, T('xu-qinghe')],
    every: (p) =>
      [
        T('xu-qinghe'),
        T('jiang-yifan'),
        T('luo-zhenshan'),
        S('jie-lai-de-ting-ke-ben'),
        S('mei-you-men-pai-de-gong-zuo-shi'),
        S('jia-fang-ben-shang-de-shan-lu'),
        SCH('wangchuan-shiyan-zhongxue'),
        SCH('yunling-songtang-chuzhong'),
      ].includes(p),
  },
  {
    kind: 'filters only, no query',
    params: { honour: '全市专业技术拔尖人才', type: '教师' },
    exactly: [T('tang-haoying'), T('cheng-siwu'), T('xiong-wei')],
  },
  {
    kind: 'filters: district and type',
    params: { q: '特殊教育', district: '云岭县', type: '故事' },
    exactly: [S('man-man-lai'), S('mei-zhou-san-de-ke-biao')],
  },
  {
    kind: 'filter: two values of one filter',
    params: { q: '教育', type: ['故事', '学校'] },
    every: (p) => p.startsWith('/stories/') || p.startsWith('/schools/'),
  },
  {
    kind: 'sort: newest',
    params: { q: '特殊教育', type: '故事', sort: 'newest' },
    exactly: [S('mei-zhou-san-de-ke-biao'), S('man-man-lai')],
  },
];

describe('the query table', () => {
  it('has at least 25 queries', () => {
    expect(table.length).toBeGreaterThanOrEqual(25);
  });

  it.each(table.map((c) => [`${c.kind}: ${describeParams(c.params)}`, c] as const))('%s', async (_, c) => {
    await openSearch(c.params);
    const paths = await resultPaths();
    record.push(`| ${describeParams(c.params)} | ${paths.slice(0, 4).join(' ') || '—'} |`);
    expect(paths.length, 'results').toBeGreaterThan(0);
    if (c.first) expect(paths[0]).toBe(c.first);
    if (c.within) {
      const [n, ...wanted] = c.within;
      for (const path of wanted) expect(paths.slice(0, n), path).toContain(path);
    }
    if (c.every) for (const path of paths) expect(c.every(path), path).toBe(true);
    if (c.exactly) {
      if (c.params.sort) expect(paths).toEqual(c.exactly);
      else expect([...paths].sort()).toEqual([...c.exactly].sort());
    }
  });

  it('sorts by date both ways without dropping undated pages', async () => {
    await openSearch({ q: '特殊教育' });
    const byRelevance = await resultPaths();
    await openSearch({ q: '特殊教育', sort: 'oldest' });
    const oldest = await resultPaths();
    await openSearch({ q: '特殊教育', sort: 'newest' });
    const newest = await resultPaths();
    expect([...oldest].sort()).toEqual([...byRelevance].sort());
    expect([...newest].sort()).toEqual([...byRelevance].sort());
    expect(newest.indexOf(S('mei-zhou-san-de-ke-biao'))).toBeLessThan(newest.indexOf(S('man-man-lai')));
    expect(oldest.indexOf(S('man-man-lai'))).toBeLessThan(oldest.indexOf(S('mei-zhou-san-de-ke-biao')));
    // The school without a date (no teachers yet) comes last rather than vanishing.
    expect(newest.at(-1)).toBe(SCH('shi-teshu-jiaoyu-xuexiao'));
  });
});

describe('a full name or an exact title', () => {
  // Every profile and story of the sample site, read from dist/ (the titles as the pages show them).
  const titleOf = (file: string) => /<h1[^>]*>([^<]+)/.exec(readFileSync(file, 'utf-8'))?.[1]?.trim() ?? '';
  const pagesIn = (dir: string) =>
    readdirSync(join(DIST, dir), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(DIST, dir, d.name, 'index.html')) && !/^(page|\d+)$/.test(d.name))
      .map((d) => ({ path: `/${dir}/${d.name}/`, title: titleOf(join(DIST, dir, d.name, 'index.html')) }));

  it('brings the person’s profile first, for every teacher', async () => {
    const teachers = pagesIn('teachers');
    expect(teachers.length).toBeGreaterThan(5);
    for (const { path, title } of teachers) {
      await openSearch({ q: title });
      expect((await resultPaths())[0], title).toBe(path);
    }
  });

  it('brings a story of that title first, for every story', async () => {
    const stories = pagesIn('stories');
    for (const { title } of stories) {
      await openSearch({ q: title });
      const first = (await resultPaths())[0] ?? '';
      expect(
        stories.filter((s) => s.title === title).map((s) => s.path),
        title,
      ).toContain(first);
    }
  });

  it('shows excerpts that are sentences from the page, not labels or name forms', async () => {
    await openSearch({ q: '唐浩瑛' });
    const excerpts = await page.locator('[data-search-results] .result-excerpt').allTextContents();
    expect(excerpts.length).toBeGreaterThan(0);
    for (const text of excerpts) {
      expect(text).not.toMatch(/Táng|Hàoyīng|学校屯溪|本文人物|主题\.|示例内容：人物/);
    }
    expect(excerpts[0]).toContain('屯溪现代实验学校教师');
  });
});

describe('results', () => {
  it('show type, title, teacher and school, a highlighted excerpt and a thumbnail', async () => {
    await openSearch({ q: '送教上门' });
    const first = page.locator('[data-search-results] .result').first();
    expect(await first.locator('.result-kind').textContent()).toBe('故事');
    expect(await first.locator('.result-title').textContent()).toBe('每周三的课表');
    expect(await first.locator('.result-facts').textContent()).toContain('宋立平、沈若竹 · 云岭县特殊教育学校');
    expect(await first.locator('.result-excerpt mark').count()).toBeGreaterThan(0);
    const thumbnail = first.locator('img.result-image');
    expect(await thumbnail.getAttribute('alt')).toBe('');
    expect(await thumbnail.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  });

  it('show filter counts that match the results (counted when the folded panel opens on a phone)', async () => {
    await openSearch({ q: '特殊教育' });
    const total = (await resultPaths()).length;
    expect(await page.locator('fieldset.filter-group').count()).toBe(0);
    await page.locator('[data-search-filters] summary').click();
    await page.waitForSelector('fieldset.filter-group');
    const typeCounts = await page
      .locator('fieldset.filter-group')
      .filter({ hasText: '类型' })
      .locator('label')
      .evaluateAll((labels) => labels.map((l) => Number(l.querySelector('.filter-count')?.textContent)));
    expect(typeCounts.reduce((a, b) => a + b, 0)).toBe(total);
  });

  it('keep query, filters and sort in the URL when the reader changes them', async () => {
    await openSearch({ q: '特殊教育' });
    await page.locator('[data-search-filters] summary').click();
    await page.locator('input[type="checkbox"][name="type"][value="故事"]').check();
    await page.waitForURL((url) => url.searchParams.get('type') === '故事');
    await page.waitForSelector('[data-search-page][data-state="done"]');
    expect((await resultPaths()).every((p) => p.startsWith('/stories/'))).toBe(true);
    await page.locator('select[name="sort"]').selectOption('newest');
    await page.waitForURL((url) => url.searchParams.get('sort') === 'newest');
    await page.waitForSelector('[data-search-page][data-state="done"]');
    expect(await resultPaths()).toEqual([S('mei-zhou-san-de-ke-biao'), S('man-man-lai')]);
    // The URL alone brings back the same search.
    const shared = page.url();
    await page.goto('about:blank');
    await page.goto(shared);
    await page.waitForSelector('[data-search-page][data-state="done"]');
    expect(await resultPaths()).toEqual([S('mei-zhou-san-de-ke-biao'), S('man-man-lai')]);
    expect(await page.locator('[data-search-chosen]').textContent()).toContain('已选 1 项');
    // Typing a new query keeps the chosen filter, though the folded panel was never drawn.
    await page.locator('#search-q').fill('送教上门');
    await page.waitForURL((url) => url.searchParams.get('q') === '送教上门' && url.searchParams.get('type') === '故事');
    await page.waitForSelector('[data-search-page][data-state="done"]');
    expect(await resultPaths()).toEqual([S('mei-zhou-san-de-ke-biao')]);
    await page.locator('[data-search-filters] summary').click();
    expect(await page.locator('input[name="type"][value="故事"]').isChecked()).toBe(true);
  });
});

describe('bad queries', () => {
  it('empty: asks for a query, shows no results and no filters', async () => {
    for (const params of [{}, { q: '' }, { q: '   ' }]) {
      await openSearch(params);
      expect(await page.locator('[data-search-status]').textContent()).toContain('输入教师姓名');
      expect(await page.locator('[data-search-results] li').count()).toBe(0);
      expect(await page.locator('[data-search-controls]').isHidden()).toBe(true);
    }
  });

  it('500 characters: searches the first 64 and says so', async () => {
    await openSearch({ q: '特殊教育'.repeat(125) });
    expect(await page.locator('[data-search-notice]').textContent()).toContain('只用了前 64 个字');
    expect(Array.from(await page.locator('#search-q').inputValue())).toHaveLength(64);
    expect(await page.locator('[data-search-status]').isVisible()).toBe(true);
  });

  it('punctuation only: says there is nothing to search', async () => {
    await openSearch({ q: '，。！？……——' });
    expect(await page.locator('[data-search-status]').textContent()).toContain('没有可以搜索的文字');
    expect(await page.locator('[data-search-results] li').count()).toBe(0);
  });

  it('HTML and script in the query stay text', async () => {
    const attack = '<img src=x onerror="window.__injected=1"><script>window.__injected=2</script>';
    await openSearch({ q: attack });
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
    // The page's own inline script (data-show-controls) is the only classic script it has.
    expect(
      await page.locator('[data-search-page] img[src="x"], [data-search-page] script:not([type]):not([data-show-controls])').count(),
    ).toBe(0);
    expect(await page.locator('[data-search-page] script:not([type])').count()).toBe(1);
    const status = await page.locator('[data-search-status]').textContent();
    expect(status).toContain('<img src=x');
  });

  it('traditional characters are searched as simplified, and the reader is told', async () => {
    await openSearch({ q: '骨幹教師' });
    expect(await page.locator('[data-search-notice]').textContent()).toContain('按简体“骨干教师”搜索');
  });

  it('a query that finds nothing says so and offers a way out', async () => {
    await openSearch({ q: 'zzzqqq' });
    expect(await page.locator('[data-search-status]').textContent()).toContain('没有找到与“zzzqqq”相关的内容');
    expect(await page.locator('[data-search-results] .result-none').count()).toBe(1);
  });
});

describe('keyboard and highlighting', () => {
  it('can be used without a mouse: type, arrow down to a result, open it with the name highlighted', async () => {
    await page.goto(`${server.origin}/search/`);
    await page.waitForSelector('[data-search-page][data-state="done"]');
    await page.locator('#search-q').focus();
    await page.keyboard.type('thy');
    await page.waitForURL((url) => url.searchParams.get('q') === 'thy');
    await page.waitForSelector('[data-search-page][data-state="done"]');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('唐浩瑛');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/teachers/tang-haoying/');
    const marks = await page.locator('[data-pagefind-body] mark.search-highlight').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(['唐浩瑛']));
  });

  it('marks every occurrence of the searched words on the story a result opens', async () => {
    await openSearch({ q: '送教上门' });
    await page.locator('[data-search-results] .result-title a').first().click();
    await page.waitForURL((url) => url.pathname === S('mei-zhou-san-de-ke-biao'));
    const marks = await page.locator('[data-pagefind-body] mark.search-highlight').allTextContents();
    const expected = await page.locator('[data-pagefind-body]').evaluate((el) => el.textContent.split('送教上门').length - 1);
    expect(marks.length).toBe(expected);
    expect(marks.every((m) => m === '送教上门')).toBe(true);
    // Only text is marked: the header, footer and the page's markup are untouched.
    expect(await page.locator('.site-header mark, .site-footer mark').count()).toBe(0);
  });

  it('leaves a page alone when it was not opened from a search', async () => {
    await page.goto(`${server.origin}${S('mei-zhou-san-de-ke-biao')}`);
    expect(await page.locator('mark.search-highlight').count()).toBe(0);
  });
});

describe('the header search box', () => {
  it('is on every page and works without JavaScript, as a shareable link', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    try {
      await plain.goto(`${server.origin}${S('shan-li-de-deng')}`);
      await plain.locator('header input[name="q"]').fill('林秋云');
      await plain.locator('header input[name="q"]').press('Enter');
      await plain.waitForURL((url) => url.pathname === '/search/');
      expect(new URL(plain.url()).searchParams.get('q')).toBe('林秋云');
      expect(await plain.locator('noscript').count()).toBeGreaterThan(0);
    } finally {
      await noScript.close();
    }
  });
});

describe('no errors', () => {
  it('logged no page errors, console errors or dialogs during these searches', () => {
    expect(problems).toEqual([]);
  });
});
