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
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

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

function digests(dir: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    map.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return map;
}

/** Where two text files first differ, with a little context. */
function firstDifference(a: string, b: string): string {
  const left = readFileSync(a, 'utf-8');
  const right = readFileSync(b, 'utf-8');
  let i = 0;
  while (i < left.length && left[i] === right[i]) i++;
  const show = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 60), i + 60));
  return `at character ${i}:\n      ${show(left)}\n      ${show(right)}`;
}

rmSync(WORK, { recursive: true, force: true });
const epoch = commitEpoch();
const a = digests(build('a', epoch));
const b = digests(build('b', epoch));
const problems: string[] = [];
for (const [file, hash] of a) {
  if (!b.has(file)) problems.push(`only in the first build: ${file}`);
  else if (b.get(file) !== hash) {
    const text = /\.(html|xml|json|txt|css|js|mjs|svg)$/.test(file);
    problems.push(`differs: ${file}${text ? ` ${firstDifference(join(WORK, 'a', file), join(WORK, 'b', file))}` : ''}`);
  }
}
for (const file of b.keys()) if (!a.has(file)) problems.push(`only in the second build: ${file}`);

if (problems.length) {
  console.error(`\n构建不可复现：两次干净构建有 ${problems.length} 处不同 (the two clean builds differ)：`);
  for (const p of problems.slice(0, 40)) console.error(`  ${p}`);
  console.error(`\nBoth builds are kept in ${relative(process.cwd(), WORK)}/ for inspection.`);
  process.exit(1);
}
console.log(`\nReproducible: ${a.size} files, byte for byte identical in two clean builds.`);
rmSync(WORK, { recursive: true, force: true });
