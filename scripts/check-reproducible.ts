/**
 * `npm run check:reproducible`: builds the site twice from clean (each with its own empty Astro
 * cache and output folder) and fails if any file differs, naming the files and the first
 * difference. A published URL is a promise, and so is a build: the same commit must give the
 * same bytes, or caches, mirrors and reviews of a deploy cannot be trusted.
 *
 * SOURCE_DATE_EPOCH (the commit's time, when in a git checkout) fixes the one date a build
 * writes, security.txt's Expires, as reproducible-builds.org recommends.
 */
import { rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { compareTrees } from './compare-trees.ts';
import { buildSite, commitEpoch } from './lib/site-build.ts';

const WORK = resolve('.repro');

async function build(name: string, epoch: string | undefined): Promise<string> {
  const outDir = join(WORK, name);
  console.log(`== clean build ${name} → ${relative(process.cwd(), outDir)}`);
  await buildSite({ outDir, cacheDir: join(WORK, `cache-${name}`), epoch });
  return outDir;
}

rmSync(WORK, { recursive: true, force: true });
const epoch = commitEpoch();
const { files, problems } = compareTrees(await build('a', epoch), await build('b', epoch));
if (problems.length) {
  console.error(`\n构建不可复现：两次干净构建有 ${problems.length} 处不同 (the two clean builds differ)：`);
  for (const p of problems.slice(0, 40)) console.error(`  ${p}`);
  console.error(`\nBoth builds are kept in ${relative(process.cwd(), WORK)}/ for inspection.`);
  process.exit(1);
}
console.log(`\nReproducible: ${files} files, byte for byte identical in two clean builds.`);
rmSync(WORK, { recursive: true, force: true });
