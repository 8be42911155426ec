/**
 * The search benchmark (`npm run bench:search`): on synthetic corpora (1,000 and 10,000 stories by
 * default) it measures Pagefind's indexing (time, peak memory of the whole process tree, size),
 * and in Chromium what a reader's first search costs: bytes fetched and time until the first
 * five results, for rare and common queries. It also tries the ideas from the search issue and
 * compares their hit lists with the production index. Figures go to `.bench/search/results.json`
 * and to the `## Search` section of BENCHMARKS.md.
 *
 *   npm run bench:search                          # 1,000 and 10,000 stories (about an hour on 2 cores)
 *   npm run bench:search -- --sizes 1000
 *   npm run bench:search -- --site 10000=/path/to/built/site   # reuse a site built without an index
 *   npm run bench:search -- --sizes 10000 --site 10000=DIR --parts 2500 --no-one-index --note "how DIR was built"
 *
 * Sites are built with YANGWANG_SEARCH_INDEX=off (scripts/bench/build-site.ts) and indexed here,
 * each variant in its own process so its memory can be measured. Never run in tests or CI.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { buildSearchIndex, INDEX_CHUNK_SIZE } from '../../src/integrations/search-index.ts';
import { SEARCH_RANKING, dropStopWords, normaliseQuery } from '../../src/lib/search-query.ts';
import { pickFirstSearchQueries, type FirstSearchQuery } from './first-search-queries.ts';
import { launchBrowser } from '../../tests/e2e/support/browser.ts';
import { bundleSearch, type BenchSearchAnswer, type BenchSearchOptions } from './search-bundle.ts';
import { startServer, type StaticServer } from '../../tests/e2e/support/server.ts';
import { generateCorpus } from './generate-corpus.ts';
import { treeRssKb } from './tree-rss.ts';
import { writeBenchmarksSection } from './benchmarks-section.ts';

const WORK = resolve('.bench/search');
const RESULTS = join(WORK, 'results.json');
const SHARDS = 4;

// ---------------------------------------------------------------------------------------------
// Shared helpers

/** Every HTML file under a folder, as paths relative to it. */
function listHtml(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

/** Bytes and files under a folder. */
function measureDir(dir: string): { bytes: number; files: number; indexBytes: number } {
  let bytes = 0;
  let files = 0;
  let indexBytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const size = statSync(join(entry.parentPath, entry.name)).size;
    bytes += size;
    files++;
    if (/\.pf_(meta|index|fragment|filter)$/.test(entry.name)) indexBytes += size;
  }
  return { bytes, files, indexBytes };
}

/** Runs a command, sampling the memory of its process tree every 100 ms. */
async function measured(args: string[], env: NodeJS.ProcessEnv = {}, log?: string): Promise<{ seconds: number; peakMb: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  let peakKb = 0;
  const sampler = setInterval(() => {
    if (child.pid) peakKb = Math.max(peakKb, treeRssKb(child.pid));
  }, 100);
  const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? 1)));
  clearInterval(sampler);
  if (log) writeFileSync(log, output);
  if (code !== 0) throw new Error(`${args.join(' ')} failed (${code}):\n${output.slice(-2000)}`);
  return { seconds: (performance.now() - started) / 1000, peakMb: peakKb / 1024 };
}

// ---------------------------------------------------------------------------------------------
// Worker mode: one indexing run, in this process, while the parent measures it

/** The year a page is filed under (its first `year` filter), or `none`. */
function readYear(html: string): string {
  return /data-pagefind-filter="year\[data-value\]" data-value="(\d{4})"/.exec(html)?.[1] ?? 'none';
}

/** Splits the site's pages into `count` shards along the year filter, about equal in size. */
function planShards(site: string, count: number): string[][] {
  const byYear = new Map<string, string[]>();
  for (const file of listHtml(site)) {
    const html = readFileSync(join(site, file), 'utf-8');
    if (!/\sdata-pagefind-body[\s>]/.test(html)) continue;
    const year = readYear(html);
    byYear.set(year, [...(byYear.get(year) ?? []), file]);
  }
  const total = [...byYear.values()].reduce((n, f) => n + f.length, 0);
  const shards: string[][] = [[]];
  for (const year of [...byYear.keys()].sort()) {
    const current = shards.at(-1) as string[];
    if (current.length >= total / count && shards.length < count) shards.push([]);
    (shards.at(-1) as string[]).push(...(byYear.get(year) ?? []));
  }
  return shards;
}

