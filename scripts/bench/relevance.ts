/**
 * The relevance benchmark (`npm run bench:relevance`): does search find the right pages?
 *
 * On a built bench site (scripts/bench/generate-corpus.ts, fixed seed) it picks a fixed set of
 * queries in classes (full personal names, rare names, schools, exact titles, themes, common
 * words, two-word queries, pinyin). The truth for a query is the set of indexed pages whose
 * visible text (the `data-pagefind-body` part, hidden elements removed) contains every word of
 * it. Each query runs in Chromium through the search page's own code (search-run.ts, bundled
 * with esbuild: the same query preparation, ranking and index loading), and the benchmark
 * reports per class recall and precision of the first ten results, recall of all results, and
 * for names, schools, titles and pinyin whether the page of that person, school or title comes
 * first. It also measures pagefind#1237: how often the browser splits a query into other words
 * than Pagefind's segmenter split the same text on the pages that contain it.
 *
 *   npm run bench:relevance -- --run today=.bench/search/site-1000-base --run parts=.bench/search/site-1000
 *   npm run bench:relevance -- --drop parts    # forget a run
 *   npm run bench:relevance -- --run every-part=DIR --every-part every-part --run routed=DIR
 *
 * The search page loads only the parts of the index a query is routed to (src/lib/search-router.ts)
 * and, for a query routed to many, shows the first results before searching the rest: R@10 and P@10
 * are of those first results, recall of all results is after the rest is searched (what “more
 * results” gives). `--every-part LABEL` runs that label's searches loading every part instead, as
 * the search page did before the router.
 *
 * Each `--run LABEL=DIR` is a built site with its search index (`DIR/pagefind/`). Figures go to
 * `.bench/search/relevance.json` and to the marked relevance section of BENCHMARKS.md.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { decodeEntities } from '../../src/lib/search-excerpt.ts';
import { normaliseQuery } from '../../src/lib/search-query.ts';
import { launchBrowser } from '../../tests/e2e/support/browser.ts';
import { startServer } from '../../tests/e2e/support/server.ts';
import { bundleSearch, type BenchSearchAnswer, type BenchSearchOptions } from './search-bundle.ts';
import { pickFirstSearchQueries } from './first-search-queries.ts';
import { writeBenchmarksSection } from './benchmarks-section.ts';

const WORK = resolve('.bench/search');
/** `--section NAME` keeps its runs apart and writes them to their own marked section of BENCHMARKS.md. */
const SECTION = process.argv.includes('--section') ? process.argv[process.argv.indexOf('--section') + 1] : undefined;
const RESULTS = join(WORK, SECTION ? `relevance-${SECTION}.json` : 'relevance.json');

// ---------------------------------------------------------------------------------------------
// What the site says: indexed pages, their visible text, names and titles

interface SitePage {
  url: string;
  /** Visible text of the indexed part, whitespace collapsed, lowercased. */
  text: string;
  kind: 'teacher' | 'school' | 'story' | 'other';
  /** The page's title as the search shows it (data-meta-title). */
  title: string;
  /** Profiles: pinyin run together (data-meta-pinyin). */
  pinyin?: string;
}

