/**
 * The benchmark (`npm run bench`): for each corpus size, generates a synthetic corpus into
 * `.bench/` (never `content/`), builds it from clean, rebuilds (Astro's incremental build, as
 * configured) with nothing changed, after editing one story's text and after renaming a teacher,
 * and measures time, peak memory, the pages each rebuild rendered and restored, `dist/` and
 * search index size and what a phone downloads for a story page; then `npm run dev` on the
 * corpus (time to the first page, and from saving a story to the page showing it); Lighthouse
 * scores for the smallest size. Each build's log is written to `.bench/build-<size>-<step>.log`
 * while it runs. Results go to `.bench/results.json` and to the measured section of BENCHMARKS.md.
 *
 *   npm run bench                              # 1,000, 5,000 and 10,000 stories (long: an hour or more on 2 cores)
 *   npm run bench -- --sizes 1000              # one size
 *   npm run bench -- --sizes 1000 --no-lighthouse
 *   npm run bench -- --report-only             # rewrite BENCHMARKS.md from .bench/results.json
 *   npm run bench -- --sizes 10000 --keep-cache  # rebuilds on the last run's output and cache (no clean build)
 *
 * Never run in tests or CI: figures depend on the machine and take minutes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { launchBrowser } from '../../tests/e2e/support/browser.ts';
import { startServer } from '../../tests/e2e/support/server.ts';
import { formatNamePinyin } from '../../src/lib/pinyin.ts';
import { startDevServer } from '../../tests/helpers/dev-server.ts';
import { countPages, type PageCounts } from '../lib/site-build.ts';
import { writeBenchmarksSection } from './benchmarks-section.ts';
import { generateCorpus } from './generate-corpus.ts';
import { treeProcesses } from './tree-rss.ts';

const BENCH = resolve('.bench');
/** The commit measured, read at the start: the code already loaded is what a long run measures. */
// BENCHMARKS.md is what the benchmarks write: a change there is not a change to the code measured.
const COMMIT = `${spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf-8' }).stdout.trim() || 'unknown'}${spawnSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':(exclude)BENCHMARKS.md'], { encoding: 'utf-8' }).stdout.trim() ? '+changes' : ''}`;
const RESULTS = join(BENCH, 'results.json');

// ---------------------------------------------------------------------------------------------
// Building under measurement

interface BuildRun {
  /** Wall-clock seconds from start to exit. */
  seconds: number;
  /** CPU seconds (user + system) of the build and the processes it started. */
  cpuSeconds?: number;
  /** Peak resident memory of the build and every process it started, summed, sampled every 200 ms. */
  peakMb: number;
  /** The same peak in two steps: until Astro's process has ended (after `[build] Complete!`), and after it (the search index). */
  peakMbBySteps?: { astro: number; index: number };
  /** Seconds spent in each phase, from Astro's log. */
  phases: Record<string, number>;
  pages: number;
  /** Routes (pages, feeds, share cards) rendered, and restored by the incremental build. */
  routes?: PageCounts;
}

/** `1m 2s`, `12.68s`, `879ms` → seconds. */
function parseDuration(text: string): number {
  let seconds = 0;
  for (const [, value, unit] of text.matchAll(/([\d.]+)\s*(ms|m|s)\b/g)) {
    seconds += Number(value) * (unit === 'ms' ? 0.001 : unit === 'm' ? 60 : 1);
  }
  return seconds;
}