async function indexShard(site: string, files: string[], out: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new Error(errors.join('\n'));
  for (const file of files) {
    const url = `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
    const added = await index.addHTMLFile({ url, content: readFileSync(join(site, file), 'utf-8') });
    if (added.errors.length) throw new Error(added.errors.join('\n'));
  }
  const written = await index.writeFiles({ outputPath: out });
  if (written.errors.length) throw new Error(written.errors.join('\n'));
  await pagefind.close();
}

const HAN_RUN = /[\p{Script=Han}]+/gu;
const wordSegmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
/** Han text split into the words the browser's segmenter sees, with spaces between them. */
function spaceWords(text: string): string {
  return text.replace(HAN_RUN, (run) => ` ${Array.from(wordSegmenter.segment(run), (s) => s.segment).join(' ')} `);
}

/**
 * The idea “index our own words”: text pre-split by Intl.Segmenter (what Pagefind itself uses for
 * queries), indexed as a language without Chinese segmentation, so Pagefind stores each word once
 * instead of words plus every character pair and character.
 */
async function indexPresegmented(site: string, out: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'unknown' });
  if (!index) throw new Error(errors.join('\n'));
  for (const file of listHtml(site)) {
    const html = readFileSync(join(site, file), 'utf-8');
    if (!/\sdata-pagefind-body[\s>]/.test(html)) continue;
    const content = html
      .replace(/>([^<>]+)</g, (_, text: string) => `>${spaceWords(text)}<`)
      .replace(
        /(data-meta-(?:title|name|alias|teacher|school)=")([^"]*)"/g,
        (_, head: string, value: string) => `${head}${spaceWords(value).trim()}"`,
      );
    const url = `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
    const added = await index.addHTMLFile({ url, content });
    if (added.errors.length) throw new Error(added.errors.join('\n'));
  }
  const written = await index.writeFiles({ outputPath: out });
  if (written.errors.length) throw new Error(written.errors.join('\n'));
  await pagefind.close();
}

async function worker(mode: string, site: string, out: string, shardFile?: string): Promise<void> {
  if (mode === 'article') await buildSearchIndex(site, { outputPath: out, partPages: Number.POSITIVE_INFINITY });
  else if (mode === 'parts') {
    const partPages = Number(values['part-pages']);
    const summary = await buildSearchIndex(site, { outputPath: out, partPages, ...(values.cache && { cacheDir: resolve(values.cache) }) });
    writeFileSync(`${out}.summary.json`, JSON.stringify(summary));
  } else if (mode === 'presegmented') await indexPresegmented(site, out);
  else if (mode === 'shard' && shardFile) await indexShard(site, JSON.parse(readFileSync(shardFile, 'utf-8')) as string[], out);
  else throw new Error(`unknown worker mode ${mode}`);
}

// ---------------------------------------------------------------------------------------------
// Building the sites

async function ensureSite(stories: number, given?: string): Promise<string> {
  if (given) return resolve(given);
  const corpus = join(WORK, `corpus-${stories}`);
  const site = join(WORK, `site-${stories}`);
  // Marker files say a step finished: an interrupted run must not leave half a corpus that looks done.
  const built = join(WORK, `site-${stories}.done`);
  const generated = join(WORK, `corpus-${stories}.done`);
  if (existsSync(built)) return site;
  if (!existsSync(generated)) {
    console.log(`== ${stories}: generating the corpus`);
    await generateCorpus({ stories, out: corpus });
    writeFileSync(generated, new Date().toISOString());
  }
  console.log(`== ${stories}: building the site without a search index`);
  const build = await measured(
    ['scripts/bench/build-site.ts', '--outDir', site, '--cacheDir', join(WORK, `cache-${stories}`)],
    { YANGWANG_CONTENT_DIR: corpus, YANGWANG_SEARCH_INDEX: 'off', ASTRO_TELEMETRY_DISABLED: '1' },
    join(WORK, `build-${stories}.log`),
  );
  console.log(`   built in ${build.seconds.toFixed(0)} s`);
  writeFileSync(built, new Date().toISOString());
  return site;
}

// ---------------------------------------------------------------------------------------------
// Indexing under measurement

interface IndexRun {
  seconds: number;
  peakMb: number;
  /** Bytes on disk of the whole bundle (script, worker, WebAssembly, index). */
  bundleBytes: number;
  /** Bytes of the index files only (page list, word chunks, fragments, filters). */
  indexBytes: number;
  files: number;
  /** Shards only: the largest shard's peak, and each shard's page count. */
  shardPages?: number[];
}

async function measureArticleIndex(site: string, stories: number): Promise<IndexRun> {
  const out = join(site, 'pagefind');
  rmSync(out, { recursive: true, force: true });
  const run = await measured(
    ['scripts/bench/search.ts', '--worker', 'article', '--site', site, '--out', out],
    {},
    join(WORK, `index-${stories}-article.log`),
  );
  const size = measureDir(out);
  return { ...run, bundleBytes: size.bytes, indexBytes: size.indexBytes, files: size.files };
}

async function measurePresegmentedIndex(site: string, stories: number): Promise<IndexRun> {
  const out = join(site, 'pagefind-words');
  rmSync(out, { recursive: true, force: true });
  const run = await measured(
    ['scripts/bench/search.ts', '--worker', 'presegmented', '--site', site, '--out', out],
    {},
    join(WORK, `index-${stories}-words.log`),
  );
  const size = measureDir(out);
  return { ...run, bundleBytes: size.bytes, indexBytes: size.indexBytes, files: size.files };
}

async function measureShardedIndex(site: string, stories: number): Promise<IndexRun> {
  const root = join(site, 'pagefind-shards');
  rmSync(root, { recursive: true, force: true });
  const shards = planShards(site, SHARDS);
  let seconds = 0;
  let peakMb = 0;
  for (const [i, files] of shards.entries()) {
    const list = join(WORK, `shard-${stories}-${i}.json`);
    writeFileSync(list, JSON.stringify(files));
    const run = await measured([
      'scripts/bench/search.ts',
      '--worker',
      'shard',
      '--site',
      site,
      '--out',
      join(root, String(i)),
      '--shard',
      list,
    ]);
    seconds += run.seconds;
    peakMb = Math.max(peakMb, run.peakMb);
  }
  const size = measureDir(root);
  return {
    seconds,
    peakMb,
    bundleBytes: size.bytes,
    indexBytes: size.indexBytes,
    files: size.files,
    shardPages: shards.map((s) => s.length),
  };
}

// ---------------------------------------------------------------------------------------------
// In Chromium

interface QueryCost {
  query: string;
  kind: string;
  results: number;
  /** Transferred bytes (gzip where the server compresses), by kind of file. */
  bytes: { total: number; fixed: number; meta: number; chunks: number; fragments: number; filters: number; other: number };
  /** Milliseconds from the search call (cold: including loading Pagefind) to five results' data. */
  ms: number;
  /** URLs of the first ten results, to compare hit lists. */
  top: string[];
  /** Through the search page's code: parts routed to, searched for these results, and in all. */
  parts?: { routed: number; searched: number; total: number };
  /** Through the search page's code: with the part router, or loading every part. */
  client?: 'routed' | 'every part';
}

type Query = FirstSearchQuery;

/**
 * Counts what the browser fetched from the static server since this call, by kind of file. The
 * server counts the body bytes it sent (gzip where it compresses): Pagefind fetches from a Web
 * Worker, which the page's own network events do not see.
 */
function recordBytes(server: StaticServer): () => Promise<QueryCost['bytes']> {
  const from = server.requests.length;
  return async () => {
    await new Promise((done) => setTimeout(done, 100)); // the last responses finish flushing
    const bytes = { total: 0, fixed: 0, meta: 0, chunks: 0, fragments: 0, filters: 0, other: 0 };
    for (const { path, bytes: n } of server.requests.slice(from)) {
      bytes.total += n;
      if (path.endsWith('.pf_meta')) bytes.meta += n;
      else if (path.endsWith('.pf_index')) bytes.chunks += n;
      else if (path.endsWith('.pf_fragment')) bytes.fragments += n;
      else if (path.endsWith('.pf_filter')) bytes.filters += n;
      else if (/pagefind(-worker)?\.js$|\.pagefind$|pagefind-entry\.json$/.test(path)) bytes.fixed += n;
      else bytes.other += n;
    }
    return bytes;
  };
}

/**
 * One cold search through Pagefind's API in a fresh browser (empty cache), from a page of the
 * site: bytes and time until `count` results' data are in.
 */
async function apiSearch(server: StaticServer, bundles: string[], query: Query, count = 5): Promise<QueryCost> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/about/`);
    const bytes = recordBytes(server);
    const result = await page.evaluate(
      async ({ bundles, term, ranking, count }) => {
        const started = performance.now();
        interface Api {
          options(o: object): Promise<void>;
          init(): Promise<void>;
          mergeIndex(path: string): Promise<void>;
          search(t: string): Promise<{ results: { data(): Promise<{ url: string }> }[] }>;
        }
        const api = (await import(`${bundles[0]}pagefind.js`)) as Api;
        await api.options({ ranking });
        await api.init();
        for (const other of bundles.slice(1)) await api.mergeIndex(other);
        const search = await api.search(term);
        const first = await Promise.all(search.results.slice(0, count).map((r) => r.data()));
        return { ms: performance.now() - started, results: search.results.length, top: first.map((d) => d.url) };
      },
      { bundles, term: query.query, ranking: SEARCH_RANKING, count },
    );
    return { ...query, ...result, bytes: await bytes() };
  } finally {
    await browser.close();
  }
}

