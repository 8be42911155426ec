/**
 * `npm run build [-- --outDir DIR]`: Astro's build, then the search index in this process once
 * Astro's has ended (src/integrations/index-handoff.ts says why), then the record of the build
 * (src/integrations/unchanged-build.ts). Arguments go to `astro build`; YANGWANG_CACHE_DIR picks
 * Astro's cache folder. Exits with Astro's code when Astro fails, 1 when the index fails.
 *
 * Before Astro starts, it asks whether anything changed since the last successful build
 * (src/integrations/unchanged-build.ts) and stops at once when nothing did. This process stays
 * small while Astro runs: it loads the indexer only after Astro has exited.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { INDEX_HANDOFF_ENV, readHandoff } from '../src/integrations/index-handoff.ts';
import { BUILD_RECORD_FILE, checkUnchanged, writeBuildRecord } from '../src/integrations/unchanged-build.ts';

const require = createRequire(import.meta.url);
/** Astro's command line, run with this Node (the project's own). */
const ASTRO_CLI = join(dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');

/** The output folder `astro build` writes: `--outDir` (or `--outDir=`), else Astro's default, relative to the project. */
function outDirOf(args: readonly string[]): string {
  const i = args.findIndex((a) => a === '--outDir' || a.startsWith('--outDir='));
  const flag = args[i];
  const value = flag === undefined ? undefined : flag === '--outDir' ? args[i + 1] : flag.slice('--outDir='.length);
  return resolve(value ?? 'dist');
}

/** Astro's cache folder as astro.config.mjs sets it: YANGWANG_CACHE_DIR, else Astro's default. */
function cacheDirOf(env: NodeJS.ProcessEnv): string {
  return resolve(env.YANGWANG_CACHE_DIR ?? 'node_modules/.astro');
}

/** A log line in the form of Astro's own (`12:00:00 [label] message`). */
function log(label: string, message: string, stream: NodeJS.WriteStream = process.stdout): void {
  const time = new Date().toTimeString().slice(0, 8);
  stream.write(`${time} [${label}] ${message}\n`);
}

function runAstro(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(process.execPath, [ASTRO_CLI, 'build', ...args], { stdio: 'inherit', env });
  // Ctrl-C reaches both processes (same process group); a TERM sent to this one is passed on.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGTERM', forward);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

/** Builds the site; resolves to the exit code. */
export async function buildSite(astroArgs: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const scratch = mkdtempSync(join(tmpdir(), 'yangwang-build-'));
  try {
    const handoffPath = join(scratch, 'handoff.json');
    const astroEnv = { ...env, ASTRO_TELEMETRY_DISABLED: '1', [INDEX_HANDOFF_ENV]: handoffPath };
    // Nothing changed since the last successful build: Astro is not started (unchanged-build.ts says why here).
    const outDir = outDirOf(astroArgs);
    const cacheDir = cacheDirOf(astroEnv);
    const { inputs, unchanged } = checkUnchanged(process.cwd(), outDir, cacheDir, astroEnv);
    if (unchanged) {
      log('yangwang:unchanged-build', unchanged);
      return 0;
    }
    const code = await runAstro(astroArgs, astroEnv);
    if (code !== 0) return code;
    const handoff = readHandoff(handoffPath);
    if (!handoff) {
      log('yangwang:search-index', `生成搜索索引失败：astro build 没有交出所需的信息（${INDEX_HANDOFF_ENV}）`, process.stderr);
      return 1;
    }
    const { indexBuiltSite } = await import('../src/integrations/search-index.ts');
    try {
      log('yangwang:search-index', (await indexBuiltSite(handoff.outDir, handoff.cacheDir, env)).message);
    } catch (error) {
      log('yangwang:search-index', error instanceof Error ? error.message : String(error), process.stderr);
      return 1;
    }
    writeBuildRecord(join(cacheDir, BUILD_RECORD_FILE), inputs, outDir);
    return 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.main) process.exitCode = await buildSite(process.argv.slice(2));
