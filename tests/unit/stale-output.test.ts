import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, test } from 'vitest';
import { sweepStaleOutput } from '../../src/integrations/stale-output.ts';

function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => relative(dir, join(e.parentPath, e.name)) + (e.isDirectory() ? '/' : ''))
    .sort();
}

test('removes what the last build wrote and this one did not, and the folders left empty', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stale-output-'));
  const write = (file: string, text = file) => {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  };
  // The previous build.
  write('index.html');
  write('stories/removed/index.html');
  write('stories/kept/index.html');
  write('_astro/old.avif');
  await sleep(20);
  const started = Date.now();
  await sleep(20);
  // This build rewrites (or restores) what it still produces, with the same bytes or not.
  write('index.html');
  write('stories/kept/index.html', 'stories/kept/index.html');
  write('_astro/new.avif');

  expect(sweepStaleOutput(dir, started)).toEqual({ removedFiles: 2, removedDirs: 1 });
  expect(tree(dir)).toEqual(['_astro/', '_astro/new.avif', 'index.html', 'stories/', 'stories/kept/', 'stories/kept/index.html']);
});

test('keeps the files Astro lists as a route output even when it left them untouched', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stale-output-'));
  mkdirSync(join(dir, 'stories', 'kept'), { recursive: true });
  writeFileSync(join(dir, 'stories', 'kept', 'index.html'), 'kept in place');
  writeFileSync(join(dir, 'gone.html'), 'removed story');
  await sleep(20);
  expect(sweepStaleOutput(dir, Date.now(), new Set([join(dir, 'stories', 'kept', 'index.html')]))).toEqual({
    removedFiles: 1,
    removedDirs: 0,
  });
  expect(tree(dir)).toEqual(['stories/', 'stories/kept/', 'stories/kept/index.html']);
});

test('leaves a skipped top-level folder to the step that writes it later (the search index)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stale-output-'));
  mkdirSync(join(dir, 'pagefind', 'parts'), { recursive: true });
  mkdirSync(join(dir, 'stories', 'pagefind'), { recursive: true });
  writeFileSync(join(dir, 'pagefind', 'parts', 'old.pf_meta'), 'last build');
  writeFileSync(join(dir, 'stories', 'pagefind', 'index.html'), 'a story named pagefind, removed');
  await sleep(20);
  expect(sweepStaleOutput(dir, Date.now(), new Set(), new Set(['pagefind']))).toEqual({ removedFiles: 1, removedDirs: 2 });
  expect(tree(dir)).toEqual(['pagefind/', 'pagefind/parts/', 'pagefind/parts/old.pf_meta']);
});
