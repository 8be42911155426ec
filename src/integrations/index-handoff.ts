/**
 * `npm run build` runs in two processes, one after the other (scripts/build.ts): Astro's build,
 * then the search index. Astro's process keeps what it grew to while rendering (about 2.2 GB
 * resident at its end at 10,000 stories, which it does not return to the system), and the index
 * step needs up to about 0.9 GB (Node and Pagefind's part): inside Astro's `astro:build:done` the
 * two added up. In a process of its own, after Astro's has ended, the peak is the larger of the
 * two (BENCHMARKS.md, “Issue 10, fourth round”: Astro's own peak while rendering is the larger).
 *
 * scripts/build.ts names a file in the environment variable below. When it is set, the search index
 * is not built inside Astro (src/integrations/search-index.ts), and the last integration
 * (`unchangedBuild().record`) writes this hand-off instead of the record of a successful build: what
 * the next step needs to index the output (scripts/build.ts asks whether anything changed before it
 * starts Astro at all, and records the build after the index). `astro build` run on its own
 * (without the variable) indexes inside Astro as before and writes the same files.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** The environment variable naming the hand-off file. */
export const INDEX_HANDOFF_ENV = 'YANGWANG_INDEX_HANDOFF';

export interface IndexHandoff {
  /** The output folder Astro wrote (absolute). */
  outDir: string;
  /** Astro's cache folder (absolute); the search index keeps its parts in `search-index/` inside it. */
  cacheDir: string;
}

/** The hand-off file of this build, when `npm run build` asked for one. */
export function handoffFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const file = env[INDEX_HANDOFF_ENV];
  return file === undefined || file === '' ? undefined : file;
}

export function writeHandoff(file: string, handoff: IndexHandoff): void {
  writeFileSync(file, JSON.stringify(handoff));
}

/** The hand-off Astro wrote, or undefined when it wrote none. */
export function readHandoff(file: string): IndexHandoff | undefined {
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf-8')) as IndexHandoff;
}