interface UiTiming {
  query: string;
  /** From the last keystroke to five results on screen, on a fresh page (Pagefind loads on focus). */
  coldMs: number;
  /** The same for a second query typed on the same page. */
  warmMs: number;
  /** Bytes the search page fetched, itself included, until the cold query's first five results. */
  coldBytes: number;
}

/** Types a query into the real search page and times it from the last keystroke. */
async function uiTiming(server: StaticServer, query: string, second: string): Promise<UiTiming> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const bytes = recordBytes(server);
    await page.goto(`${server.origin}/search/`);
    await page.waitForSelector('[data-search-page][data-state="done"]');
    await page.evaluate(() => {
      const w = window as unknown as { lastInput: number; shown: number };
      const input = document.querySelector('#search-q') as HTMLInputElement;
      const list = document.querySelector('[data-search-results]') as HTMLElement;
      input.addEventListener('input', () => {
        w.lastInput = performance.now();
        w.shown = 0;
      });
      new MutationObserver(() => {
        const root = document.querySelector('[data-search-page]') as HTMLElement;
        const enough = list.querySelectorAll('.result').length >= 5 || (root.dataset.state !== 'busy' && list.childElementCount > 0);
        if (enough && !w.shown && w.lastInput) w.shown = performance.now();
      }).observe(list, { childList: true });
    });
    const timeQuery = async (text: string) => {
      await page.locator('#search-q').fill('');
      await page.waitForTimeout(300);
      await page.evaluate(() => ((window as unknown as { shown: number }).shown = 0));
      await page.locator('#search-q').focus();
      await page.keyboard.type(text, { delay: 60 });
      await page.waitForFunction(() => (window as unknown as { shown: number }).shown > 0, undefined, { timeout: 30_000 });
      return page.evaluate(() => {
        const w = window as unknown as { lastInput: number; shown: number };
        return w.shown - w.lastInput;
      });
    };
    const coldMs = await timeQuery(query);
    const coldBytes = (await bytes()).total;
    const warmMs = await timeQuery(second);
    return { query, coldMs, warmMs, coldBytes };
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------

