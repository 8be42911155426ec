/**
 * `npm run check:reproducible`: builds the site twice from clean (each with its own empty Astro
 * cache and output folder) and fails if any file differs, naming the files and the first
 * difference. A published URL is a promise, and so is a build: the same commit must give the
 * same bytes, or caches, mirrors and reviews of a deploy cannot be trusted.
 *
 * SOURCE_DATE_EPOCH (the commit's time, when in a git checkout) fixes the one date a build
 * writes, security.txt's Expires, as reproducible-builds.org recommends.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { compareTrees } from './compare-trees.ts';

const WORK = resolve('.repro');

function commitEpoch(): string | undefined {
  try {
    return execFileSync('git', ['log', '-1', '--format=%ct'], { encoding: 'utf-8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function build(name: string, epoch: string | undefined): string {
  const outDir = join(WORK, name);
  const cacheDir = join(WORK, `cache-${name}`);
  console.log(`== clean build ${name} → ${relative(process.cwd(), outDir)}`);
  const result = spawnSync(process.execPath, ['scripts/bench/build-site.ts', '--outDir', outDir, '--cacheDir', cacheDir], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...(epoch ? { SOURCE_DATE_EPOCH: epoch } : {}) },
  });
  if (result.status !== 0) throw new Error(`build ${name} failed (exit ${result.status})`);
  return outDir;
}

rmSync(WORK, { recursive: true, force: true });
const epoch = commitEpoch();
const { files, problems } = compareTrees(build('a', epoch), build('b', epoch));
if (problems.length) {
  console.error(`\n构建不可复现：两次干净构建有 ${problems.length} 处不同 (the two clean builds differ)：`);
  for (const p of problems.slice(0, 40)) console.error(`  ${p}`);
  console.error(`\nBoth builds are kept in ${relative(process.cwd(), WORK)}/ for inspection.`);
  process.exit(1);
}
console.log(`\nReproducible: ${files} files, byte for byte identical in two clean builds.`);
rmSync(WORK, { recursive: true, force: true });