/** Every HTML file under a folder, as paths relative to it. */
function listHtml(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html') && !relative(dir, e.parentPath).startsWith('pagefind'))
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

/** The element that carries `data-pagefind-body`, with its nested elements of the same tag. */
function extractBody(html: string): string | undefined {
  const open = /<(\w+)\b[^>]*\sdata-pagefind-body[\s>]/.exec(html);
  if (!open) return undefined;
  const tag = open[1] as string;
  const pattern = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  pattern.lastIndex = open.index;
  let depth = 0;
  for (let m = pattern.exec(html); m; m = pattern.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(open.index, m.index + m[0].length);
  }
  return html.slice(open.index);
}

/** Removes every element with the `hidden` attribute (the search facets), scripts and styles. */
function removeHidden(html: string): string {
  let out = html.replace(/<(script|style|template)\b[\s\S]*?<\/\1>/g, ' ');
  for (;;) {
    const m = /<(\w+)\b[^>]*\shidden(?:[\s=>])[^>]*>/.exec(out);
    if (!m) return out;
    const tag = m[1] as string;
    const pattern = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
    pattern.lastIndex = m.index;
    let depth = 0;
    let end = out.length;
    for (let t = pattern.exec(out); t; t = pattern.exec(out)) {
      if (t[0].endsWith('/>')) continue;
      depth += t[1] ? -1 : 1;
      if (depth === 0) {
        end = t.index + t[0].length;
        break;
      }
    }
    out = out.slice(0, m.index) + ' ' + out.slice(end);
  }
}

function visibleText(html: string): string {
  return decodeEntities(removeHidden(html).replace(/<[^>]+>/g, ' '))
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const attribute = (html: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(html);
  return m ? decodeEntities(m[1] as string) : undefined;
};

function readSite(site: string): SitePage[] {
  const pages: SitePage[] = [];
  for (const file of listHtml(site).sort()) {
    const html = readFileSync(join(site, file), 'utf-8');
    const body = extractBody(html);
    if (!body) continue;
    const url = `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
    const kind = url.startsWith('/teachers/')
      ? 'teacher'
      : url.startsWith('/schools/')
        ? 'school'
        : url.startsWith('/stories/')
          ? 'story'
          : 'other';
    const pinyin = attribute(body, 'data-meta-pinyin');
    pages.push({ url, text: visibleText(body), kind, title: attribute(body, 'data-meta-title') ?? '', ...(pinyin && { pinyin }) });
  }
  return pages;
}

// ---------------------------------------------------------------------------------------------
// The query set

export const QUERY_CLASSES = ['full name', 'rare name', 'school', 'exact title', 'theme', 'common word', 'two words', 'pinyin'] as const;
type QueryClass = (typeof QUERY_CLASSES)[number];

interface Query {
  kind: QueryClass;
  query: string;
  /** Pages whose text contains the query (every word of it). */
  truth: string[];
  /** Pages that must come first (the person, school or title searched); any one of them. */
  own?: string[];
}

/** `count` items spread evenly over a list (deterministic). */
function spread<T>(list: readonly T[], count: number): T[] {
  if (list.length <= count) return [...list];
  return Array.from({ length: count }, (_, i) => list[Math.floor(((i + 0.5) * list.length) / count)] as T);
}

const THEMES = ['乡村教育', '特殊教育', '班主任', '家校共育', '阅读推广', '心理健康', '劳动教育', '科技创新'];
const COMMON = ['学生', '孩子', '课堂', '家访', '作业', '黑板', '毕业', '校长'];

function pickQueries(pages: SitePage[]): Query[] {
  const contains = (words: string[]) => pages.filter((p) => words.every((w) => p.text.includes(w))).map((p) => p.url);
  const make = (kind: QueryClass, query: string, own?: string[]): Query => {
    const words = normaliseQuery(query).split(' ');
    return { kind, query, truth: kind === 'pinyin' ? (own ?? []) : contains(words), ...(own && { own }) };
  };
  const teachers = pages.filter((p) => p.kind === 'teacher');
  const schools = pages.filter((p) => p.kind === 'school');
  const stories = pages.filter((p) => p.kind === 'story');
  const sameName = (name: string) => teachers.filter((t) => t.title === name).map((t) => t.url);
  const queries: Query[] = [];
  const names = spread(teachers, 12);
  for (const t of names) queries.push(make('full name', t.title, sameName(t.title)));
  // Rare: the names on the fewest pages (a teacher with one story), not already picked.
  const counted = teachers
    .filter((t) => !names.includes(t) && Array.from(t.title).length >= 2)
    .map((t) => ({ t, n: contains([t.title]).length }))
    .sort((a, b) => a.n - b.n || a.t.url.localeCompare(b.t.url));
  for (const { t } of spread(counted.slice(0, Math.max(8, Math.floor(counted.length / 10))), 8))
    queries.push(make('rare name', t.title, sameName(t.title)));
  for (const s of spread(schools, 8)) queries.push(make('school', s.title, [s.url]));
  const titles = [...new Set(stories.map((s) => s.title))].sort();
  const pickedTitles = spread(titles, 10);
  if (titles.includes('雪地里的灯') && !pickedTitles.includes('雪地里的灯')) pickedTitles[0] = '雪地里的灯';
  for (const title of pickedTitles)
    queries.push(
      make(
        'exact title',
        title,
        stories.filter((s) => s.title === title).map((s) => s.url),
      ),
    );
  for (const theme of THEMES) queries.push(make('theme', theme));
  for (const word of COMMON) queries.push(make('common word', word));
  const [n1, n2] = spread(teachers, 2);
  const [s1] = spread(schools, 1);
  for (const q of [
    '乡村教育 班主任',
    '学生 家访',
    '阅读推广 孩子',
    `${n1?.title ?? ''} 学生`,
    `${n2?.title ?? ''} 家访`,
    `${s1?.title ?? ''} 数学`,
  ])
    queries.push(make('two words', q));
  // Two names can share their pinyin (路家禾, 陆家和): either profile is the person searched.
  for (const t of spread(
    teachers.filter((t) => t.pinyin),
    6,
  ))
    queries.push(
      make(
        'pinyin',
        t.pinyin ?? '',
        teachers.filter((o) => o.pinyin === t.pinyin).map((o) => o.url),
      ),
    );
  return queries;
}

// ---------------------------------------------------------------------------------------------
// Running the site's search in Chromium

type BrowserAnswer = BenchSearchAnswer;

/** Page hash → URL, read from every fragment file of the bundle (and of its parts). */
function readFragmentUrls(site: string): Map<string, { url: string; content: string }> {
  const map = new Map<string, { url: string; content: string }>();
  const root = join(site, 'pagefind');
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.pf_fragment')) continue;
    const data = gunzipSync(readFileSync(join(entry.parentPath, entry.name))).subarray(12);
    const fragment = JSON.parse(data.toString('utf-8')) as { url: string; content: string };
    map.set(entry.name.replace(/\.pf_fragment$/, ''), { url: fragment.url, content: fragment.content });
  }
  return map;
}

// ---------------------------------------------------------------------------------------------
// Scores

interface QueryScore {
  kind: QueryClass;
  query: string;
  truth: number;
  results: number;
  recallAt10: number;
  precisionAt10: number;
  recallAll: number;
  ownFirst?: boolean;
  /** Where the first own page is (1-based), when there is one. */
  ownRank?: number;
  top: string[];
  /** pagefind#1237: pages containing the query where Pagefind's words differ from the browser's. */
  segmentationMismatch?: number;
  firstExcerpt?: string;
  /** Up to five truth pages the search did not find. */
  missed: string[];
  /** Bytes the server sent for a cold search until five results' data (a fresh browser context). */
  bytes?: number;
  /** Parts searched for the first results / routed to / in all. */
  parts?: { routed: number; searched: number; total: number };
}

function score(query: Query, answer: BrowserAnswer, fragments: Map<string, { url: string; content: string }>): QueryScore {
  const urls = (answer.allIds ?? answer.ids).map((id) => fragments.get(id)?.url ?? `?${id}`);
  const truth = new Set(query.truth);
  const top = answer.top.map((t) => t.url);
  const hitsTop = top.filter((u) => truth.has(u)).length;
  const hitsAll = urls.filter((u) => truth.has(u)).length;
  const result: QueryScore = {
    kind: query.kind,
    query: query.query,
    truth: truth.size,
    results: urls.length,
    recallAt10: truth.size === 0 ? 1 : hitsTop / Math.min(10, truth.size),
    precisionAt10: top.length === 0 ? (truth.size === 0 ? 1 : 0) : hitsTop / top.length,
    recallAll: truth.size === 0 ? 1 : hitsAll / truth.size,
    top,
    missed: query.truth.filter((u) => !urls.includes(u)).slice(0, 5),
    ...(answer.top[0] && { firstExcerpt: answer.top[0].excerpt }),
  };
  if (query.own) {
    const own = new Set(query.own);
    const rank = urls.findIndex((u) => own.has(u));
    result.ownFirst = rank === 0;
    if (rank >= 0) result.ownRank = rank + 1;
  }
  // The browser's words for a Han query against the words Pagefind stored for the same text
  // (its fragments keep a zero-width space after each word it indexed).
  if (/\p{Script=Han}/u.test(answer.term) && query.kind !== 'pinyin') {
    const browser = answer.browserWords.join('\u200b');
    const compact = answer.browserWords.join('');
    let containing = 0;
    let differing = 0;
    for (const { url, content } of fragments.values()) {
      if (!truth.has(url) || !content.includes('\u200b')) continue;
      const text = content.replace(/\s+/g, '');
      const at = text.replace(/\u200b/g, '').indexOf(compact);
      if (at < 0) continue;
      containing++;
      // The stored words around the first occurrence, rejoined with the boundaries Pagefind kept.
      let plain = 0;
      let start = -1;
      let end = -1;
      for (let i = 0; i < text.length; i++) {
        if (text[i] === '\u200b') continue;
        if (plain === at) start = i;
        plain++;
        if (plain === at + compact.length) {
          end = i + 1;
          break;
        }
      }
      const stored = text.slice(start, end);
      const leftEdge = start === 0 || text[start - 1] === '\u200b';
      const rightEdge = end >= text.length || text[end] === '\u200b';
      if (stored !== browser || !leftEdge || !rightEdge) differing++;
    }
    if (containing > 0) result.segmentationMismatch = differing / containing;
  }
  return result;
}

interface ClassSummary {
  kind: QueryClass;
  queries: number;
  recallAt10: number;
  precisionAt10: number;
  recallAll: number;
  ownFirst?: string;
  segmentationMismatch?: number;
  /** Mean and largest bytes of a cold search until five results. */
  bytes?: { mean: number; max: number };
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

function summarise(scores: QueryScore[]): ClassSummary[] {
  return QUERY_CLASSES.map((kind) => {
    const of = scores.filter((s) => s.kind === kind);
    const owned = of.filter((s) => s.ownFirst !== undefined);
    const mismatch = of.filter((s) => s.segmentationMismatch !== undefined);
    return {
      kind,
      queries: of.length,
      recallAt10: mean(of.map((s) => s.recallAt10)),
      precisionAt10: mean(of.map((s) => s.precisionAt10)),
      recallAll: mean(of.map((s) => s.recallAll)),
      ...(owned.length > 0 && { ownFirst: `${owned.filter((s) => s.ownFirst).length}/${owned.length}` }),
      ...(mismatch.length > 0 && { segmentationMismatch: mean(mismatch.map((s) => s.segmentationMismatch ?? 0)) }),
      ...(of.every((s) => s.bytes !== undefined) &&
        of.length > 0 && {
          bytes: { mean: mean(of.map((s) => s.bytes ?? 0)), max: Math.max(...of.map((s) => s.bytes ?? 0)) },
        }),
    };
  });
}

// ---------------------------------------------------------------------------------------------

interface RunResult {
  label: string;
  site: string;
  pages: number;
  measured: string;
  classes: ClassSummary[];
  queries: QueryScore[];
  /** Queries measured for bytes only (the first-search queries of `npm run bench:search`). */
  extras?: { query: string; bytes: number; parts: BrowserAnswer['parts'] }[];
}

async function runSite(label: string, site: string, routing: boolean): Promise<RunResult> {
  const pages = readSite(site);
  const queries = pickQueries(pages);
  const fragments = readFragmentUrls(site);
  const script = await bundleSearch();
  const server = await startServer(site);
  const browser = await launchBrowser();
  try {
    const scores: QueryScore[] = [];
    const extras: { query: string; bytes: number; parts: BrowserAnswer['parts'] }[] = [];
    const extra = pickFirstSearchQueries(site).map(({ query }): Query => ({ kind: 'extra' as QueryClass, query, truth: [] }));
    for (const query of [...queries, ...extra]) {
      // Each query in a fresh context (empty cache): first the bytes of a cold search until five
      // results, as a reader's first search; then, warm, the first ten and every routed part.
      // The bundled search code is injected as an inline script, which the site's CSP refuses.
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${server.origin}/about/`);
      await page.addScriptTag({ content: script, type: 'module' });
      await page.waitForFunction(() => 'yangwangSearch' in window);
      const search = (n: number, complete: boolean) =>
        page.evaluate(
          ({ q, n, routing, complete }) =>
            (window as unknown as { yangwangSearch(q: string, n: number, o: BenchSearchOptions): Promise<BrowserAnswer> }).yangwangSearch(
              q,
              n,
              { routing, complete },
            ),
          { q: query.query, n, routing, complete },
        );
      const from = server.requests.length;
      const cold = await search(5, false);
      await new Promise((done) => setTimeout(done, 100)); // the last responses finish flushing
      const bytes = server.requests.slice(from).reduce((n, r) => n + r.bytes, 0);
      if ((query.kind as string) === 'extra') {
        extras.push({ query: query.query, bytes, parts: cold.parts });
        console.log(
          `   bytes only: ${query.query} → ${(bytes / 1024).toFixed(0)} KB, parts ${cold.parts.searched}/${cold.parts.routed}/${cold.parts.total}`,
        );
        await context.close();
        continue;
      }
      const answer = await search(10, true);
      await context.close();
      const s = { ...score(query, answer, fragments), bytes, parts: cold.parts };
      scores.push(s);
      console.log(
        `   ${s.kind}: ${s.query} → ${s.results} results (truth ${s.truth}), R@10 ${s.recallAt10.toFixed(2)}, P@10 ${s.precisionAt10.toFixed(2)}, recall ${s.recallAll.toFixed(2)}${s.ownRank !== undefined || s.ownFirst !== undefined ? `, own page at ${s.ownRank ?? '—'}` : ''}, ${(bytes / 1024).toFixed(0)} KB (${cold.parts.searched}/${cold.parts.routed}/${cold.parts.total} parts)`,
      );
    }
    return {
      label,
      site: relative(process.cwd(), site),
      pages: pages.length,
      measured: new Date().toISOString().slice(0, 10),
      classes: summarise(scores),
      queries: scores,
      extras,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

const pct = (n: number) => `${(n * 100).toFixed(0)} %`;
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

function renderSection(runs: RunResult[]): string {
  const lines = [
    '',
    `Queries are picked from each built site by fixed rules (scripts/bench/relevance.ts); truth is the set of indexed pages whose visible text contains every word of the query. R@10 = truth pages among the first ten ÷ min(10, truth); P@10 = truth pages among the first ten ÷ results shown; recall = truth pages anywhere in the results ÷ truth. “KB until 5 results” = bytes the static server sent (gzip where a host would compress) for each query searched cold (a fresh browser context) until five results' data, as in npm run bench:search. “Own first” = the person’s profile, the school’s page or a story of that exact title is the first result. “#1237” = share of the pages containing the query where the browser’s split of the query (Intl.Segmenter, what Pagefind searches) is not the words Pagefind stored for that text.`,
    '',
    '| run | pages | class | queries | R@10 | P@10 | recall | own first | #1237 | KB until 5 results: mean / most |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const run of runs) {
    for (const c of run.classes) {
      lines.push(
        `| ${run.label} (${run.measured}) | ${run.pages.toLocaleString('en-US')} | ${c.kind} | ${c.queries} | ${c.recallAt10.toFixed(2)} | ${c.precisionAt10.toFixed(2)} | ${c.recallAll.toFixed(2)} | ${c.ownFirst ?? ''} | ${c.segmentationMismatch === undefined ? '' : pct(c.segmentationMismatch)} | ${c.bytes ? `${kb(c.bytes.mean)} / ${kb(c.bytes.max)}` : ''} |`,
      );
    }
    const all = run.queries;
    const bytes = all.filter((s) => s.bytes !== undefined).map((s) => s.bytes ?? 0);
    lines.push(
      `| ${run.label} | | **all** | ${all.length} | ${mean(all.map((s) => s.recallAt10)).toFixed(2)} | ${mean(all.map((s) => s.precisionAt10)).toFixed(2)} | ${mean(all.map((s) => s.recallAll)).toFixed(2)} | | | ${bytes.length === all.length ? `${kb(mean(bytes))} / ${kb(Math.max(...bytes))}` : ''} |`,
    );
  }
  lines.push('', 'Own page not first (rank of the first own page, — when not found):', '');
  for (const run of runs) {
    const misses = run.queries.filter((s) => s.ownFirst === false);
    lines.push(`- ${run.label}: ${misses.length === 0 ? 'none' : misses.map((s) => `${s.query} (${s.ownRank ?? '—'})`).join(', ')}`);
  }
  const measured = runs.filter((r) => r.extras?.length);
  if (measured.length > 0) {
    lines.push(
      '',
      'Bytes of a cold first search until five results’ data, for the queries of `npm run bench:search` (parts searched / routed / in all):',
      '',
    );
    for (const run of measured)
      lines.push(
        `- ${run.label}: ${(run.extras ?? []).map((e) => `${e.query} ${kb(e.bytes)} (${e.parts.searched}/${e.parts.routed}/${e.parts.total})`).join(', ')}`,
      );
  }
  lines.push('');
  return lines.join('\n');
}

function writeSection(runs: RunResult[]): void {
  writeBenchmarksSection({
    start: `<!-- relevance-bench${SECTION ? `-${SECTION}` : ''}:start (written by npm run bench:relevance${SECTION ? ` -- --section ${SECTION}` : ''}) -->`,
    end: `<!-- relevance-bench${SECTION ? `-${SECTION}` : ''}:end -->`,
    heading: SECTION ? `Search relevance: ${SECTION}` : 'Search relevance',
    body: renderSection(runs),
  });
}

const { values } = parseArgs({
  options: {
    run: { type: 'string', multiple: true, default: [] },
    drop: { type: 'string', multiple: true, default: [] },
    'every-part': { type: 'string', multiple: true, default: [] },
    section: { type: 'string' },
  },
});
const runs = values.run.map((r) => {
  const at = r.indexOf('=');
  return { label: r.slice(0, at), site: resolve(r.slice(at + 1)) };
});
if (runs.some((r) => !r.label || !existsSync(join(r.site, 'pagefind'))) || (runs.length === 0 && values.drop.length === 0)) {
  console.error('用法：npm run bench:relevance -- --run 名称=已构建并有搜索索引的站点目录 [--run …] [--drop 名称]');
  process.exit(2);
}
await mkdir(WORK, { recursive: true });
const stored = new Map(
  Object.entries(existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf-8')) as Record<string, RunResult>) : {}),
);
// --drop NAME removes an earlier run from the record (and from BENCHMARKS.md).
for (const label of values.drop) stored.delete(label);
for (const { label, site } of runs) {
  console.log(`== ${label}: ${relative(process.cwd(), site)}`);
  stored.set(label, await runSite(label, site, !values['every-part'].includes(label)));
  writeFileSync(RESULTS, JSON.stringify(Object.fromEntries(stored), null, 2));
}
writeSection([...stored.values()]);
console.log(`== written to ${relative(process.cwd(), RESULTS)} and BENCHMARKS.md`);