interface SizeResult {
  stories: number;
  pages: number;
  indexes: { article: IndexRun; shards?: IndexRun; words?: IndexRun };
  queries: {
    article: QueryCost[];
    shards?: QueryCost[];
    stopWords: { query: string; stripped: string; before: QueryCost; after: QueryCost; overlap: number }[];
    /** The pre-split index: cost, and top-10 overlap with the production index. */
    words?: (QueryCost & { overlap: number })[];
  };
  ui: UiTiming[];
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function benchSize(stories: number, givenSite: string | undefined, withShards: boolean, withBrowser: boolean): Promise<SizeResult> {
  const site = await ensureSite(stories, givenSite);
  const pages = listHtml(site).filter((f) => /\sdata-pagefind-body[\s>]/.test(readFileSync(join(site, f), 'utf-8'))).length;
  console.log(`== ${stories}: indexing ${pages} pages (production index)`);
  const article = await measureArticleIndex(site, stories);
  console.log(`   ${article.seconds.toFixed(1)} s, peak ${article.peakMb.toFixed(0)} MB, index ${mb(article.indexBytes)}`);
  let shards: IndexRun | undefined;
  if (withShards) {
    console.log(`== ${stories}: indexing in ${SHARDS} shards by year, one after another`);
    shards = await measureShardedIndex(site, stories);
    console.log(`   ${shards.seconds.toFixed(1)} s, peak ${shards.peakMb.toFixed(0)} MB, index ${mb(shards.indexBytes)}`);
  }
  console.log(`== ${stories}: indexing words split by Intl.Segmenter, without Pagefind's Chinese segmentation`);
  const words = await measurePresegmentedIndex(site, stories);
  console.log(`   ${words.seconds.toFixed(1)} s, peak ${words.peakMb.toFixed(0)} MB, index ${mb(words.indexBytes)}`);
  const result: SizeResult = {
    stories,
    pages,
    indexes: { article, ...(shards && { shards }), words },
    queries: { article: [], stopWords: [], words: [] },
    ui: [],
  };
  if (!withBrowser) return result;

  const server = await startServer(site);
  try {
    const queries = pickFirstSearchQueries(site);
    console.log(`== ${stories}: first searches in Chromium`);
    for (const q of queries) {
      const cost = await apiSearch(server, ['/pagefind/'], q);
      result.queries.article.push(cost);
      console.log(`   ${q.kind} (${q.query}): ${kb(cost.bytes.total)}, ${cost.ms.toFixed(0)} ms, ${cost.results} results`);
    }
    if (shards) {
      result.queries.shards = [];
      const bundles = shards.shardPages?.map((_, i) => `/pagefind-shards/${i}/`) ?? [];
      for (const q of queries) {
        const cost = await apiSearch(server, bundles, q);
        result.queries.shards.push(cost);
        console.log(`   shards, ${q.kind}: ${kb(cost.bytes.total)}, ${cost.ms.toFixed(0)} ms`);
      }
    }
    for (const q of queries) {
      const production = await apiSearch(server, ['/pagefind/'], q, 10);
      const cost = await apiSearch(server, ['/pagefind-words/'], q);
      const top = (await apiSearch(server, ['/pagefind-words/'], q, 10)).top;
      const overlap =
        production.top.length === 0 && top.length === 0
          ? 1
          : top.filter((u) => production.top.includes(u)).length / Math.max(1, Math.min(10, production.top.length));
      result.queries.words?.push({ ...cost, overlap });
      console.log(
        `   words, ${q.kind}: ${kb(cost.bytes.total)}, ${cost.ms.toFixed(0)} ms, ${cost.results} results, top-10 overlap ${(overlap * 100).toFixed(0)}%`,
      );
    }
    // Stop-words: the same query with 的, 了, 在 … left out; same hit list?
    const withStopWords = [...queries, { kind: 'sentence', query: '在山里教书的老师' }, { kind: 'title words', query: '山里的灯' }];
    for (const q of withStopWords.filter((x) => dropStopWords(x.query) !== normaliseQuery(x.query))) {
      const stripped = dropStopWords(q.query);
      const before = await apiSearch(server, ['/pagefind/'], q, 10);
      const after = await apiSearch(server, ['/pagefind/'], { ...q, query: stripped }, 10);
      const overlap = after.top.filter((u) => before.top.includes(u)).length / Math.max(1, Math.min(10, before.top.length));
      result.queries.stopWords.push({ query: q.query, stripped, before, after, overlap });
      console.log(
        `   stop words, ${q.query} → ${stripped}: ${kb(before.bytes.total)} → ${kb(after.bytes.total)}, top-10 overlap ${(overlap * 100).toFixed(0)}%`,
      );
    }
    result.ui = await measureTyping(server, queries);
  } finally {
    await server.close();
  }
  return result;
}

/** Types a rare and a common query into the real search page, each first on a fresh page. */
async function measureTyping(server: StaticServer, queries: Query[]): Promise<UiTiming[]> {
  const timings: UiTiming[] = [];
  const rare = queries[0]?.query ?? '学生';
  for (const [query, second] of [
    [rare, '学生'],
    ['学生', rare],
  ] as const) {
    const timing = await uiTiming(server, query, second);
    timings.push(timing);
    console.log(
      `   ${query}: cold ${timing.coldMs.toFixed(0)} ms (${kb(timing.coldBytes)}), then ${second}: ${timing.warmMs.toFixed(0)} ms`,
    );
  }
  return timings;
}

function renderSection(results: SizeResult[]): string {
  const lines = [
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores, ${(totalmem() / 1024 ** 3).toFixed(0)} GB, Pagefind 1.6.0 (extended), Chromium headless; synthetic corpora from scripts/bench/generate-corpus.ts. Other benchmarks may have shared the machine: times are indicative, memory and bytes are not affected.`,
    '',
    '### Indexing',
    '',
    '| stories | indexed pages | index | time | peak memory | index files | whole bundle |',
    '| ---: | ---: | --- | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    for (const [name, run] of Object.entries(r.indexes)) {
      const label =
        name === 'article'
          ? 'one index (production)'
          : name === 'words'
            ? 'one index of words split by Intl.Segmenter (no character pairs)'
            : `${run.shardPages?.length ?? SHARDS} shards by year (${run.shardPages?.join(' / ')} pages), one after another`;
      lines.push(
        `| ${r.stories.toLocaleString('en-US')} | ${r.pages.toLocaleString('en-US')} | ${label} | ${run.seconds.toFixed(1)} s | ${(run.peakMb / 1024).toFixed(2)} GB | ${mb(run.indexBytes)} | ${mb(run.bundleBytes)} in ${run.files.toLocaleString('en-US')} files |`,
      );
    }
  }
  lines.push(
    '',
    '### First search, cold (transferred bytes until five results’ data; time from the search call, loading Pagefind included)',
    '',
  );
  lines.push(
    '| stories | index | query | results | total | script+worker+wasm | page list | word chunks | fragments | time |',
    '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const r of results) {
    for (const [name, costs] of [
      ['one index', r.queries.article],
      ['4 shards', r.queries.shards ?? []],
      ['words index', r.queries.words ?? []],
    ] as const) {
      for (const c of costs) {
        lines.push(
          `| ${r.stories.toLocaleString('en-US')} | ${name} | ${c.kind}: ${c.query} | ${c.results} | ${kb(c.bytes.total)} | ${kb(c.bytes.fixed)} | ${kb(c.bytes.meta)} | ${kb(c.bytes.chunks)} | ${kb(c.bytes.fragments)} | ${c.ms.toFixed(0)} ms |`,
        );
      }
    }
  }
  lines.push('', '### Words index: hit lists against the production index', '');
  lines.push('| stories | query | results (production) | results (words) | top-10 hits in common |', '| ---: | --- | ---: | ---: | ---: |');
  for (const r of results) {
    for (const w of r.queries.words ?? []) {
      const production = r.queries.article.find((a) => a.query === w.query);
      lines.push(
        `| ${r.stories.toLocaleString('en-US')} | ${w.query} | ${production?.results ?? '—'} | ${w.results} | ${(w.overlap * 100).toFixed(0)}% |`,
      );
    }
  }
  lines.push('', '### Stop-words left out of the query (的 了 在 这 …)', '');
  lines.push(
    '| stories | query | searched as | bytes before | bytes after | top-10 hits in common |',
    '| ---: | --- | --- | ---: | ---: | ---: |',
  );
  for (const r of results) {
    for (const s of r.queries.stopWords) {
      lines.push(
        `| ${r.stories.toLocaleString('en-US')} | ${s.query} | ${s.stripped} | ${kb(s.before.bytes.total)} | ${kb(s.after.bytes.total)} | ${(s.overlap * 100).toFixed(0)}% |`,
      );
    }
  }
  lines.push('', '### Typing into /search/ (from the last keystroke to five results on screen; 120 ms of it is the typing pause)', '');
  lines.push('| stories | first query | cold | bytes (page included) | second query | warm |', '| ---: | --- | ---: | ---: | --- | ---: |');
  for (const r of results) {
    r.ui.forEach((u, i) => {
      const second = i === 0 ? '学生' : (r.ui[0]?.query ?? '');
      lines.push(
        `| ${r.stories.toLocaleString('en-US')} | ${u.query} | ${u.coldMs.toFixed(0)} ms | ${kb(u.coldBytes)} | ${second} | ${u.warmMs.toFixed(0)} ms |`,
      );
    });
  }
  lines.push('');
  return lines.join('\n');
}

function writeSection(results: SizeResult[]): void {
  writeBenchmarksSection({
    start: '<!-- search-bench:start (written by npm run bench:search) -->',
    end: '<!-- search-bench:end -->',
    heading: 'Search',
    body: renderSection(results),
  });
}

// ---------------------------------------------------------------------------------------------
// The index in parts (src/integrations/search-index.ts): memory, reuse and a reader's first search

interface PartsRun {
  variant: string;
  /** Most pages in a part (Infinity: one index). */
  partPages: number;
  parts: number;
  clean: { seconds: number; peakMb: number };
  /** Indexing again with the cache: nothing changed, then one story's text edited. */
  unchanged?: { seconds: number; peakMb: number; reused: number };
  oneStory?: { seconds: number; peakMb: number; reused: number };
  indexBytes: number;
  files: number;
  searches: QueryCost[];
}

interface PartsResult {
  stories: number;
  pages: number;
  measured: string;
  /** The commit measured, and what `--note` said about the site (e.g. where its HTML came from). */
  commit?: string;
  note?: string;
  runs: PartsRun[];
}

/** One cold search in a fresh browser through the search page's own code; bytes until `count` results. */
async function siteSearch(server: StaticServer, script: string, query: Query, count = 5, routing = true): Promise<QueryCost> {
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext({ bypassCSP: true })).newPage();
    await page.goto(`${server.origin}/about/`);
    await page.addScriptTag({ content: script, type: 'module' });
    await page.waitForFunction(() => 'yangwangSearch' in window);
    const bytes = recordBytes(server);
    const result = await page.evaluate(
      async ({ term, count, routing }) => {
        const started = performance.now();
        const answer = await (
          window as unknown as { yangwangSearch(q: string, n: number, o: BenchSearchOptions): Promise<BenchSearchAnswer> }
        ).yangwangSearch(term, count, { routing });
        return { ms: performance.now() - started, results: answer.ids.length, top: answer.top.map((t) => t.url), parts: answer.parts };
      },
      { term: query.query, count, routing },
    );
    return { ...query, ...result, bytes: await bytes(), client: routing ? 'routed' : 'every part' };
  } finally {
    await browser.close();
  }
}

/** Edits one story's built page (a sentence added to its article), for the reuse measurement. */
function editOneStory(site: string): () => void {
  const dir = readdirSync(join(site, 'stories'), { withFileTypes: true }).find(
    (d) => d.isDirectory() && d.name !== 'page' && !/^\d+$/.test(d.name),
  );
  const file = join(site, 'stories', dir?.name ?? '', 'index.html');
  const original = readFileSync(file, 'utf-8');
  writeFileSync(file, original.replace(/(<p class="lede summary"[^>]*>)/, '$1编辑改过的一句话。'));
  return () => writeFileSync(file, original);
}

async function benchParts(stories: number, site: string, variants: number[], withBrowser: boolean): Promise<PartsResult> {
  const pages = listHtml(site).filter(
    (f) => !f.startsWith('pagefind') && /\sdata-pagefind-body[\s>]/.test(readFileSync(join(site, f), 'utf-8')),
  ).length;
  const out = join(site, 'pagefind');
  const script = withBrowser ? await bundleSearch() : '';
  const runs: PartsRun[] = [];
  for (const partPages of variants) {
    // Pagefind's word-index chunk size (src/integrations/search-index.ts, INDEX_CHUNK_SIZE) is part of the variant.
    const chunk = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ?? String(INDEX_CHUNK_SIZE);
    const variant = `${Number.isFinite(partPages) ? `parts of ≤ ${partPages.toLocaleString('en-US')} pages` : 'one index'}, index chunks of ${Number(chunk).toLocaleString('en-US')}`;
    const cache = join(WORK, `parts-cache-${stories}-${partPages}-c${chunk}`);
    rmSync(cache, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
    const args = (c: boolean) => [
      'scripts/bench/search.ts',
      '--worker',
      'parts',
      '--site',
      site,
      '--out',
      out,
      '--part-pages',
      String(partPages),
      ...(c ? ['--cache', cache] : []),
    ];
    const summary = () => JSON.parse(readFileSync(`${out}.summary.json`, 'utf-8')) as { parts: number; reused: number };
    console.log(`== ${stories}: ${variant}, clean`);
    const clean = await measured(args(Number.isFinite(partPages)), {}, join(WORK, `parts-${stories}-${partPages}.log`));
    const run: PartsRun = {
      variant,
      partPages,
      parts: summary().parts,
      clean: { seconds: clean.seconds, peakMb: clean.peakMb },
      indexBytes: 0,
      files: 0,
      searches: [],
    };
    console.log(`   ${run.parts} parts, ${clean.seconds.toFixed(1)} s, peak ${clean.peakMb.toFixed(0)} MB`);
    if (Number.isFinite(partPages)) {
      const unchanged = await measured(args(true));
      run.unchanged = { seconds: unchanged.seconds, peakMb: unchanged.peakMb, reused: summary().reused };
      const restore = editOneStory(site);
      try {
        const edited = await measured(args(true));
        run.oneStory = { seconds: edited.seconds, peakMb: edited.peakMb, reused: summary().reused };
      } finally {
        restore();
      }
      // Back to the index of the unedited site for the searches.
      await measured(args(true));
      console.log(
        `   nothing changed ${run.unchanged.seconds.toFixed(1)} s; one story edited ${run.oneStory.seconds.toFixed(1)} s, peak ${run.oneStory.peakMb.toFixed(0)} MB`,
      );
    }
    const size = measureDir(out);
    run.indexBytes = size.indexBytes;
    run.files = size.files;
    if (withBrowser) {
      const server = await startServer(site);
      try {
        for (const q of pickFirstSearchQueries(site)) {
          // The same index searched as before the router (every part) and through it.
          for (const routing of Number.isFinite(partPages) ? [false, true] : [false]) {
            const cost = await siteSearch(server, script, q, 5, routing);
            run.searches.push(cost);
            console.log(
              `   ${cost.client}, ${q.kind} (${q.query}): ${kb(cost.bytes.total)}, ${cost.ms.toFixed(0)} ms, ${cost.results} results, parts ${cost.parts?.searched}/${cost.parts?.routed}/${cost.parts?.total}`,
            );
          }
        }
      } finally {
        await server.close();
      }
    }
    runs.push(run);
  }
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf-8' }).trim();
  return { stories, pages, measured: new Date().toISOString().slice(0, 10), commit, ...(values.note && { note: values.note }), runs };
}

function renderPartsSection(results: PartsResult[]): string {
  const lines = [
    '<!-- search-parts:start (written by npm run bench:search -- --parts …) -->',
    '',
    `Pagefind run by the build's own indexing code (src/integrations/search-index.ts) on a site built with YANGWANG_SEARCH_INDEX=off; memory is the peak resident memory of the whole process tree (Node and Pagefind), sampled every 100 ms. “Nothing changed” and “one story edited” index again with the parts cache of the clean run (one story's article changed in the built HTML). Searches run in a fresh Chromium through the search page's own code (search-run.ts, stop-words left out), twice on the same index: “every part” loads and merges every part before searching (the search page before the part router), “routed” loads the router shards of the query's keys and only the parts they allow, people first and then the newest stories, stopping at ten results when the query is routed to more than three parts (src/lib/search-router.ts); bytes are what the static server sent (gzip where a host would compress) until five results' data.`,
    '',
    ...results.map(
      (r) =>
        `- ${r.stories.toLocaleString('en-US')} stories: measured ${r.measured}${r.commit ? ` at commit ${r.commit}` : ''}${r.note ? `. ${r.note}` : ''}`,
    ),
    '',
    '| stories | pages | index | parts | clean: time / peak | nothing changed | one story edited | index files |',
    '| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    for (const run of r.runs) {
      const again = (x?: { seconds: number; peakMb: number; reused: number }) =>
        x ? `${x.seconds.toFixed(1)} s / ${(x.peakMb / 1024).toFixed(2)} GB (${x.reused} of ${run.parts} reused)` : '—';
      lines.push(
        `| ${r.stories.toLocaleString('en-US')} | ${r.pages.toLocaleString('en-US')} | ${run.variant} | ${run.parts} | ${run.clean.seconds.toFixed(1)} s / ${(run.clean.peakMb / 1024).toFixed(2)} GB | ${again(run.unchanged)} | ${again(run.oneStory)} | ${mb(run.indexBytes)} in ${run.files.toLocaleString('en-US')} files |`,
      );
    }
  }
  lines.push(
    '',
    '“Parts” = parts searched for these results / parts the query is routed to / parts in all; “results” = results found in the parts searched so far (at least this many while not every routed part is searched). “Other” is the parts list, the router shards and the traditional-character table.',
    '',
    '| stories | index | search | query | parts | results | total | script+worker+wasm | page lists | word chunks | fragments | other | time |',
    '| ---: | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const r of results) {
    for (const run of r.runs) {
      for (const c of run.searches) {
        const parts = c.parts ? `${c.parts.searched} / ${c.parts.routed} / ${c.parts.total}` : '—';
        lines.push(
          `| ${r.stories.toLocaleString('en-US')} | ${run.variant} | ${c.client ?? 'every part'} | ${c.kind}: ${c.query} | ${parts} | ${c.results} | ${kb(c.bytes.total)} | ${kb(c.bytes.fixed)} | ${kb(c.bytes.meta)} | ${kb(c.bytes.chunks)} | ${kb(c.bytes.fragments)} | ${kb(c.bytes.other)} | ${c.ms.toFixed(0)} ms |`,
        );
      }
    }
  }
  lines.push('', '<!-- search-parts:end -->');
  return lines.join('\n');
}

