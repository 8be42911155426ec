/**
 * Real builds of a copy of the content, each with its own content, cache and output folders, for
 * the guard tests. The image caches of the main build are copied in, so no picture is encoded again
 * and the main `dist/` and cache are not touched.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface ContentCopy {
  /** The copy of `content/`. */
  content: string;
  cache: string;
  dist: string;
}

/** Where the copy in `work` keeps its content, cache and output. */
export function contentCopyIn(work: string): ContentCopy {
  return { content: join(work, 'content'), cache: join(work, 'cache'), dist: join(work, 'dist') };
}

/** Copies `content/` and the warm image caches into `work` (emptied first by the caller if need be). */
export function makeContentCopy(work: string): ContentCopy {
  const copy = contentCopyIn(work);
  mkdirSync(work, { recursive: true });
  cpSync('content', copy.content, { recursive: true });
  for (const warm of ['assets', 'share-images']) {
    if (existsSync(`node_modules/.astro/${warm}`)) cpSync(`node_modules/.astro/${warm}`, join(copy.cache, warm), { recursive: true });
  }
  return copy;
}

/** `npm run build` of the copy into its own output with its own cache; its exit status and whole log. */
export function buildContentCopy(copy: ContentCopy, env: Record<string, string> = {}): { status: number | null; output: string } {
  const run = spawnSync('npm', ['run', 'build', '--silent', '--', '--outDir', copy.dist], {
    encoding: 'utf-8',
    env: { ...process.env, YANGWANG_CONTENT_DIR: copy.content, YANGWANG_CACHE_DIR: copy.cache, CI: 'true', FORCE_COLOR: '0', ...env },
    timeout: 240_000,
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}