async function timedBuild(
  corpus: string,
  outDir: string,
  cacheDir: string,
  logFile: string,
  env: Record<string, string> = {},
): Promise<BuildRun> {
  const started = performance.now();
  // GNU time reports the CPU seconds of the build and every process it waited for (Pagefind):
  // a figure that, unlike wall time, hardly moves when other work shares the machine.
  const cpuFile = `${logFile}.cpu`;
  const child = spawn(
    '/usr/bin/time',
    ['-f', '%U %S', '-o', cpuFile, process.execPath, 'scripts/bench/build-site.ts', '--outDir', outDir, '--cacheDir', cacheDir],
    {
      env: { ...process.env, YANGWANG_CONTENT_DIR: corpus, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: { at: number; text: string }[] = [];
  let astroDone = false;
  // The log is written as it comes, so a long build can be followed (tail -f) and a failed or
  // interrupted one leaves its log behind.
  const log = createWriteStream(logFile);
  let buffer = '';
  const onData = (chunk: string) => {
    buffer += chunk;
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    const at = (performance.now() - started) / 1000;
    for (const part of parts) {
      // eslint-disable-next-line no-control-regex -- Astro colours its log; the colour codes go.
      const text = part.replace(/\x1b\[[0-9;]*m/g, '');
      lines.push({ at, text });
      if (text.includes('[build] Complete!')) astroDone = true;
      log.write(`[${at.toFixed(2)}] ${text}\n`);
    }
  };
  // Decoded as a text stream: a chunk may end in the middle of a Chinese character.
  child.stdout.setEncoding('utf8').on('data', onData);
  child.stderr.setEncoding('utf8').on('data', onData);
  let peakKb = 0;
  const stepPeakKb = { astro: 0, index: 0 };
  const sampler = setInterval(() => {
    if (!child.pid) return;
    const processes = treeProcesses(child.pid);
    const kb = processes.reduce((sum, p) => sum + p.kb, 0);
    peakKb = Math.max(peakKb, kb);
    // Astro's process keeps its memory for a moment after its last line: the index step starts
    // when that process is gone, not when it says it is done.
    const astroRunning = processes.some((p) => /astro(\.mjs)? build/.test(p.command));
    const step = astroDone && !astroRunning ? 'index' : 'astro';
    stepPeakKb[step] = Math.max(stepPeakKb[step], kb);
  }, 200);
  const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? 1)));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  if (buffer) log.write(`${buffer}\n`);
  await new Promise((done) => log.end(done));
  if (code !== 0) throw new Error(`build failed (exit ${code}); log: ${logFile}`);

  const find = (pattern: RegExp) => lines.find((l) => pattern.test(l.text));
  const completedAfter = (pattern: RegExp) => {
    const start = lines.findIndex((l) => pattern.test(l.text));
    const done = lines.slice(start + 1).find((l) => l.text.includes('Completed in'));
    return start >= 0 && done ? parseDuration(done.text.split('Completed in')[1] ?? '') : 0;
  };
  const synced = find(/\[content\] Synced content/)?.at ?? 0;
  // The search integration logs one line when done: 搜索索引：N 个页面，用时 X 秒.
  const search = /搜索索引.*?用时\s*([\d.]+)\s*秒/.exec(find(/搜索索引/)?.text ?? '');
  const phases: Record<string, number> = {
    'start and content sync': synced,
    'pages rendered': completedAfter(/generating static routes/),
    'images encoded': completedAfter(/generating optimized images/),
  };
  if (search) phases['search index'] = Number(search[1]);
  const pages = Number(/(\d+) page\(s\) built/.exec(find(/page\(s\) built/)?.text ?? '')?.[1] ?? 0);
  const [user = 0, system = 0] = readFileSync(cpuFile, 'utf-8').trim().split(/\s+/).map(Number);
  const routes = countPages(lines.map((l) => l.text).join('\n'));
  const peakMbBySteps = { astro: stepPeakKb.astro / 1024, index: stepPeakKb.index / 1024 };
  return { seconds, cpuSeconds: user + system, peakMb: peakKb / 1024, peakMbBySteps, phases, pages, routes };
}

// ---------------------------------------------------------------------------------------------
// What the build wrote

interface DistSize {
  files: number;
  mb: number;
  htmlMb: number;
  imageMb: number;
  searchMb: number;
  searchFiles: number;
}

function measureDist(dir: string): DistSize {
  const size: DistSize = { files: 0, mb: 0, htmlMb: 0, imageMb: 0, searchMb: 0, searchFiles: 0 };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const mb = statSync(path).size / 1024 / 1024;
    size.files++;
    size.mb += mb;
    if (entry.name.endsWith('.html')) size.htmlMb += mb;
    if (/\.(avif|webp|jpe?g|png)$/.test(entry.name)) size.imageMb += mb;
    if (path.includes(`${dir}/pagefind/`)) {
      size.searchMb += mb;
      size.searchFiles++;
    }
  }
  return size;
}

// ---------------------------------------------------------------------------------------------
// What a phone downloads

interface PageWeight {
  url: string;
  /** Transferred bytes (compressed body + headers) by resource type, on load, before scrolling. */
  byType: Record<string, { requests: number; kb: number }>;
  /** Requests and kB on load, without images. */
  beforeImages: { requests: number; kb: number };
  /** Everything on load, images included. */
  onLoad: { requests: number; kb: number };
  /** After scrolling to the end (lazy images). */
  afterScroll: { requests: number; kb: number };
  /** The HTML document alone: raw and gzip bytes. */
  html: { kb: number; gzipKb: number };
}

