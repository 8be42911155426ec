/**
 * `npm run bench:admin`: how long the web editor (/admin/, Decap CMS in local-repository mode)
 * takes to open the story list of a large site, in Chromium. For each size, a synthetic corpus
 * (scripts/bench/generate-corpus.ts) is written into a temporary git repository under `.bench/`,
 * `npm run admin`'s server is started on it, and the time from pressing 登录 to the first story
 * of the list on screen is measured three times (a fresh browser each time), with the bytes the
 * local API sent for the list. Also: opening one story's form. Figures go to the "Web editor"
 * section of BENCHMARKS.md. Run it under `flock /work/heavy.lock` on shared machines.
 *
 *   npm run bench:admin                      # 1,000 stories
 *   npm run bench:admin -- --sizes 1000,10000
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeAdmin } from '../../src/integrations/admin.ts';
import { launchBrowser } from '../../tests/e2e/support/browser.ts';
import { startAdminServer } from '../lib/admin-server.ts';
import { generateCorpus } from './generate-corpus.ts';
import { writeBenchmarksSection } from './benchmarks-section.ts';

const START = '<!-- admin-bench:start (written by npm run bench:admin) -->';
const END = '<!-- admin-bench:end -->';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000' } } });
const sizes = values.sizes
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const adminDir = resolve('.bench/admin-files');
await writeAdmin({ outDir: adminDir });

const rows: string[] = [];
for (const stories of sizes) {
  const repo = resolve(`.bench/admin-${stories}`);
  rmSync(repo, { recursive: true, force: true });
  console.log(`== ${stories} stories: generating ${repo}`);
  await generateCorpus({ stories, out: join(repo, 'content') });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe', maxBuffer: 1 << 28 });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@example.org', 'commit', '-q', '-m', 'corpus');

  const server = await startAdminServer({ repo, adminDir });
  const list: number[] = [];
  const entry: number[] = [];
  let listBytes = 0;
  try {
    for (let run = 0; run < 3; run++) {
      const browser = await launchBrowser();
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.on('response', async (response) => {
        const body = response.request().postData() ?? '';
        if (response.url().endsWith('/api/v1') && body.includes('"entriesByFolder"') && body.includes('content/stories')) {
          listBytes = (await response.body()).length;
        }
      });
      await page.goto(`${server.origin}/admin/`);
      const login = page.getByRole('button', { name: '登录' });
      await login.waitFor();
      const t0 = Date.now();
      await login.click();
      await page.getByRole('heading', { name: '故事' }).waitFor({ timeout: 600_000 });
      await page.locator('a[href*="#/collections/stories/entries/"]').first().waitFor({ timeout: 600_000 });
      list.push(Date.now() - t0);
      const first = await page.locator('a[href*="#/collections/stories/entries/"]').first().getAttribute('href');
      const t1 = Date.now();
      await page.goto(`${server.origin}/admin/${first ?? ''}`);
      await page.getByLabel('作者').waitFor({ timeout: 600_000 });
      await page.locator('[data-slate-editor=true]').waitFor({ timeout: 600_000 });
      entry.push(Date.now() - t1);
      await browser.close();
      console.log(`   run ${run + 1}: list ${list.at(-1)} ms, one story ${entry.at(-1)} ms`);
    }
  } finally {
    await server.close();
  }
  rows.push(
    `| ${stories.toLocaleString('en-US')} | ${(median(list) / 1000).toFixed(1)} s (${list.map((m) => (m / 1000).toFixed(1)).join(', ')}) | ${(listBytes / 1e6).toFixed(1)} MB | ${(median(entry) / 1000).toFixed(1)} s |`,
  );
}

const bundle = readFileSync(join(adminDir, 'main.js'));
const { gzipSync } = await import('node:zlib');
const body = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), shared with other work; \`npm run bench:admin\`, Chromium headless, 1280×800, median of three fresh browsers.`,
  '',
  '| stories | press 登录 → first story of the list on screen (each run) | list sent by the local API | open one story’s form |',
  '|---:|---:|---:|---:|',
  ...rows,
  '',
  `The editor's code: \`main.js\` ${(bundle.length / 1e6).toFixed(2)} MB (${(gzipSync(bundle).length / 1e6).toFixed(2)} MB gzip) plus Decap's lazy chunks and`,
  'two WebAssembly files, loaded only on /admin/. Decap reads every file of a folder collection to list it (the local',
  "API sends all of them in one answer), then parses each with the editor's file format.",
].join('\n');
writeBenchmarksSection({ start: START, end: END, heading: 'Web editor', body });
console.log('written to BENCHMARKS.md');
