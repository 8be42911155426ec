import { resolve } from 'node:path';
import { afterEach, expect, test, vi } from 'vitest';

afterEach(() => vi.unstubAllEnvs());

async function ignoredFor(contentDir?: string): Promise<(path: string) => boolean> {
  if (contentDir) vi.stubEnv('YANGWANG_CONTENT_DIR', contentDir);
  vi.resetModules();
  const config = (await import('../../astro.config.mjs')).default as { vite?: { server?: { watch?: { ignored?: unknown } } } };
  const ignored = config.vite?.server?.watch?.ignored;
  if (typeof ignored !== 'function') throw new Error('astro.config.mjs: vite.server.watch.ignored is not a function');
  return ignored as (path: string) => boolean;
}

test('npm run dev does not watch the folders benchmarks and checks write (inotify limit at 10,000 stories)', async () => {
  const ignored = await ignoredFor();
  expect(ignored(resolve('.bench/out-10000/stories/a/index.html'))).toBe(true);
  expect(ignored(resolve('.incremental/clean/dist/index.html'))).toBe(true);
  expect(ignored(resolve('dist/index.html'))).toBe(true);
  expect(ignored(resolve('content/stories/a/index.mdx'))).toBe(false);
  expect(ignored(resolve('src/pages/index.astro'))).toBe(false);
  // A folder whose name only starts like one of them.
  expect(ignored(resolve('distant/a.txt'))).toBe(false);
});

test('but it watches the content it serves, also inside .bench/', async () => {
  const ignored = await ignoredFor('.bench/corpus-10000');
  expect(ignored(resolve('.bench/corpus-10000/stories/a/index.mdx'))).toBe(false);
  expect(ignored(resolve('.bench/out-10000/stories/a/index.html'))).toBe(true);
});
