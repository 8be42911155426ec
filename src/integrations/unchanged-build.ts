/**
 * A build of exactly what was built last time ends at once, keeping the output folder.
 *
 * An incremental build with nothing changed still runs every step that grows with the site
 * (Astro's content sync, Vite, checking every route against its manifest, copying each optimised
 * image, the sitemap: about a minute at 10,000 stories, BENCHMARKS.md). Like `make`, the build
 * first asks whether anything it reads changed since the last successful build into the same
 * output folder with the same cache:
 * - every file of the project (code, configuration, `package-lock.json`, content) and of the
 *   content folder when it lies elsewhere, by path, size, modification time, status-change time
 *   and inode (as git's index does: an edit, a copy, a checkout or a `touch` changes one of them;
 *   nothing can set a status-change time back);
 * - the settings that change output: environment variables read by the build (`YANGWANG_*`,
 *   `PAGEFIND_*`, `SITE_URL`, `SOURCE_DATE_EPOCH`, …), the output and cache folders, Node's
 *   version, and the day, when SOURCE_DATE_EPOCH is not set (security.txt's expiry date);
 * - the output folder itself, file by file the same way: a file deleted, added or changed by hand
 *   in `dist/` makes the build run.
 * When all are as recorded, the output is what a build would write again, and the build stops
 * with exit code 0 before content is synced. Otherwise the record is removed and the build runs; a
 * successful build records itself when everything else is done (`record`, listed last).
 * `YANGWANG_ALWAYS_BUILD=1` runs the build anyway (the benchmark measures both).
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { getContentDir } from '../content-input/tree/check-content.ts';
import { listFiles } from '../lib/list-files.ts';
import { INDEX_HANDOFF_ENV, handoffFile, writeHandoff } from './index-handoff.ts';

/** The record, one per cache folder. */
export const BUILD_RECORD_FILE = 'yangwang-last-build.json';

/** Folders of the project that are not read by a build: dependencies, git, generated output. */
const NOT_INPUTS = new Set(['node_modules', '.git', '.astro', 'dist', 'dist-book', '.bench', '.repro', '.incremental', '.proto']);
/** Environment variables that change what a build writes. */
const SETTINGS = /^(YANGWANG_|PAGEFIND_|ASTRO_)|^(SITE_URL|SOURCE_DATE_EPOCH|NODE_ENV)$/;

interface BuildRecord {
  inputs: string;
  output: string;
  files: number;
}

/** Hashes the stat of every file under `dir` (sorted by path), not descending into top-level `skip` names. */
function hashTree(hash: Hash, dir: string, skip: ReadonlySet<string> = new Set()): number {
  if (!existsSync(dir)) return 0;
  const files = listFiles(dir, skip).sort();
  for (const rel of files) {
    const s = statSync(join(dir, rel), { bigint: true });
    hash.update(`${rel}\0${s.size}\0${s.mtimeNs}\0${s.ctimeNs}\0${s.ino}\n`);
  }
  return files.length;
}

/** What the build reads: the project's files, the content folder, the settings. */
export function inputsDigest(root: string, outDir: string, cacheDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const hash = createHash('sha256');
  const settings = Object.keys(env)
    .filter((name) => SETTINGS.test(name) && name !== 'YANGWANG_ALWAYS_BUILD' && name !== INDEX_HANDOFF_ENV)
    .sort()
    .map((name) => `${name}=${env[name] ?? ''}`);
  hash.update(`${process.version}\n${resolve(outDir)}\n${resolve(cacheDir)}\n${settings.join('\n')}\n`);
  if (!env.SOURCE_DATE_EPOCH) hash.update(`day ${new Date().toISOString().slice(0, 10)}\n`);
  // Project folders named like generated ones, and the output and cache folders when inside it.
  const skip = new Set(NOT_INPUTS);
  for (const folder of [outDir, cacheDir]) {
    const rel = relative(root, folder);
    if (rel && !rel.startsWith('..') && !isAbsolute(rel)) skip.add(rel.split(sep)[0] ?? '');
  }
  hashTree(hash, root, skip);
  // Content from a folder the walk above skipped or does not reach (the benchmarks' corpora).
  const content = resolve(root, getContentDir(env));
  const inProject = relative(root, content);
  if (inProject.startsWith('..') || skip.has(inProject.split(sep)[0] ?? '')) {
    hash.update(`content ${content}\n`);
    hashTree(hash, content);
  }
  return hash.digest('hex');
}

