/**
 * A build of exactly what was built last time ends at once and keeps the output
 * (src/integrations/unchanged-build.ts); any change to the content, the output folder or the
 * settings makes it build. Real builds of a copy of the content with their own cache and output.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildContentCopy, contentCopyIn, makeContentCopy } from '../helpers/content-copy.ts';

const WORK = resolve('node_modules/.cache/yangwang-unchanged-test');
const copy = contentCopyIn(WORK);
const { content, dist } = copy;
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

function build(env: Record<string, string> = {}) {
  const { status, output } = buildContentCopy(copy, env);
  return { status, output, built: /\d+ page\(s\) built/.test(output), skipped: output.includes('没有改动') };
}

/** Every file of the output and its content's digest. */
function tree(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dist, path)] = createHash('sha1').update(readFileSync(path)).digest('hex');
  }
  return files;
}

describe('a build with nothing changed', () => {
  it('ends at once and keeps the output; a change to the content, the output or the settings makes it build', () => {
    makeContentCopy(WORK);
    const first = build();
    expect(first.status, first.output.slice(-3000)).toBe(0);
    expect(first.built).toBe(true);
    const built = tree();

    const again = build();
    expect(again.status, again.output.slice(-3000)).toBe(0);
    expect(again.skipped, again.output.slice(-3000)).toBe(true);
    expect(again.built).toBe(false);
    expect(tree()).toEqual(built);

    // A story's text edited: the build runs and the page shows it.
    const story = readdirSync(join(content, 'stories')).sort()[0] ?? '';
    writeFileSync(
      join(content, 'stories', story, 'index.mdx'),
      `${readFileSync(join(content, 'stories', story, 'index.mdx'), 'utf-8')}\n这是测试补上的一句话。\n`,
    );
    const edited = build();
    expect(edited.status, edited.output.slice(-3000)).toBe(0);
    expect(edited.built).toBe(true);
    expect(readFileSync(join(dist, 'stories', story, 'index.html'), 'utf-8')).toContain('这是测试补上的一句话。');

    // A page deleted from the output by hand: the build runs and writes it again.
    rmSync(join(dist, 'about', 'index.html'));
    const repaired = build();
    expect(repaired.built).toBe(true);
    expect(existsSync(join(dist, 'about', 'index.html'))).toBe(true);

    // Another setting: the build runs.
    const otherSite = build({ SITE_URL: 'https://other.example.org' });
    expect(otherSite.built).toBe(true);
    expect(readFileSync(join(dist, 'index.html'), 'utf-8')).toContain('https://other.example.org/');

    // Asked to build anyway.
    const always = build({ SITE_URL: 'https://other.example.org', YANGWANG_ALWAYS_BUILD: '1' });
    expect(always.built).toBe(true);
    expect(build({ SITE_URL: 'https://other.example.org' }).skipped).toBe(true);
  });
});
