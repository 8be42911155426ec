/**
 * Builds the site into another output folder with its own Astro cache, so a benchmark or the
 * reproducibility check never touches `dist/` or the site's own cache. With YANGWANG_CONTENT_DIR
 * (a folder inside the project) it builds that content instead of `content/`. It builds exactly as
 * `npm run build` does (scripts/build.ts: Astro, then the search index in its own process).
 *
 *   YANGWANG_CONTENT_DIR=.bench/corpus-1000 node scripts/bench/build-site.ts --outDir .bench/out --cacheDir .bench/cache
 */
import { parseArgs } from 'node:util';
import { buildSite } from '../build.ts';

const { values } = parseArgs({ options: { outDir: { type: 'string' }, cacheDir: { type: 'string' } } });
if (!values.outDir || !values.cacheDir) {
  console.error('用法：[YANGWANG_CONTENT_DIR=DIR] node scripts/bench/build-site.ts --outDir DIR --cacheDir DIR');
  process.exit(2);
}
process.exitCode = await buildSite(['--outDir', values.outDir], { ...process.env, YANGWANG_CACHE_DIR: values.cacheDir });
