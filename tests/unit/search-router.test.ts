/**
 * The part router (src/lib/search-router.ts, src/integrations/search-router-build.ts): a page
 * whose indexed text contains a query always has every key of the query, so the part holding it
 * is always searched; keys come from what Pagefind indexes and nothing else it would miss; the
 * router's files are the same bytes however the pages are read.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LoadedIndex } from '../../src/components/search/pagefind.ts';
import { phrasesFirst, routeQuery, splitPieces } from '../../src/components/search/search-run.ts';
import { buildRouter, pageKeys, type Router } from '../../src/integrations/search-router-build.ts';
import { dropStopWords, normaliseQuery } from '../../src/lib/search-query.ts';
import {
  exactKey,
  foldText,
  pagefindWords,
  queryKeys,
  readShard,
  routeParts,
  routerShardPath,
  shardOf,
  textKeys,
  wordKeys,
} from '../../src/lib/search-router.ts';

/** A page as the site writes one: facets in a hidden block, body text, ignored margins. */
function page(body: string, facets = '', outside = ''): string {
  return (
    `<!doctype html><html lang="zh-CN"><head><title>不在索引里</title><script>var 脚本 = 1;</script></head><body>` +
    `<nav>导航栏目</nav>${outside}<article data-pagefind-body><div hidden class="search-facets">${facets}</div>${body}` +
    `<footer data-pagefind-ignore="all"><span data-pagefind-filter="type[data-value]" data-value="被忽略的类型"></span>页脚文字</footer>` +
    `<aside data-pagefind-ignore><span data-pagefind-meta="people[data-meta-people]" data-meta-people="边栏人物"></span>边栏正文</aside>` +
    `</article></body></html>`
  );
}

const names = `<span data-pagefind-meta="title[data-meta-title], name[data-meta-name], pinyin[data-meta-pinyin], words[data-meta-words], initials[data-meta-initials]" data-meta-title="唐浩瑛" data-meta-name="唐浩瑛" data-meta-pinyin="tanghaoying" data-meta-words="tang haoying" data-meta-initials="thy"></span><span data-pagefind-filter="school[data-value]" data-value="云岭县青岚小学"></span><span data-pagefind-meta="facts">学校<b>屯溪</b>现代实验学校</span>`;

const bodies = [
  '<h1>山里的灯</h1><p>唐浩瑛在<strong>云岭县</strong>青岚小学教了二十年数学。学生们说：“唐老师的灯总是最后一个熄。”</p>',
  '<p>Táng Hàoyīng 带学生做 5G 网络实验，用 Python 写了“tang-haoying”的主页；2024 年获评 STEM 骨干教师。</p>',
  '<p>他把课堂搬进车间，<em>既是</em>高级技师，也是高级讲师。ＡＢＣ全角字母，1600×900 像素。</p>',
];