/** The output folder as it is: every file's path and stat. */
export function outputDigest(outDir: string): { digest: string; files: number } {
  const hash = createHash('sha256');
  const files = hashTree(hash, outDir);
  return { digest: hash.digest('hex'), files };
}

function folders(config: AstroConfig) {
  return { root: fileURLToPath(config.root), outDir: fileURLToPath(config.outDir), cacheDir: fileURLToPath(config.cacheDir) };
}

/** Records a successful build: its inputs as it started, and the output folder as it is now. */
export function writeBuildRecord(file: string, inputs: string, outDir: string): void {
  const output = outputDigest(outDir);
  const record: BuildRecord = { inputs, output: output.digest, files: output.files };
  writeFileSync(file, JSON.stringify(record));
}

function readRecord(file: string): BuildRecord | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf-8')) as BuildRecord;
  } catch {
    return undefined;
  }
}

/**
 * The inputs as a build starts (a file saved while it runs makes the next build run), and, when
 * the record of the last successful build into `outDir` with this cache says the same inputs and
 * output, the log line of a build that stops at once (not with YANGWANG_ALWAYS_BUILD=1).
 */
export function checkUnchanged(
  root: string,
  outDir: string,
  cacheDir: string,
  env: NodeJS.ProcessEnv = process.env,
): { inputs: string; unchanged?: string } {
  const started = performance.now();
  const inputs = inputsDigest(root, outDir, cacheDir, env);
  const record = readRecord(join(cacheDir, BUILD_RECORD_FILE));
  if (!record || env.YANGWANG_ALWAYS_BUILD === '1' || record.inputs !== inputs || record.output !== outputDigest(outDir).digest) {
    return { inputs };
  }
  const ms = Math.round(performance.now() - started);
  const unchanged = `没有改动：代码、内容和设置与上次成功的构建相同，${relative(root, outDir) || outDir} 中的 ${record.files} 个文件原样保留（检查用时 ${ms} ms）。要重新构建，设 YANGWANG_ALWAYS_BUILD=1。`;
  return { inputs, unchanged };
}

/**
 * Two integrations sharing one state: `check`, first in the list, ends a build of exactly what was
 * built last time; `record`, last in the list, records a successful build once every other
 * integration has written its output (and `failOnLoggedErrors` did not stop it).
 *
 * Under `npm run build` (scripts/build.ts) the nothing-changed question is asked, and the build
 * recorded, outside Astro's process, and `check` only removes the record: ending Astro's process from a hook with
 * `process.exit(0)` left it hanging about one time in twenty-five (its main thread waiting on a
 * lock while Rolldown's worker threads, started to load the configuration, were still there).
 * `astro build` run alone still ends that way.
 */
export function unchangedBuild(): { check: AstroIntegration; record: AstroIntegration } {
  let inputs = '';
  let recordFile = '';
  return {
    check: {
      name: 'yangwang:unchanged-build',
      hooks: {
        'astro:config:setup': ({ command, config, logger }) => {
          if (command !== 'build') return;
          const { root, outDir, cacheDir } = folders(config);
          recordFile = join(cacheDir, BUILD_RECORD_FILE);
          // Under `npm run build` that asked and will record (below): this build changes the output.
          if (!handoffFile()) {
            const checked = checkUnchanged(root, outDir, cacheDir);
            if (checked.unchanged) {
              logger.info(checked.unchanged);
              process.exit(0);
            }
            inputs = checked.inputs;
          }
          // This build changes the output: until it succeeds, no record describes it.
          rmSync(recordFile, { force: true });
        },
      },
    },
    record: {
      name: 'yangwang:record-build',
      hooks: {
        'astro:build:done': ({ dir }) => {
          // Under `npm run build` the search index is still to come (src/integrations/index-handoff.ts):
          // scripts/build.ts records the build after it.
          const handoff = handoffFile();
          if (handoff) {
            writeHandoff(handoff, { outDir: fileURLToPath(dir), cacheDir: dirname(recordFile) });
            return;
          }
          if (!inputs || !recordFile) return;
          writeBuildRecord(recordFile, inputs, fileURLToPath(dir));
        },
      },
    },
  };
}
