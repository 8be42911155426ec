/**
 * `npm run bench:check`: what the content check costs, on synthetic corpora (scripts/bench/
 * generate-corpus.ts, in .bench/, never content/). For each size: a first run (no cache), a run
 * with nothing changed (every file's result from the cache), a run after editing one story, a
 * first run as inside a build (keeping what it rendered for the MDX loader), and what the loader
 * then does: take every entry from that handoff, against parsing every story again.
 * Figures go to the "Content check" section of BENCHMARKS.md.
 *
 *   npm run bench:check                     # 1,000 and 10,000 stories
 *   npm run bench:check -- --sizes 1000
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate-corpus.ts';
import { writeBenchmarksSection } from './benchmarks-section.ts';

const START = '<!-- content-check:start -->';
const END = '<!-- content-check:end -->';
const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000' } } });
const sizes = values.sizes
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);

interface Run {
  ms: number;
  maxRssMb: number;
  problems?: number;
  taken?: number;
  entries?: number;
}

function once(args: string[]): Run {
  const run = spawnSync(process.execPath, [resolve('scripts/bench/check-once.ts'), ...args], { encoding: 'utf-8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as Run;
}

const rows: string[] = [];
for (const stories of sizes) {
  const dir = resolve(`.bench/check-corpus-${stories}`);
  const cache = resolve(`.bench/check-cache-${stories}.json`);
  console.log(`== ${stories} stories: generating ${dir}`);
  await generateCorpus({ stories, out: dir });
  rmSync(cache, { force: true });
  const cold = once(['--content', dir, '--cache', cache]);
  // The same first run with worker threads checking files too (one per further core).
  const workersCache = resolve(`.bench/check-cache-${stories}-workers.json`);
  rmSync(workersCache, { force: true });
  const withWorkers = once(['--content', dir, '--cache', workersCache, '--workers', 'auto']);
  rmSync(workersCache, { force: true });
  const warm = once(['--content', dir, '--cache', cache]);
  appendFileSync(join(dir, 'stories', readdirSync(join(dir, 'stories')).sort()[0] ?? '', 'index.mdx'), '\n编辑后加上的一句话。\n');
  const edited = once(['--content', dir, '--cache', cache]);
  const buildCache = resolve(`.bench/check-cache-${stories}-build.json`);
  rmSync(buildCache, { force: true });
  const inBuild = once(['--content', dir, '--cache', buildCache, '--keep-rendered']);
  rmSync(buildCache, { force: true });
  const take = once(['--content', dir, '--take-only']);
  if (take.taken !== take.entries) throw new Error(`the loader took ${take.taken} of ${take.entries} entries from the handoff`);
  const parse = once(['--content', dir, '--parse-only']);
  for (const [name, run] of Object.entries({ cold, withWorkers, warm, edited, inBuild, take, parse }))
    console.log(`   ${name}: ${(run.ms / 1000).toFixed(1)} s, ${run.maxRssMb} MB, ${run.problems ?? '-'} problems`);
  const s = (run: Run) => `${(run.ms / 1000).toFixed(1)} s`;
  rows.push(
    `| ${stories.toLocaleString('en-US')} | ${s(cold)} / ${cold.maxRssMb} MB | ${s(withWorkers)} / ${withWorkers.maxRssMb} MB | ${s(warm)} / ${warm.maxRssMb} MB | ${s(edited)} | ${s(inBuild)} | ${s(take)} / ${s(parse)} |`,
  );
}

const body = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), shared with other work; \`npm run bench:check\`.`,
  '',
  '| stories | first run (no cache): time / peak memory | first run with worker threads (`--workers auto`) | nothing changed: time / peak memory | one story edited | first run inside a build | MDX loader: take from the handoff / parse again |',
  '|---:|---:|---:|---:|---:|---:|---:|',
  ...rows,
  '',
  'The first run reads and parses every file with the loaders’ own functions (the second column: on the main thread',
  'and a worker thread per further core, src/content-input/tree/check-workers.ts, not the default), and decodes every',
  'image whole (on sharp’s threads meanwhile; a JPEG at 1/8 scale). Inside `npm run build` it also keeps each',
  'story and profile it rendered in `node_modules/.cache/yangwang/rendered/` (src/content-input/tree/rendered-entries.ts),',
  'and the MDX loader takes them from there instead of parsing each story again: the last column compares the two.',
  'Later runs take each file’s result from `node_modules/.cache/yangwang/` when the file, its folder and the rules',
  'are unchanged, and each image’s while its size and time (or else its bytes’ hash) are unchanged, and only redo',
  'the checks across entries.',
].join('\n');
writeBenchmarksSection({ start: START, end: END, heading: 'Content check', body });
console.log('written to BENCHMARKS.md');
