/**
 * `npm run bench:share-images`: what the 1200×630 share images cost the build. Renders story
 * cards with distinct titles (so none comes from the cache) over the sample covers, then the
 * same cards again (all from the cache), and writes the figures to the share-image section of
 * BENCHMARKS.md. Wall and CPU time are both reported: the machines are shared, CPU time is the
 * steadier figure.
 *
 *   npm run bench:share-images -- --cards 200
 */
import { mkdtempSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { writeBenchmarksSection } from './benchmarks-section.ts';

const { values } = parseArgs({ options: { cards: { type: 'string', default: '120' } } });
const count = Math.max(10, Number(values.cards) || 120);

const cacheDir = mkdtempSync(join(tmpdir(), 'yangwang-share-bench-'));
const { renderShareImage: render } = await import('../../src/render/share-card/draw-card.ts');
const renderShareImage = (input: Parameters<typeof render>[0]) => render(input, cacheDir);

const covers = readdirSync('content/stories')
  .map((id) => join('content/stories', id, 'cover.jpg'))
  .filter((f) => existsSync(f));
const sizes = await Promise.all(covers.map((f) => sharp(f).metadata()));
const site = { name: '仰望', tagline: '优秀教师先进事迹' };
const TITLES = ['山里的灯', '没有门牌的工作室', '念对每一个名字', '一块黑板和三十年的山路：记一位乡村教师', '慢慢来'];
const card = (i: number) => {
  const c = i % covers.length;
  return {
    card: {
      kicker: '先进事迹',
      title: `${TITLES[i % TITLES.length]}（${i}）`,
      subtitle: `记第${i}所学校的第${(i * 7) % 13}位老师`,
      footer: `教师${i} · 第${i % 40}中学`,
      site,
      picture: { width: sizes[c]?.width ?? 1600, height: sizes[c]?.height ?? 900 },
    },
    pictureFile: covers[c],
  };
};

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? 0;

// The first card pays for reading the two 15 MB fonts and starting HarfBuzz and Yoga.
let t = performance.now();
let c = cpu();
await renderShareImage(card(-1));
const first = { wall: performance.now() - t, cpu: cpu() - c };

const cold: number[] = [];
let bytes = 0;
t = performance.now();
c = cpu();
for (let i = 0; i < count; i++) {
  const s = performance.now();
  bytes += (await renderShareImage(card(i))).length;
  cold.push(performance.now() - s);
}
const coldWall = performance.now() - t;
const coldCpu = cpu() - c;

t = performance.now();
c = cpu();
for (let i = 0; i < count; i++) await renderShareImage(card(i));
const warmWall = performance.now() - t;
const warmCpu = cpu() - c;
const peakRss = process.resourceUsage().maxRSS * 1024;
rmSync(cacheDir, { recursive: true, force: true });

const f = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const START = '<!-- share-images:start -->';
const END = '<!-- share-images:end -->';
const body = [
  `Measured ${new Date().toISOString().slice(0, 10)} on this machine (${process.version}), ${count} story cards over the sample covers:`,
  '',
  '| | wall | CPU |',
  '|---|---:|---:|',
  `| first card (fonts read, WebAssembly started) | ${f(first.wall)} ms | ${f(first.cpu)} ms |`,
  `| each further card, not cached (mean) | ${f(coldWall / count, 1)} ms | ${f(coldCpu / count, 1)} ms |`,
  `| each card, not cached (median / 95th percentile) | ${f(percentile(cold, 50), 1)} / ${f(percentile(cold, 95), 1)} ms | |`,
  `| each card from the cache | ${f(warmWall / count, 2)} ms | ${f(warmCpu / count, 2)} ms |`,
  `| 1,000 cards, not cached (extrapolated) | ${f(((coldWall / count) * 1000) / 1000, 1)} s | ${f(((coldCpu / count) * 1000) / 1000, 1)} s |`,
  '',
  `Average card: ${f(bytes / count / 1024)} KB. Peak resident memory of the run: ${f(peakRss / 1024 / 1024)} MB.`,
].join('\n');

writeBenchmarksSection({ start: START, end: END, heading: 'Share images', body });
console.log(body);
