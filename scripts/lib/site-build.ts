/**
 * Builds the site outside `dist/` and the site's own cache, for the checks that compare builds
 * (`npm run check:reproducible`, `npm run check:incremental`): each build gets its own output and
 * Astro cache folder, optionally another content folder, and the commit's time as
 * SOURCE_DATE_EPOCH so the one date a build writes (security.txt's Expires) is the same in both.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

export interface SiteBuildOptions {
  outDir: string;
  cacheDir: string;
  /** Build this content folder (YANGWANG_CONTENT_DIR) instead of `content/`. */
  contentDir?: string;
  /** SOURCE_DATE_EPOCH; see {@link commitEpoch}. */
  epoch?: string | undefined;
  /** Astro's log goes here as it is written (colours removed); without it, it is only returned. */
  logFile?: string;
}

export interface SiteBuild {
  /** Wall-clock seconds. */
  seconds: number;
  /** Astro's whole log, stdout and stderr, without colours. */
  log: string;
}

/** The last commit's time in seconds, when in a git checkout: what a reproducible build dates itself by. */
export function commitEpoch(): string | undefined {
  try {
    return execFileSync('git', ['log', '-1', '--format=%ct'], { encoding: 'utf-8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Runs `scripts/bench/build-site.ts` in its own process; rejects with the log's end if the build fails. */
export function buildSite(options: SiteBuildOptions): Promise<SiteBuild> {
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/bench/build-site.ts', '--outDir', options.outDir, '--cacheDir', options.cacheDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      FORCE_COLOR: '0',
      ...(options.contentDir ? { YANGWANG_CONTENT_DIR: options.contentDir } : {}),
      ...(options.epoch ? { SOURCE_DATE_EPOCH: options.epoch } : {}),
    },
  });
  const file = options.logFile ? createWriteStream(options.logFile) : undefined;
  let log = '';
  const onData = (chunk: string) => {
    // eslint-disable-next-line no-control-regex -- Astro colours some of its log even without a terminal.
    const text = chunk.replace(/\x1b\[[0-9;]*m/g, '');
    log += text;
    file?.write(text);
  };
  child.stdout.setEncoding('utf8').on('data', onData);
  child.stderr.setEncoding('utf8').on('data', onData);
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      file?.end();
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) resolve({ seconds, log });
      else reject(new Error(`构建失败 (build failed, exit ${code}):\n${log.slice(-4000)}`));
    });
  });
}

/** How many pages a build rendered and how many it took from the previous build. */
export interface PageCounts {
  /** Pages rendered in this build. */
  rendered: number;
  /** Pages skipped by Astro's incremental build and copied from its cache (`(restored)`). */
  restored: number;
  /** Pages skipped and left where they were in the kept output folder (`(cached)`, src/integrations/stale-output.ts). */
  cached: number;
}

/** The line the build's log destination writes for the pages it skipped (`skippedPagesLine` in src/content-input/astro/log-guard.mjs). */
const SKIPPED_SUMMARY = /沿用上次构建的页面 \d+ 个（原地保留 (\d+) 个，从缓存恢复 (\d+) 个）/g;

/**
 * Counts the pages of Astro's "generating static routes" log: each page starts with `├─ path`
 * (or `└─`) and ends with `(restored)` or `(cached)` when the incremental build skipped it
 * (node_modules/astro/dist/core/build/generate.js), or with its time `(+12ms)` when it was
 * rendered. Pages render four at a time, so a start and its end may be on different lines:
 * the marks are counted, not the lines. The site's log destination writes the skipped pages as
 * one line of counts instead (src/content-input/astro/log-guard.mjs); both are read.
 */
export function countPages(log: string): PageCounts {
  const start = log.indexOf('generating static routes');
  if (start < 0) return { rendered: 0, restored: 0, cached: 0 };
  const end = log.indexOf('generating optimized images', start);
  const section = log.slice(start, end < 0 ? undefined : end);
  const count = (pattern: RegExp) => section.match(pattern)?.length ?? 0;
  const summed = [...section.matchAll(SKIPPED_SUMMARY)].map((m) => ({ cached: Number(m[1]), restored: Number(m[2]) }));
  const restored = count(/\(restored\)/g) + summed.reduce((sum, s) => sum + s.restored, 0);
  const cached = count(/\(cached\)/g) + summed.reduce((sum, s) => sum + s.cached, 0);
  const pages = count(/[├└]─ /g) - count(/\((?:restored|cached)\)/g);
  return { rendered: pages, restored, cached };
}