async function measurePageWeight(dir: string, path: string): Promise<PageWeight> {
  const server = await startServer(dir);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 3,
      isMobile: true,
      hasTouch: true,
      userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36',
    });
    const page = await context.newPage();
    const seen: { type: string; bytes: number; phase: 'load' | 'scroll' }[] = [];
    let phase: 'load' | 'scroll' = 'load';
    const pending: Promise<void>[] = [];
    page.on('requestfinished', (request) => {
      const current = phase;
      pending.push(
        request.sizes().then((s) => {
          seen.push({ type: request.resourceType(), bytes: s.responseBodySize + s.responseHeadersSize, phase: current });
        }),
      );
    });
    await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
    await Promise.all(pending);
    phase = 'scroll';
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 400) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 100));
      }
    });
    await page.waitForTimeout(1000);
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    const sum = (list: typeof seen) => ({ requests: list.length, kb: list.reduce((a, r) => a + r.bytes, 0) / 1024 });
    const load = seen.filter((r) => r.phase === 'load');
    const byType: PageWeight['byType'] = {};
    for (const r of load) {
      const t = (byType[r.type] ??= { requests: 0, kb: 0 });
      t.requests++;
      t.kb += r.bytes / 1024;
    }
    const htmlFile = join(dir, path, 'index.html');
    const html = readFileSync(htmlFile);
    return {
      url: path,
      byType,
      beforeImages: sum(load.filter((r) => r.type !== 'image')),
      onLoad: sum(load),
      afterScroll: sum(seen),
      html: { kb: html.length / 1024, gzipKb: gzipSync(html, { level: 6 }).length / 1024 },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Lighthouse, with the server in its own process (a server in the waiting process stalls it)

function lighthouseOnce(url: string, out: string): Promise<void> {
  return new Promise<void>((done, fail) => {
    const lh = spawn(
      process.execPath,
      [
        'node_modules/lighthouse/cli/index.js',
        url,
        '--output=json',
        `--output-path=${out}`,
        '--quiet',
        '--only-categories=performance,accessibility,best-practices,seo',
        '--chrome-flags=--headless --no-sandbox --disable-gpu',
      ],
      { stdio: 'inherit', env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } },
    );
    lh.on('close', (code) => (code === 0 ? done() : fail(new Error(`lighthouse ${url}: exit ${code}`))));
  });
}