function writePartsSection(results: PartsResult[]): void {
  const file = 'BENCHMARKS.md';
  const section = renderPartsSection(results);
  const current = readFileSync(file, 'utf-8');
  const start = current.indexOf('<!-- search-parts:start');
  const endMark = '<!-- search-parts:end -->';
  const end = current.indexOf(endMark);
  if (start >= 0 && end > start) writeFileSync(file, current.slice(0, start) + section + current.slice(end + endMark.length));
  else {
    const at = current.indexOf('<!-- search-bench:start');
    writeFileSync(file, `${current.slice(0, at)}${section}\n\n${current.slice(at)}`);
  }
}

// ---------------------------------------------------------------------------------------------

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    site: { type: 'string', multiple: true, default: [] },
    'no-shards': { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    /** Re-measure only typing into /search/, keeping the other figures of that size. */
    'ui-only': { type: 'boolean', default: false },
    /** Measure the index in parts instead: `--parts 2500,1000` (part sizes; one index is always measured too). */
    parts: { type: 'string' },
    'no-one-index': { type: 'boolean', default: false },
    worker: { type: 'string' },
    out: { type: 'string' },
    shard: { type: 'string' },
    'part-pages': { type: 'string' },
    cache: { type: 'string' },
    /** With --parts: a sentence about the site measured, shown with its figures. */
    note: { type: 'string' },
    /** Writes the parts section of BENCHMARKS.md again from `.bench/search/parts.json`, measuring nothing. */
    'write-parts': { type: 'boolean', default: false },
  },
});

