/**
 * Keeps the output folder between builds instead of emptying it, and removes afterwards what this
 * build did not produce.
 *
 * Astro empties `outDir` before every build (`emptyDir` in `core/build/static-build.js`, unless
 * `vite.build.emptyOutDir` is false). With `experimental.incrementalBuild`, it then copies every
 * page it skips back from its cache (`restoreOutputFile` in `core/build/incremental.js`), and every
 * optimised image from its image cache. At 10,000 stories the deletion removed about 70,000 files
 * (2 GB) in 8.5 s of a one-story rebuild, and restoring the pages took most of the 23.5 s of the
 * page phase. With `emptyOutDir: false`, a skipped page whose file is still in the output folder is
 * left where it is (`generatePathWithPrerenderer` in `core/build/generate.js` logs it “(cached)”).
 *
 * What the build no longer produces (a removed story's page and share card, an image no page uses
 * any more) must then go, so that the output is exactly what a build into an empty folder writes
 * (`npm run check:incremental` compares them file by file). When the build is done, a file is this
 * build's when Astro lists it as a route's output (the `assets` of `astro:build:done`, which
 * includes the pages kept in place) or when it was written during the build: its status-change
 * time (ctime, which no copy or `utimes` can set back) is not older than the build's start. Every
 * other file is deleted, with the folders left empty.
 *
 * Runs last: every integration that writes into the output must have written before the sweep.
 */
import { mkdirSync, readdirSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { handoffFile } from './index-handoff.ts';
import { SEARCH_BUNDLE_DIR } from './search-index.ts';

export interface SweepResult {
  removedFiles: number;
  removedDirs: number;
}

/**
 * Deletes every file under `dir` that is not in `produced` and whose status-change time is before
 * `since` (epoch ms), and every folder left empty. Returns what it removed. The folder itself is
 * kept, and so are the top-level folders named in `skip`.
 */
export function sweepStaleOutput(
  dir: string,
  since: number,
  produced: ReadonlySet<string> = new Set(),
  skip: ReadonlySet<string> = new Set(),
): SweepResult {
  const result: SweepResult = { removedFiles: 0, removedDirs: 0 };
  const walk = (folder: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (folder === dir && skip.has(entry.name)) {
        empty = false;
      } else if (entry.isDirectory()) {
        if (walk(path)) {
          rmdirSync(path);
          result.removedDirs++;
        } else empty = false;
      } else if (!produced.has(path) && statSync(path).ctimeMs < since) {
        unlinkSync(path);
        result.removedFiles++;
      } else empty = false;
    }
    return empty;
  };
  walk(dir);
  return result;
}

/** Written into the output folder when the build starts; its ctime is the build's start, in the folder's own clock and precision. */
const MARKER = '.build-started';

/** The Astro integration; list it after every integration that writes into the output folder. */
export function staleOutput(): AstroIntegration {
  let started: number | undefined;
  return {
    name: 'yangwang:stale-output',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        // Before Astro writes anything into the output folder. The marker's own ctime (rather than
        // Date.now()) keeps the comparison right on a file system that stores coarser times: a file
        // written in the same tick counts as this build's.
        const outDir = fileURLToPath(config.outDir);
        mkdirSync(outDir, { recursive: true });
        writeFileSync(join(outDir, MARKER), '');
        started = statSync(join(outDir, MARKER)).ctimeMs;
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        if (started === undefined) return;
        const outDir = fileURLToPath(dir);
        rmSync(join(outDir, MARKER), { force: true });
        // Every route's files, those rendered and those kept in place.
        const produced = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
        // The search index's folder is the index's own: it removes there what it does not write, and
        // leaves in place the parts of the last build it reuses (files older than this build). Under
        // `npm run build` it is written after this; under `astro build` alone, before. Without an
        // index (YANGWANG_SEARCH_INDEX=off) an old bundle is swept like any other file.
        const indexOwns = handoffFile() || process.env.YANGWANG_SEARCH_INDEX !== 'off' ? new Set([SEARCH_BUNDLE_DIR]) : undefined;
        const removed = sweepStaleOutput(outDir, started, produced, indexOwns);
        if (removed.removedFiles > 0) logger.info(`删除了上次构建留下、这次没有生成的 ${removed.removedFiles} 个文件`);
      },
    },
  };
}
