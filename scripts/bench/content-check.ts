/**
 * `npm run bench:check`: what the content check costs, on synthetic corpora (scripts/bench/
 * generate-corpus.ts, in .bench/, never content/). For each size: a first run (no cache), a run
 * with nothing changed (every file's result from the cache), a run after editing one story, and
 * the loader work the check's handoff saves a build (every story parsed once, not twice).
 * Figures go to the "Content check" section of BENCHMARKS.md.
 *
 *   npm run bench:check                     # 1,000 and 10,000 stories
 *   npm run bench:check -- --sizes 1000
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate-corpus.ts';

const START = '<!-- content-check:start -->';
const END = '<!-- content-check:end -->';
const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000' } } });
const sizes = (values.sizes ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);

interface Run {
  ms: number;
  maxRssMb: number;
  problems?: number;
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
  const warm = once(['--content', dir, '--cache', cache]);
  appendFileSync(join(dir, 'stories', readdirSync(join(dir, 'stories')).sort()[0] ?? '', 'index.mdx'), '\n编辑后加上的一句话。\n');
  const edited = once(['--content', dir, '--cache', cache]);
  const parse = once(['--content', dir, '--parse-only']);
  for (const [name, run] of Object.entries({ cold, warm, edited, parse })) console.log(`   ${name}: ${(run.ms / 1000).toFixed(1)} s, ${run.maxRssMb} MB, ${run.problems ?? '-'} problems`);
  const s = (run: Run) => `${(run.ms / 1000).toFixed(1)} s`;
  rows.push(`| ${stories.toLocaleString('en-US')} | ${s(cold)} / ${cold.maxRssMb} MB | ${s(warm)} / ${warm.maxRssMb} MB | ${s(edited)} | ${s(parse)} |`);
}

const section = [
  START,
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), shared with other work; \`npm run bench:check\`.`,
  '',
  '| stories | first run (no cache): time / peak memory | nothing changed: time / peak memory | one story edited | loader parse saved by the handoff |',
  '|---:|---:|---:|---:|---:|',
  ...rows,
  '',
  'The first run reads and parses every file with the loaders’ own functions. Inside `npm run build` it hands each',
  'story it parsed to the MDX loader, so the build does not parse it again: the last column is the loader work that',
  'this saves (the check costs the build roughly its first-run time minus that). Later runs take each file’s result',
  'from `node_modules/.cache/yangwang/` when the file, its folder and the rules are unchanged, and only redo the',
  'checks across entries.',
  END,
].join('\n');
const file = 'BENCHMARKS.md';
const current = existsSync(file) ? readFileSync(file, 'utf-8') : '# Benchmarks\n';
const at = current.indexOf(START);
const end = current.indexOf(END);
writeFileSync(
  file,
  at >= 0 && end > at ? current.slice(0, at) + section + current.slice(end + END.length) : `${current.trimEnd()}\n\n## Content check\n\n${section}\n`,
);
console.log('written to BENCHMARKS.md');