if (values['write-parts']) {
  const all = JSON.parse(readFileSync(join(WORK, 'parts.json'), 'utf-8')) as Record<string, PartsResult>;
  writePartsSection(Object.values(all).sort((a, b) => a.stories - b.stories));
} else if (values.parts && !values.worker) {
  const sites = new Map(values.site.map((s) => s.split('=') as [string, string]).map(([n, dir]) => [Number(n), dir]));
  const sizes = values.sizes
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  // One index is measured too, unless --no-one-index (it needs about 11 GB at 10,000 stories).
  const variants = [
    ...(values['no-one-index'] ? [] : [Number.POSITIVE_INFINITY]),
    ...values.parts
      .split(',')
      .map(Number)
      .filter((n) => n > 0),
  ];
  const file = join(WORK, 'parts.json');
  await mkdir(WORK, { recursive: true });
  const all: Record<string, PartsResult> = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf-8')) as Record<string, PartsResult>) : {};
  for (const stories of sizes) {
    const previous = all[stories]?.runs ?? [];
    const result = await benchParts(stories, await ensureSite(stories, sites.get(stories)), variants, !values['no-browser']);
    // Runs of other variants measured before are kept.
    result.runs = [...previous.filter((r) => !result.runs.some((n) => n.variant === r.variant)), ...result.runs];
    all[stories] = result;
    writeFileSync(
      file,
      JSON.stringify(all, (_, v: unknown) => (v === Number.POSITIVE_INFINITY ? 'Infinity' : v), 2),
    );
    writePartsSection(Object.values(all).sort((a, b) => a.stories - b.stories));
  }
} else if (values.worker) {
  await worker(values.worker, resolve(values.site[0] ?? ''), resolve(values.out ?? ''), values.shard);
} else {
  const sites = new Map(values.site.map((s) => s.split('=') as [string, string]).map(([n, dir]) => [Number(n), dir]));
  const sizes = values.sizes
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  await mkdir(WORK, { recursive: true });
  const all: Record<string, SizeResult> = existsSync(RESULTS)
    ? (JSON.parse(readFileSync(RESULTS, 'utf-8')) as Record<string, SizeResult>)
    : {};
  for (const stories of sizes) {
    const previous = all[stories];
    if (values['ui-only'] && previous) {
      const site = await ensureSite(stories, sites.get(stories));
      const server = await startServer(site);
      try {
        console.log(`== ${stories}: typing into the search page`);
        previous.ui = await measureTyping(server, pickFirstSearchQueries(site));
      } finally {
        await server.close();
      }
    } else all[stories] = await benchSize(stories, sites.get(stories), !values['no-shards'], !values['no-browser']);
    writeFileSync(RESULTS, JSON.stringify(all, null, 2));
    writeSection(Object.values(all).sort((a, b) => a.stories - b.stories));
    console.log(`== ${stories}: written to ${relative(process.cwd(), RESULTS)} and BENCHMARKS.md`);
  }
}
