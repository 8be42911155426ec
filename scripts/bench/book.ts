/**
 * `npm run bench:book`: what `npm run book` costs. Makes the PDF of the sample volume (仰望, at
 * 16开 and, with bleed, at A5) and of a 300-chapter volume from the bench corpus
 * (generate-corpus.ts, written under .bench/), each run as its own process. Reports wall time,
 * the peak memory of the whole process tree (Node and every Chromium process, resident memory summed from /proc
 * every 100 ms), pages and file size. Figures go to the "Book" section of BENCHMARKS.md.
 *
 *   flock /work/heavy.lock npm run bench:book            # the machines are shared
 *   npm run bench:book -- --chapters 100                 # a smaller corpus volume
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { generateCorpus } from './generate-corpus.ts';
import { writeBenchmarksSection } from './benchmarks-section.ts';
import { treeRssKb } from './tree-rss.ts';

const { values } = parseArgs({ options: { chapters: { type: 'string', default: '300' } } });
const chapterCount = Number(values.chapters);
const START = '<!-- book:start -->';
const END = '<!-- book:end -->';

interface Run {
  seconds: number;
  peakMb: number;
  pages: number;
  sizeMb: number;
}

/** Runs `npm run book` (its script, on this Node) and measures it. */
async function measure(args: string[], out: string): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, [resolve('scripts/book.ts'), ...args, '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let peak = 0;
  const timer = setInterval(() => {
    if (child.pid) peak = Math.max(peak, treeRssKb(child.pid) * 1024);
  }, 100);
  const code = await new Promise<number | null>((done) => child.on('close', done));
  clearInterval(timer);
  if (code !== 0) throw new Error(`npm run book ${args.join(' ')} failed:\n${stderr}`);
  const pages = Number(/(\d+) 页/.exec(stdout)?.[1] ?? 0);
  return { seconds: (performance.now() - started) / 1000, peakMb: Math.round(peak / 1e6), pages, sizeMb: statSync(out).size / 1e6 };
}

const rows: string[] = [];
const row = (name: string, run: Run) => {
  console.log(`   ${name}: ${run.seconds.toFixed(1)} s, ${run.peakMb} MB, ${run.pages} pages, ${run.sizeMb.toFixed(1)} MB`);
  rows.push(
    `| ${name} | ${run.pages.toLocaleString('en-US')} | ${run.seconds.toFixed(1)} s | ${run.peakMb.toLocaleString('en-US')} MB | ${run.sizeMb.toFixed(1)} MB |`,
  );
};

console.log('== the sample volume (仰望, 9 chapters)');
row('仰望, 9 chapters, 16开', await measure(['yangwang'], resolve('.bench/book/yangwang.pdf')));
row('仰望, 9 chapters, 16开, second run', await measure(['yangwang'], resolve('.bench/book/yangwang.pdf')));

// A copy of the sample volume at A5 with bleed: a second content folder, so content/ is untouched.
const a5 = resolve('.bench/book/a5');
rmSync(a5, { recursive: true, force: true });
mkdirSync(a5, { recursive: true });
cpSync('content', join(a5, 'content'), { recursive: true });
const a5Yaml = join(a5, 'content/collections/yangwang.yaml');
writeFileSync(a5Yaml, readFileSync(a5Yaml, 'utf8').replace(/^year: 2023$/m, 'year: 2023\ntrim: A5'));
row('仰望, 9 chapters, A5 with bleed', await measure(['yangwang', '--root', a5, '--bleed'], resolve('.bench/book/yangwang-a5.pdf')));

console.log(`== a volume of ${chapterCount} chapters from the bench corpus`);
const corpus = resolve(`.bench/book/corpus-${chapterCount}`);
await generateCorpus({ stories: chapterCount + 20, out: corpus });
const slugs = readdirSync(join(corpus, 'stories'))
  .filter((slug) => !/^draft: true$/m.test(readFileSync(join(corpus, 'stories', slug, 'index.mdx'), 'utf8')))
  .sort()
  .slice(0, chapterCount);
writeFileSync(
  join(corpus, 'collections', 'bench-book.yaml'),
  stringify({
    title: '仰望（基准测试）',
    year: 2024,
    editor: '市教育体育局',
    publisher: '市教育体育局',
    description: '基准测试用的虚构篇章。',
    chapters: slugs,
    sample: true,
  }),
);
row(
  `corpus, ${slugs.length} chapters, 16开`,
  await measure(['bench-book', '--root', corpus, '--content', '.'], resolve(`.bench/book/corpus-${chapterCount}.pdf`)),
);

const body = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), shared with other work; \`npm run bench:book\`.`,
  'Each row is one `npm run book` from start to PDF: the content check, reading the volume, Paged.js in Chromium, page boxes.',
  'Peak memory is the sum of the resident memory of the whole process tree (Node and every Chromium process), sampled every 100 ms;',
  "pages Chromium's processes share are counted once per process, so it overstates what the machine needs.",
  '',
  '| volume | pages | time | peak memory | PDF |',
  '|---|---:|---:|---:|---:|',
  ...rows,
].join('\n');
writeBenchmarksSection({ start: START, end: END, heading: 'Book', body });
console.log('written to BENCHMARKS.md');
