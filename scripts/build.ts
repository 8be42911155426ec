/**
 * `npm run build [-- --outDir DIR]`: Astro's build, then the search index in this process once
 * Astro's has ended (src/integrations/index-handoff.ts says why), then the record of the build
 * (src/integrations/unchanged-build.ts). Arguments go to `astro build`; YANGWANG_CACHE_DIR picks
 * Astro's cache folder. Exits with Astro's code when Astro fails, 1 when the index fails.
 *
 * This process stays small while Astro runs: it loads the indexer only after Astro has exited.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { INDEX_HANDOFF_ENV, readHandoff } from '../src/integrations/index-handoff.ts';

const require = createRequire(import.meta.url);
/** Astro's command line, run with this Node (the project's own). */
const ASTRO_CLI = join(dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');

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
    const code = await runAstro(astroArgs, { ...env, ASTRO_TELEMETRY_DISABLED: '1', [INDEX_HANDOFF_ENV]: handoffPath });
    if (code !== 0) return code;
    const handoff = readHandoff(handoffPath);
    // Astro ended without a hand-off: nothing had changed since the last build (its log says so).
    if (!handoff) return 0;
    const { indexBuiltSite } = await import('../src/integrations/search-index.ts');
    const { writeBuildRecord } = await import('../src/integrations/unchanged-build.ts');
    try {
      log('yangwang:search-index', (await indexBuiltSite(handoff.outDir, handoff.cacheDir, env)).message);
    } catch (error) {
      log('yangwang:search-index', error instanceof Error ? error.message : String(error), process.stderr);
      return 1;
    }
    writeBuildRecord(handoff.record.file, handoff.record.inputs, handoff.outDir);
    return 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.main) process.exitCode = await buildSite(process.argv.slice(2));
