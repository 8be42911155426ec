/**
 * Two builds of different content folders, each with its own cache, in one checkout (what the
 * benchmarks and the checks do beside the site's own build): a rebuild of the first in which
 * nothing changed must still find its own pictures. Astro writes the list of the content's images
 * into the shared `.astro/` and, when its store saw no change, kept the other build's list
 * (src/content-input/astro/content-imports.ts).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildContentCopy, contentCopyIn, makeContentCopy } from '../helpers/content-copy.ts';

const WORK = resolve('node_modules/.cache/yangwang-imports-test');
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

/** Builds the content folder `name` (a copy of content/ made on first use) with its own cache and output. */
function build(name: string, env: Record<string, string> = {}) {
  const work = join(WORK, name);
  const copy = existsSync(work) ? contentCopyIn(work) : makeContentCopy(work);
  return { ...buildContentCopy(copy, env), ...copy };
}

describe('builds of other content in the same checkout', () => {
  it('leave a later rebuild of the first content with its own pictures', () => {
    const first = build('first');
    expect(first.status, first.output.slice(-3000)).toBe(0);
    const before = readFileSync(join(first.dist, 'atom.xml'), 'utf-8');

    const other = build('other');
    expect(other.status, other.output.slice(-3000)).toBe(0);
    // The other content folder is gone, as a benchmark's or a check's copy is afterwards.
    rmSync(other.content, { recursive: true });

    // Every step run: a build that finds nothing changed would stop before Astro reads the list.
    const again = build('first', { YANGWANG_ALWAYS_BUILD: '1' });
    expect(again.status, again.output.slice(-3000)).toBe(0);
    expect(again.output).toMatch(/\d+ page\(s\) built/);
    expect(again.output).not.toContain('找不到图片');
    expect(readFileSync(join(again.dist, 'atom.xml'), 'utf-8')).toBe(before);
  });
});
