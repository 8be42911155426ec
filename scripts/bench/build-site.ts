/**
 * Builds the site from another content folder into another output folder, with its own Astro
 * cache, so a benchmark never touches `content/`, `dist/` or the site's own cache.
 *
 *   YANGWANG_CONTENT_DIR=/tmp/corpus node scripts/bench/build-site.ts --outDir /tmp/out --cacheDir /tmp/cache
 */
import { parseArgs } from 'node:util';
import { build } from 'astro';

const { values } = parseArgs({ options: { outDir: { type: 'string' }, cacheDir: { type: 'string' } } });
if (!values.outDir || !values.cacheDir || !process.env.YANGWANG_CONTENT_DIR) {
  console.error('用法：YANGWANG_CONTENT_DIR=DIR node scripts/bench/build-site.ts --outDir DIR --cacheDir DIR');
  process.exit(2);
}
process.env.ASTRO_TELEMETRY_DISABLED = '1';
await build({ outDir: values.outDir, cacheDir: values.cacheDir, logLevel: 'info' });