/** The visible text of a fixture body, as a reader would search it. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, '');

describe('keys of a page', () => {
  it('has every character, every pair of neighbouring characters (across elements) and 1- to 3-letter prefixes', () => {
    const keys = pageKeys(page(bodies[0] as string));
    for (const key of ['山', '山里', '里的', '的灯', '灯唐', '云岭', '县青', '唐老', '熄']) expect(keys, key).toContain(key);
    const latin = pageKeys(page(bodies[1] as string));
    for (const key of ['t', 'ta', 'tan', 'h', 'ha', 'hao', '5', '5g', 'g', 'p', 'py', 'pyt', '202', 'ste'])
      expect(latin, key).toContain(key);
    expect(latin).not.toContain('tang');
  });

  it('reads metadata and filter values (hidden or not) and leaves out what Pagefind does not index', () => {
    const keys = pageKeys(
      page(bodies[0] as string, names, '<span data-pagefind-filter="district[data-value]" data-value="望川区"></span>'),
    );
    for (const key of ['唐浩', '浩瑛', 'tan', 'thy', '青岚', '屯溪', '望川']) expect(keys, key).toContain(key);
    // Metadata and filters outside the body are read (Pagefind reads them anywhere) ...
    expect(keys).toContain('川区');
    // ... head, nav, scripts and ignored elements are not; metadata inside a plain ignore still is.
    for (const key of ['索引', '导航', '脚本', '页脚', '被忽', '边栏正', '栏正']) expect(keys, key).not.toContain(key);
    expect(keys).toContain('边栏人物'.slice(0, 2));
  });
});

describe('the router is a necessary condition', () => {
  it('every query a page contains has all its keys in that page: every substring of the fixtures up to 8 characters (Latin ones from a word’s start)', () => {
    for (const body of bodies) {
      const keys = pageKeys(page(body, names));
      const text = foldText(textOf(body));
      const chars = Array.from(text);
      const wordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c) && !/\p{Script=Han}/u.test(c);
      for (let start = 0; start < chars.length; start++) {
        // Pagefind matches a Latin query word at the start of a word (as a prefix), never inside one.
        if (wordChar(chars[start - 1]) && wordChar(chars[start])) continue;
        for (let end = start + 1; end <= Math.min(chars.length, start + 8); end++) {
          const query = normaliseQuery(chars.slice(start, end).join(''));
          if (!query) continue;
          // The term the search page gives Pagefind.
          const term = dropStopWords(query);
          for (const key of queryKeys(term)) expect(keys.has(key), `“${term}” in “${text}”: key ${key}`).toBe(true);
        }
      }
    }
  });

  it('names, pinyin, initials, mixed Latin, single characters and stop words route to the page that has them', () => {
    const keys = pageKeys(page(bodies.join(''), names));
    for (const query of [
      '唐浩瑛',
      '唐',
      '瑛',
      'tanghaoying',
      'tang haoying',
      'thy',
      'TANG',
      'Táng',
      'haoyi',
      '5g',
      'python',
      '2024',
      '青岚小学',
      '云岭县青岚小学',
      '山里的灯',
      '的',
      '屯溪现代',
      'stem 骨干',
      'abc',
    ])
      for (const key of queryKeys(dropStopWords(normaliseQuery(query)))) expect(keys.has(key), `${query}: ${key}`).toBe(true);
  });

  it('a query not on the page misses a key (the part is left out)', () => {
    const keys = pageKeys(page(bodies[0] as string));
    for (const query of ['潘守仁', '雪地', 'zzzz', '英语老师'])
      expect(
        queryKeys(query).some((key) => !keys.has(key)),
        query,
      ).toBe(true);
  });

  it('splits a query as the search page gives it to Pagefind: each piece its pairs or its character, Latin words their first letters', () => {
    expect(pagefindWords('唐浩瑛 Táng')).toContain('tang');
    expect(wordKeys('骨干教师')).toEqual(['骨干', '干教', '教师']);
    expect(wordKeys('灯')).toEqual(['灯']);
    expect(wordKeys('tanghaoying')).toEqual(['tan']);
    expect(wordKeys('a股')).toEqual(['股', 'a']);
    expect(queryKeys('')).toEqual([]);
    // A piece of the query is searched whole even where Pagefind splits it into words.
    expect(queryKeys('潘守仁')).toEqual(['守仁', '潘守']);
    expect(queryKeys('山里 灯')).toEqual(['山里', '灯']);
    expect(textKeys('Ａ').has('a')).toBe(true);
  });
});

describe('exact titles and names', () => {
  it('a page’s whole title, name, short school name or each of its teachers is a key in the form the query takes', () => {
    const keys = pageKeys(
      page(
        '<p>正文</p>',
        '<span data-pagefind-meta="title[data-meta-title], alias[data-meta-alias], school[data-meta-school]" data-meta-title="操场边的背影" data-meta-alias="青岚小学" data-meta-school="屯溪现代实验学校"></span>',
      ),
    );
    for (const query of ['操场边的背影', '操场边 背影', '「操场边的背影」', '青岚小学'])
      expect(keys, query).toContain(exactKey(dropStopWords(normaliseQuery(query))));
    // Other metadata is searchable text, not a whole title.
    expect(keys).not.toContain(exactKey('屯溪现代实验学校'));
    // A story's teachers are each a whole name.
    const story = pageKeys(
      page('<p>正文</p>', '<span data-pagefind-meta="teacher[data-meta-teacher]" data-meta-teacher="宋立平、沈若竹"></span>'),
    );
    for (const name of ['宋立平', '沈若竹']) expect(story).toContain(exactKey(name));
    expect(story).not.toContain(exactKey('宋立平、沈若竹'));
  });
});

describe('the router files', () => {
  const parts = [[page(bodies[0] as string, names)], [page(bodies[1] as string)], [page(bodies[2] as string), page('<p>雪地里的灯</p>')]];
  const keysOf = (pages: string[]) => [...new Set(pages.flatMap((p) => [...pageKeys(p)]))];

  it('route a query to the parts that have every key', () => {
    const router = buildRouter(parts.map(keysOf));
    const masks = new Map(router.files.flatMap((file) => [...readShard(file)]));
    const route = (q: string) => routeParts(queryKeys(q), (key) => masks.get(key) ?? 0n, parts.length);
    expect(route('唐浩瑛')).toEqual([0, 1].filter((i) => i === 0));
    expect(route('学生')).toEqual([0, 1]);
    expect(route('的灯')).toEqual([0, 2]);
    expect(route('tang')).toEqual([0, 1]);
    expect(route('潘守仁')).toEqual([]);
    for (const [key, mask] of masks) expect(router.files[shardOf(key, router.shards)]?.[mask.toString(16)]?.split(' '), key).toContain(key);
  });

  it('are the same bytes whatever order pages and keys are read in', () => {
    const a = buildRouter(parts.map(keysOf));
    const b = buildRouter(parts.map((p) => keysOf([...p].reverse()).reverse()));
    expect(JSON.stringify(b.files)).toBe(JSON.stringify(a.files));
    expect(b.digest).toBe(a.digest);
    const changed = buildRouter([...parts.slice(0, 2), [page('<p>新的一句话</p>')]].map(keysOf));
    expect(changed.digest).not.toBe(a.digest);
  });
});

describe('the order parts are searched in', () => {
  // Without router files every part is routed; the order and the first step are what is tested.
  const parts = ['people-1', 'people-2', 'people-3', 'stories-2019-2020', 'stories-2021-2022', 'stories-2023-2024'];
  const index = { pagefind: {} as LoadedIndex['pagefind'], parts, load: () => Promise.resolve() } satisfies LoadedIndex;

  it('people and schools first, then stories newest first', async () => {
    const route = await routeQuery(index, '学生');
    expect(route.order.map((i) => parts[i])).toEqual([
      'people-1',
      'people-2',
      'people-3',
      'stories-2023-2024',
      'stories-2021-2022',
      'stories-2019-2020',
    ]);
    expect(route.first).toBe(1);
  });

  it('a query in pinyin searches every people and school part before showing results (its profile may be in any)', async () => {
    for (const query of ['tanghaoying', 'tang haoying', 'thy']) {
      const route = await routeQuery(index, query);
      expect(
        route.order.slice(0, route.first).map((i) => parts[i]),
        query,
      ).toEqual(['people-1', 'people-2', 'people-3']);
    }
  });
});

describe('a query that is a page’s whole name or title', () => {
  // Parts as the build writes them: people and schools, then stories oldest first. 唐浩瑛 has her
  // profile in people-2 and stories about her in 2019 and 2021; the 2023 story only mentions her,
  // and people-1 has a profile that has her name's words apart (唐 … 浩瑛 in another name).
  const profile = (name: string, text: string) =>
    page(
      `<p>${text}</p>`,
      `<span data-pagefind-meta="title[data-meta-title], name[data-meta-name]" data-meta-title="${name}" data-meta-name="${name}"></span>`,
    );
  const story = (teachers: string, text: string) =>
    page(`<p>${text}</p>`, `<span data-pagefind-meta="teacher[data-meta-teacher]" data-meta-teacher="${teachers}"></span>`);
  const parts: [string, string[]][] = [
    ['people-1', [profile('唐浩然', '唐浩然和周浩瑛是同事。')]],
    ['people-2', [profile('唐浩瑛', '唐浩瑛，青岚小学教师。')]],
    ['stories-2019-2019', [story('唐浩瑛', '唐浩瑛带学生家访。')]],
    ['stories-2021-2021', [story('宋立平、唐浩瑛', '唐浩瑛和宋立平一起上课。')]],
    ['stories-2023-2023', [story('宋立平', '宋立平说起唐浩瑛的灯。')]],
  ];
  const router: Router = buildRouter(parts.map(([, pages]) => [...new Set(pages.flatMap((p) => [...pageKeys(p)]))]));
  const index = {
    pagefind: {} as LoadedIndex['pagefind'],
    parts: parts.map(([name]) => name),
    router: { digest: router.digest, shards: router.shards },
    load: () => Promise.resolve(),
  } satisfies LoadedIndex;
  const files = new Map(router.files.map((file, i) => [`/pagefind/${routerShardPath(router.digest, i)}`, file]));
  const name = (i: number) => index.parts[i];

  afterEach(() => vi.unstubAllGlobals());

  it('searches first the parts of its profile and of the stories about that teacher (newest first), and nothing else', async () => {
    vi.stubGlobal('fetch', (url: string) =>
      Promise.resolve({ ok: files.has(url), status: 404, json: () => Promise.resolve(files.get(url)) }),
    );
    const route = await routeQuery(index, '唐浩瑛');
    expect(route.order.slice(0, route.first).map(name)).toEqual(['people-2', 'stories-2021-2021', 'stories-2019-2019']);
    expect(route.own).toBe(3);
    // Then the other parts that can hold it: people and schools, then stories newest first.
    expect(route.order.slice(route.first).map(name)).toEqual(['people-1', 'stories-2023-2023']);
  });

  it('a query of several pieces that is nobody’s whole name has the own parts of its pieces', async () => {
    vi.stubGlobal('fetch', (url: string) =>
      Promise.resolve({ ok: files.has(url), status: 404, json: () => Promise.resolve(files.get(url)) }),
    );
    const route = await routeQuery(index, '唐浩瑛 学生');
    expect(route.order.slice(0, route.first).map(name)).toEqual(['stories-2019-2019']);
  });

  it('a query that is nobody’s whole name starts with one part and has no own parts', async () => {
    vi.stubGlobal('fetch', (url: string) =>
      Promise.resolve({ ok: files.has(url), status: 404, json: () => Promise.resolve(files.get(url)) }),
    );
    const route = await routeQuery(index, '周浩瑛');
    expect(route.own).toBe(0);
    expect(route.first).toBe(1);
  });
});

describe('pages that have the query as typed come first', () => {
  it('splits out the pieces Pagefind searches as several words', () => {
    expect(splitPieces('潘守仁')).toEqual(['潘守仁']);
    expect(splitPieces('学生')).toEqual([]);
    expect(splitPieces('"潘守仁" 学生')).toEqual(['潘守仁']);
  });

  it('orders the pages that have every split piece whole first, each group in Pagefind’s order', () => {
    const results = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
    expect(phrasesFirst(results, [new Set(['d', 'b'])]).map((r) => r.id)).toEqual(['b', 'd', 'a', 'c', 'e']);
    expect(phrasesFirst(results, [new Set(['d', 'b']), new Set(['b', 'e'])]).map((r) => r.id)).toEqual(['b', 'a', 'c', 'd', 'e']);
    expect(phrasesFirst(results, []).map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
