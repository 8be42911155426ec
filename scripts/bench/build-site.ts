/**
 * Builds the site into another output folder with its own Astro cache, so a benchmark or the
 * reproducibility check never touches `dist/` or the site's own cache. With YANGWANG_CONTENT_DIR
 * (a folder inside the project) it builds that content instead of `content/`.
 *
 *   YANGWANG_CONTENT_DIR=.bench/corpus-1000 node scripts/bench/build-site.ts --outDir .bench/out --cacheDir .bench/cache
 */
import { parseArgs } from 'node:util';
import { build } from 'astro';

const { values } = parseArgs({ options: { outDir: { type: 'string' }, cacheDir: { type: 'string' } } });
if (!values.outDir || !values.cacheDir) {
  console.error('用法：[YANGWANG_CONTENT_DIR=DIR] node scripts/bench/build-site.ts --outDir DIR --cacheDir DIR');
  process.exit(2);
}
process.env.ASTRO_TELEMETRY_DISABLED = '1';
await build({ outDir: values.outDir, cacheDir: values.cacheDir, logLevel: 'info' });