async function runLighthouse(dir: string, paths: Record<string, string>): Promise<Record<string, Record<string, number>>> {
  const server = spawn(process.execPath, ['scripts/bench/serve.ts', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const origin = await new Promise<string>((ready) => server.stdout.once('data', (d: Buffer) => ready(d.toString().trim())));
  const scores: Record<string, Record<string, number>> = {};
  try {
    for (const [name, path] of Object.entries(paths)) {
      const out = join(BENCH, `lighthouse-${name}.json`);
      // Lighthouse sometimes fails to record a trace on a busy machine (NO_NAVSTART): try again.
      for (let attempt = 1; ; attempt++) {
        try {
          await lighthouseOnce(`${origin}${path}`, out);
          break;
        } catch (error) {
          if (attempt === 3) throw error;
          console.log(`   lighthouse ${path}: attempt ${attempt} failed, trying again`);
        }
      }
      const report = JSON.parse(readFileSync(out, 'utf-8')) as {
        categories: Record<string, { score: number | null }>;
        audits: Record<string, { numericValue?: number }>;
      };
      const score: Record<string, number> = Object.fromEntries(
        Object.entries(report.categories).map(([k, v]) => [k, Math.round((v.score ?? 0) * 100)]),
      );
      score.lcpMs = Math.round(report.audits['largest-contentful-paint']?.numericValue ?? 0);
      score.cls = Math.round((report.audits['cumulative-layout-shift']?.numericValue ?? 0) * 1000) / 1000;
      score.tbtMs = Math.round(report.audits['total-blocking-time']?.numericValue ?? 0);
      scores[name] = score;
    }
  } finally {
    server.kill('SIGTERM');
  }
  return scores;
}

// ---------------------------------------------------------------------------------------------
// One size

interface DevRun {
  /** Seconds from `npm run dev` to a story page served, on an empty cache folder (an editor's first start). */
  firstPageSeconds: number;
  /** Seconds from saving a story's file to its page serving the change. */
  editShownSeconds: number;
  /** The same first page when the server starts again with the cache folder it left. */
  restartFirstPageSeconds: number;
}

interface SizeResult {
  stories: number;
  /** The commit measured (short hash), so figures from different code are not mixed up. */
  commit?: string;
  measuredAt: string;
  machine: string;
  corpus: { teachers: number; schools: number; images: number; seconds: number };
  /** Absent when a `--keep-cache` run had no clean build of this size to carry over. */
  clean?: BuildRun;
  /** With `--keep-cache`: the clean build's figures were measured on this earlier commit. */
  cleanCommit?: string;
  /** With `--keep-cache`: the first build, on the output and cache of an earlier run with other code. */
  codeChanged?: BuildRun;
  /** Nothing changed: the build finds its inputs and output as last recorded and stops (src/integrations/unchanged-build.ts). */
  unchanged: BuildRun;
  /** Nothing changed, every step run anyway (YANGWANG_ALWAYS_BUILD=1): Astro's incremental build on its own. */
  unchangedFull?: BuildRun;
  oneEdit: BuildRun;
  /** A rebuild after one teacher's name changed (it shows on many pages). */
  teacherRenamed?: BuildRun;
  dev?: DevRun;
  dist: DistSize;
  story: PageWeight;
  lighthouse?: Record<string, Record<string, number>>;
}

/** The generator's source: a corpus made by other code is not reused. */
function generatorDigest(): string {
  return createHash('sha256').update(readFileSync('scripts/bench/generate-corpus.ts')).digest('hex').slice(0, 16);
}

type Generated = Awaited<ReturnType<typeof generateCorpus>> & { seconds: number; generator?: string };

/**
 * The corpus for a size: generated, or reused when its stamp says it was generated whole by this
 * generator for this size. The stamp is written only after the generator finished, and removed
 * while the benchmark edits the corpus (see {@link editCorpus}): an interrupted run leaves no stamp,
 * so the next run generates the corpus again instead of reusing a half-written or edited one.
 */
async function prepareCorpus(stories: number, corpus: string): Promise<Generated> {
  const stamp = join(corpus, '.generated.json');
  const generator = generatorDigest();
  if (existsSync(stamp)) {
    const previous = JSON.parse(readFileSync(stamp, 'utf-8')) as Generated;
    if (previous.stories === stories && previous.generator === generator) {
      console.log('   (reusing the corpus generated before with the same arguments and generator)');
      return previous;
    }
  }
  const t = performance.now();
  const generated: Generated = { ...(await generateCorpus({ stories, out: corpus })), seconds: (performance.now() - t) / 1000, generator };
  writeFileSync(stamp, JSON.stringify(generated));
  return generated;
}

/**
 * Runs `measure` with one file of the corpus changed, and puts the file back afterwards. The
 * corpus's stamp is away meanwhile, so a run killed before the file is back is not reused.
 */
async function editCorpus<T>(corpus: string, file: string, change: (text: string) => string, measure: () => Promise<T>): Promise<T> {
  const stamp = join(corpus, '.generated.json');
  const stampText = readFileSync(stamp, 'utf-8');
  const original = readFileSync(file, 'utf-8');
  const changed = change(original);
  if (changed === original) throw new Error(`the edit changed nothing in ${file}`);
  rmSync(stamp);
  writeFileSync(file, changed);
  try {
    return await measure();
  } finally {
    writeFileSync(file, original);
    writeFileSync(stamp, stampText);
  }
}

/** Polls a URL until `accept` says yes (or fails after `withinMs`); returns the seconds it took from `since`. */
async function waitFor(url: string, accept: (html: string) => boolean, since: number, withinMs: number): Promise<number> {
  while (performance.now() - since < withinMs) {
    const html = await fetch(url).then(
      (r) => (r.ok ? r.text() : ''),
      () => '',
    );
    if (html && accept(html)) return (performance.now() - since) / 1000;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not show what was expected within ${withinMs / 1000} s`);
}

/**
 * `npm run dev` on the corpus, as an editor starts it, with its own cache folder (empty at first):
 * time to the first story page, then from saving an edit of that story to its page showing it,
 * then the first page again after a restart with the cache the first start left.
 */
async function benchDev(corpus: string, stories: number, slug: string): Promise<DevRun> {
  const cacheDir = join(BENCH, `dev-cache-${stories}`);
  rmSync(cacheDir, { recursive: true, force: true });
  const path = `/stories/${slug}/`;
  const file = join(corpus, 'stories', slug, 'index.mdx');
  const marker = `编辑部补记${Date.now().toString(36)}`;
  const limit = 30 * 60_000;
  const start = async () => {
    const t = performance.now();
    const server = await startDevServer({ contentDir: corpus, env: { YANGWANG_CACHE_DIR: cacheDir } });
    try {
      return { server, seconds: await waitFor(`${server.base}${path}`, () => true, t, limit) };
    } catch (error) {
      await server.stop();
      throw error;
    }
  };
  const first = await start();
  let editShownSeconds: number;
  try {
    editShownSeconds = await editCorpus(
      corpus,
      file,
      (text) => `${text.trimEnd()}\n\n${marker}：本文于基准测试中修改了一句话。\n`,
      () => waitFor(`${first.server.base}${path}`, (html) => html.includes(marker), performance.now(), limit),
    );
  } finally {
    await first.server.stop();
  }
  const again = await start();
  await again.server.stop();
  return { firstPageSeconds: first.seconds, editShownSeconds, restartFirstPageSeconds: again.seconds };
}

/** A teacher's file with another given name (its last character changed) and the pinyin to match. */
function renameTeacher(text: string): string {
  const name = /^name: (.+)$/m.exec(text)?.[1] ?? '';
  const renamed = `${name.slice(0, -1)}${name.endsWith('澜') ? '涵' : '澜'}`;
  return text.replace(/^name: .+$/m, `name: ${renamed}`).replace(/^pinyin: .+$/m, `pinyin: ${formatNamePinyin(renamed)}`);
}

async function benchSize(stories: number, lighthouse: boolean, keepCache: boolean, previous: SizeResult | undefined): Promise<SizeResult> {
  const corpus = join(BENCH, `corpus-${stories}`);
  const outDir = join(BENCH, `out-${stories}`);
  const cacheDir = join(BENCH, `cache-${stories}`);
  const relCorpus = `.bench/corpus-${stories}`;
  console.log(`\n== ${stories} stories: generating ${relCorpus}`);
  // The generator is deterministic: a corpus made before with the same arguments is reused.
  const generated = await prepareCorpus(stories, corpus);
  const log = (step: string) => join(BENCH, `build-${stories}-${step}.log`);
  const pages = (r: BuildRun) =>
    r.routes ? `, ${r.routes.rendered} rendered, ${r.routes.restored} restored, ${r.routes.cached} kept in place` : '';

  let clean: BuildRun | undefined;
  let cleanCommit: string | undefined;
  let codeChanged: BuildRun | undefined;
  if (keepCache && existsSync(cacheDir)) {
    // The output and cache of an earlier run are kept: this build re-renders what the code change
    // touched and reuses the rest (images, share cards, search parts). The clean build's figures
    // are carried over from that run, with its commit.
    console.log(`== ${stories}: rebuild after a code change, on the output and cache of an earlier run (log: ${log('code')})`);
    codeChanged = await timedBuild(relCorpus, outDir, cacheDir, log('code'));
    console.log(`   ${codeChanged.seconds.toFixed(1)} s, ${codeChanged.peakMb.toFixed(0)} MB${pages(codeChanged)}`);
    clean = previous?.clean;
    cleanCommit = previous?.cleanCommit ?? previous?.commit;
  } else {
    console.log(`== ${stories}: clean build (log: ${log('clean')})`);
    await rm(outDir, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
    clean = await timedBuild(relCorpus, outDir, cacheDir, log('clean'));
    console.log(`   ${clean.seconds.toFixed(1)} s, ${clean.peakMb.toFixed(0)} MB`);
  }

  console.log(`== ${stories}: rebuild, nothing changed`);
  const unchanged = await timedBuild(relCorpus, outDir, cacheDir, log('unchanged'));
  console.log(`   ${unchanged.seconds.toFixed(1)} s, ${unchanged.peakMb.toFixed(0)} MB${pages(unchanged)}`);
  console.log(`== ${stories}: rebuild, nothing changed, every step run (YANGWANG_ALWAYS_BUILD=1)`);
  const unchangedFull = await timedBuild(relCorpus, outDir, cacheDir, log('unchanged-full'), { YANGWANG_ALWAYS_BUILD: '1' });
  console.log(`   ${unchangedFull.seconds.toFixed(1)} s, ${unchangedFull.peakMb.toFixed(0)} MB${pages(unchangedFull)}`);

  console.log(`== ${stories}: rebuild after editing one story's text`);
  const storyDirs = readdirSync(join(corpus, 'stories')).sort();
  const edited = join(corpus, 'stories', storyDirs[Math.floor(storyDirs.length / 2)] ?? '', 'index.mdx');
  const oneEdit = await editCorpus(
    corpus,
    edited,
    (text) => `${text.trimEnd()}\n\n编辑部补记：本文于基准测试中修改了一句话。\n`,
    () => timedBuild(relCorpus, outDir, cacheDir, log('edit')),
  );
  console.log(`   ${oneEdit.seconds.toFixed(1)} s, ${oneEdit.peakMb.toFixed(0)} MB${pages(oneEdit)}`);

  // The teacher with the most stories: the widest rename a corpus holds.
  const teacherDirs = readdirSync(join(corpus, 'teachers')).sort();
  const storyCount = new Map<string, number>();
  for (const dir of storyDirs) {
    const frontmatter = readFileSync(join(corpus, 'stories', dir, 'index.mdx'), 'utf-8').split(/^---$/m)[1] ?? '';
    for (const t of (parse(frontmatter) as { teachers?: string[] }).teachers ?? []) storyCount.set(t, (storyCount.get(t) ?? 0) + 1);
  }
  const renamed = [...teacherDirs].sort((a, b) => (storyCount.get(b) ?? 0) - (storyCount.get(a) ?? 0))[0] ?? '';
  console.log(`== ${stories}: rebuild after renaming a teacher (${renamed}, ${storyCount.get(renamed) ?? 0} stories)`);
  const teacherRenamed = await editCorpus(corpus, join(corpus, 'teachers', renamed, 'index.mdx'), renameTeacher, () =>
    timedBuild(relCorpus, outDir, cacheDir, log('teacher')),
  );
  console.log(`   ${teacherRenamed.seconds.toFixed(1)} s, ${teacherRenamed.peakMb.toFixed(0)} MB${pages(teacherRenamed)}`);

  const dist = measureDist(outDir);
  const firstStory = storyDirs[0] ?? '';
  const story = await measurePageWeight(outDir, `/stories/${firstStory}/`);

  console.log(`== ${stories}: npm run dev on the corpus`);
  let dev: DevRun | undefined;
  try {
    dev = await benchDev(corpus, stories, firstStory);
    console.log(
      `   first page ${dev.firstPageSeconds.toFixed(1)} s, an edit shown ${dev.editShownSeconds.toFixed(1)} s, first page after a restart ${dev.restartFirstPageSeconds.toFixed(1)} s`,
    );
  } catch (error) {
    console.error(`   npm run dev failed, build figures kept: ${(error as Error).message}`);
  }

  const result: SizeResult = {
    stories,
    commit: COMMIT,
    measuredAt: new Date().toISOString().slice(0, 10),
    machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 1024 ** 3)} GB, Node ${process.version}`,
    corpus: { teachers: generated.teachers, schools: generated.schools, images: generated.images, seconds: generated.seconds },
    ...(clean ? { clean } : {}),
    ...(cleanCommit ? { cleanCommit } : {}),
    ...(codeChanged ? { codeChanged } : {}),
    unchanged,
    unchangedFull,
    oneEdit,
    teacherRenamed,
    ...(dev ? { dev } : {}),
    dist,
    story,
  };
  if (lighthouse) {
    const teacher = teacherDirs[0] ?? '';
    const paths: Record<string, string> = { home: '/', story: `/stories/${firstStory}/`, teacher: `/teachers/${teacher}/` };
    if (existsSync(join(outDir, 'search', 'index.html'))) paths.search = '/search/?q=老师';
    try {
      result.lighthouse = await runLighthouse(outDir, paths);
    } catch (error) {
      console.error(`   Lighthouse failed, build figures kept: ${(error as Error).message}`);
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Report

const START = '<!-- bench:build:start (written by npm run bench; edit scripts/bench/run.ts instead) -->';
const END = '<!-- bench:build:end -->';

function renderReport(results: SizeResult[]): string {
  const f = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const rows = (label: string, value: (r: SizeResult) => string) => `| ${label} | ${results.map(value).join(' | ')} |`;
  const header = `| | ${results.map((r) => `${r.stories.toLocaleString('en-US')} stories`).join(' | ')} |\n|---|${results.map(() => '---:').join('|')}|`;
  const phase = (r: BuildRun, name: string) => (r.phases[name] === undefined ? '—' : `${f(r.phases[name] ?? 0)} s`);
  const routes = (r: BuildRun | undefined) =>
    r?.routes
      ? `${r.routes.rendered.toLocaleString('en-US')} rendered, ${(r.routes.restored + r.routes.cached).toLocaleString('en-US')} skipped (${r.routes.cached.toLocaleString('en-US')} kept in place)`
      : '—';
  const lines = [
    `Measured ${results[0]?.measuredAt ?? ''} on ${results[0]?.machine ?? ''} (shared with other work: wall times vary with it, CPU time and memory much less).`,
    '',
    '### Build',
    '',
    header,
    rows('code measured (commit)', (r) => r.commit ?? '—'),
    rows('pages built', (r) => (r.clean ?? r.unchangedFull ?? r.unchanged).pages.toLocaleString('en-US')),
    rows('source images', (r) => r.corpus.images.toLocaleString('en-US')),
    rows('clean build, total', (r) => (r.clean ? `**${f(r.clean.seconds)} s**${r.cleanCommit ? ` (at ${r.cleanCommit})` : ''}` : '—')),
    rows('  CPU time (user + system, all processes)', (r) => (r.clean?.cpuSeconds === undefined ? '—' : `${f(r.clean.cpuSeconds)} s`)),
    rows('  start and content sync (parse, render, store)', (r) => (r.clean ? phase(r.clean, 'start and content sync') : '—')),
    rows('  pages rendered', (r) => (r.clean ? phase(r.clean, 'pages rendered') : '—')),
    rows('  images encoded', (r) => (r.clean ? phase(r.clean, 'images encoded') : '—')),
    rows('  search index', (r) => (r.clean ? phase(r.clean, 'search index') : '—')),
    rows('clean build, peak memory (all processes)', (r) => (r.clean ? `**${f(r.clean.peakMb / 1024, 2)} GB**` : '—')),
    rows('per page (clean build ÷ pages)', (r) => (r.clean ? `${f((r.clean.seconds / r.clean.pages) * 1000)} ms` : '—')),
    rows('per page, rendering only', (r) =>
      r.clean ? `${f(((r.clean.phases['pages rendered'] ?? 0) / r.clean.pages) * 1000, 2)} ms` : '—',
    ),
    rows('rebuild after a code change, output and cache of an earlier run kept (`--keep-cache`)', (r) =>
      r.codeChanged ? `${f(r.codeChanged.seconds)} s, ${f(r.codeChanged.peakMb / 1024, 2)} GB; ${routes(r.codeChanged)}` : '—',
    ),
    rows(
      'rebuild, nothing changed (time, peak memory of all processes; the build finds nothing changed and stops)',
      (r) => `**${f(r.unchanged.seconds)} s**, ${f(r.unchanged.peakMb / 1024, 2)} GB`,
    ),
    rows('rebuild, nothing changed, every step run (`YANGWANG_ALWAYS_BUILD=1`)', (r) =>
      r.unchangedFull ? `**${f(r.unchangedFull.seconds)} s**, ${f(r.unchangedFull.peakMb / 1024, 2)} GB` : '—',
    ),
    rows('  routes rendered / skipped by the incremental build', (r) => routes(r.unchangedFull ?? r.unchanged)),
    rows("rebuild after editing one story's text", (r) => `**${f(r.oneEdit.seconds)} s**, ${f(r.oneEdit.peakMb / 1024, 2)} GB`),
    rows('  its CPU time', (r) => (r.oneEdit.cpuSeconds === undefined ? '—' : `${f(r.oneEdit.cpuSeconds)} s`)),
    rows('  routes rendered / skipped', (r) => routes(r.oneEdit)),
    rows('rebuild after renaming a teacher (the one with most stories)', (r) =>
      r.teacherRenamed ? `**${f(r.teacherRenamed.seconds)} s**, ${f(r.teacherRenamed.peakMb / 1024, 2)} GB` : '—',
    ),
    rows('  routes rendered / skipped', (r) => routes(r.teacherRenamed)),
    rows('`npm run dev`: first story page, empty cache', (r) => (r.dev ? `${f(r.dev.firstPageSeconds)} s` : '—')),
    rows('  from saving a story to its page showing the change', (r) => (r.dev ? `**${f(r.dev.editShownSeconds)} s**` : '—')),
    rows('  first story page after a restart (cache kept)', (r) => (r.dev ? `${f(r.dev.restartFirstPageSeconds)} s` : '—')),
    rows('dist/ size', (r) => `${f(r.dist.mb)} MB in ${r.dist.files.toLocaleString('en-US')} files`),
    rows('  of which HTML', (r) => `${f(r.dist.htmlMb)} MB`),
    rows('  of which images', (r) => `${f(r.dist.imageMb)} MB`),
    rows('  of which search index', (r) =>
      r.dist.searchFiles ? `${f(r.dist.searchMb)} MB in ${r.dist.searchFiles.toLocaleString('en-US')} files` : '—',
    ),
    '',
    '### A story page on a phone',
    '',
    'Chromium at 390×844 (device pixel ratio 3), gzip, a story with its own cover; bytes transferred (bodies and headers).',
    '',
    header,
    rows('HTML document (raw / gzip)', (r) => `${f(r.story.html.kb)} / ${f(r.story.html.gzipKb)} KB`),
    rows('on load, before images', (r) => `**${f(r.story.beforeImages.kb)} KB in ${r.story.beforeImages.requests} requests**`),
    rows('  JavaScript', (r) => `${f(r.story.byType.script?.kb ?? 0)} KB in ${r.story.byType.script?.requests ?? 0}`),
    rows('  CSS', (r) => `${f(r.story.byType.stylesheet?.kb ?? 0)} KB in ${r.story.byType.stylesheet?.requests ?? 0}`),
    rows('  images on load', (r) => `${f(r.story.byType.image?.kb ?? 0)} KB in ${r.story.byType.image?.requests ?? 0}`),
    rows('on load, everything', (r) => `${f(r.story.onLoad.kb)} KB in ${r.story.onLoad.requests} requests`),
    rows('after scrolling to the end', (r) => `${f(r.story.afterScroll.kb)} KB in ${r.story.afterScroll.requests} requests`),
  ];
  const withLighthouse = results.filter((r) => r.lighthouse);
  for (const r of withLighthouse) {
    lines.push('', `### Lighthouse (${r.stories.toLocaleString('en-US')}-story build, mobile, simulated throttling)`, '');
    lines.push(
      '| page | performance | accessibility | best practices | SEO | LCP | CLS | TBT |',
      '|---|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const [name, s] of Object.entries(r.lighthouse ?? {})) {
      lines.push(
        `| ${name} | ${s.performance} | ${s.accessibility} | ${s['best-practices']} | ${s.seo} | ${f((s.lcpMs ?? 0) / 1000)} s | ${s.cls} | ${s.tbtMs} ms |`,
      );
    }
  }
  return lines.join('\n');
}

function writeReport(results: SizeResult[]): void {
  writeBenchmarksSection({ start: START, end: END, heading: 'Build and page weight', body: renderReport(results) });
}

// ---------------------------------------------------------------------------------------------

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000,10000' },
    'no-lighthouse': { type: 'boolean', default: false },
    // Writes BENCHMARKS.md again from .bench/results.json without measuring anything.
    'report-only': { type: 'boolean', default: false },
    // Keeps the output and cache of the last run of each size instead of starting with a clean
    // build: the first build then measures a code change, the rebuilds are measured as usual, and
    // the clean build's figures are carried over from the last run (with its commit).
    'keep-cache': { type: 'boolean', default: false },
  },
});
const sizes = values['report-only']
  ? []
  : values.sizes
      .split(',')
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0);
await mkdir(BENCH, { recursive: true });
const all: Record<string, SizeResult> = existsSync(RESULTS)
  ? (JSON.parse(readFileSync(RESULTS, 'utf-8')) as Record<string, SizeResult>)
  : {};
if (values['report-only']) writeReport(Object.values(all).sort((a, b) => a.stories - b.stories));
for (const [i, stories] of sizes.entries()) {
  all[stories] = await benchSize(stories, i === 0 && !values['no-lighthouse'], values['keep-cache'], all[stories]);
  writeFileSync(RESULTS, JSON.stringify(all, null, 2));
  writeReport(Object.values(all).sort((a, b) => a.stories - b.stories));
  console.log(`== ${stories}: written to ${RESULTS} and BENCHMARKS.md`);
}
