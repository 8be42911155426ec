/**
 * `npm run build` indexes the site in a process of its own after Astro's has ended
 * (scripts/build.ts, src/integrations/index-handoff.ts). It must write exactly what `astro build`
 * on its own writes (the index built inside Astro), record the build only once the index is done,
 * and stop with the editors' message when the index fails. Real builds of a copy of the content.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareTrees } from '../../scripts/compare-trees.ts';
import { BUILD_RECORD_FILE } from '../../src/integrations/unchanged-build.ts';
import { buildContentCopy, contentCopyIn, makeContentCopy } from '../helpers/content-copy.ts';

const WORK = resolve('node_modules/.cache/yangwang-separate-index-test');
const ASTRO = resolve('node_modules/astro/bin/astro.mjs');
const copy = contentCopyIn(WORK);
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

/** A log without Astro's colours. */
// eslint-disable-next-line no-control-regex -- the escape sequences are what is removed.
const plain = (log: string) => log.replace(/\x1b\[[0-9;]*m/g, '');

/** `astro build` of the same content, alone, into its own output with its own cache. */
function astroBuildAlone(outDir: string, cacheDir: string, env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(process.execPath, [ASTRO, 'build', '--outDir', outDir], {
    encoding: 'utf-8',
    env: {
      ...process.env,
      YANGWANG_CONTENT_DIR: copy.content,
      YANGWANG_CACHE_DIR: cacheDir,
      ASTRO_TELEMETRY_DISABLED: '1',
      CI: 'true',
      FORCE_COLOR: '0',
      ...env,
    },
    timeout: 240_000,
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

describe('npm run build indexes after Astro, in its own process', () => {
  it('writes what astro build alone writes, records the build after the index, and stops when the index fails', () => {
    makeContentCopy(WORK);
    const first = buildContentCopy(copy);
    expect(first.status, first.output.slice(-3000)).toBe(0);
    // The index's line comes after Astro's last one: Astro's process had ended.
    const log = plain(first.output);
    const complete = log.indexOf('[build] Complete!');
    const indexed = log.search(/\[yangwang:search-index\] 搜索索引：\d+ 个页面/);
    expect(complete).toBeGreaterThan(0);
    expect(indexed).toBeGreaterThan(complete);
    expect(existsSync(join(copy.dist, 'pagefind', 'pagefind.js'))).toBe(true);

    // Inside Astro (astro build alone), with a cache of its own: the same files, byte for byte.
    const aloneCache = join(WORK, 'cache-alone');
    const aloneDist = join(WORK, 'dist-alone');
    cpSync(join(copy.cache, 'assets'), join(aloneCache, 'assets'), { recursive: true });
    const alone = astroBuildAlone(aloneDist, aloneCache);
    expect(alone.status, alone.output.slice(-3000)).toBe(0);
    expect(plain(alone.output).search(/搜索索引：\d+ 个页面/)).toBeLessThan(plain(alone.output).indexOf('[build] Complete!'));
    const compared = compareTrees(copy.dist, aloneDist, { first: 'npm run build', second: 'astro build' });
    expect(compared.problems).toEqual([]);
    expect(compared.files).toBeGreaterThan(100);
    // Again in place: the index leaves its reused parts where they are, older than the build, and
    // the sweep of stale files (which runs after it inside Astro) must leave them too.
    const again = astroBuildAlone(aloneDist, aloneCache, { YANGWANG_ALWAYS_BUILD: '1' });
    expect(again.status, again.output.slice(-3000)).toBe(0);
    expect(plain(again.output)).toMatch(/搜索索引：\d+ 个页面，(\d+) 个分块（\1 个沿用缓存）/);
    expect(compareTrees(copy.dist, aloneDist, { first: 'npm run build', second: 'astro build, again in place' }).problems).toEqual([]);

    // Recorded after the index: the next build finds the output as recorded and stops at once.
    expect(buildContentCopy(copy).output).toContain('没有改动');

    // An index that cannot be written: the build fails with the editors' message and records nothing.
    const story = join(copy.content, 'stories', 'man-man-lai', 'index.mdx');
    writeFileSync(story, `${readFileSync(story, 'utf-8')}\n又添了一段。\n`);
    const searchCache = join(copy.cache, 'search-index');
    rmSync(searchCache, { recursive: true, force: true });
    writeFileSync(searchCache, 'not a folder');
    const failed = buildContentCopy(copy);
    expect(failed.status).not.toBe(0);
    expect(failed.output).toContain('生成搜索索引失败');
    expect(failed.output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
    expect(existsSync(join(copy.cache, BUILD_RECORD_FILE))).toBe(false);

    // Mended, the next build runs (nothing recorded the failed one) and indexes the edit.
    rmSync(searchCache);
    mkdirSync(searchCache);
    const mended = buildContentCopy(copy);
    expect(mended.status, mended.output.slice(-3000)).toBe(0);
    expect(mended.output).not.toContain('没有改动');
    expect(mended.output).toMatch(/搜索索引：\d+ 个页面/);
    expect(existsSync(join(copy.cache, BUILD_RECORD_FILE))).toBe(true);
  });
});
