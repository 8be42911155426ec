/**
 * Every page that shows a whole collection has getStaticPaths() and a cache key, so an incremental
 * build restores it when what it shows did not change; a page without getStaticPaths() renders on
 * every build (README, “Building a large site”). The few left are small and show no collection.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const PAGES = 'src/pages';

/** Pages that render on every build: none lists stories, teachers or schools. */
const ALWAYS_RENDERED = [
  '404.astro',
  'about.mdx',
  'collections/index.astro',
  'guide.astro',
  'honours/index.astro',
  'robots.txt.ts',
  'search.astro',
];

function listPages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listPages(join(dir, entry.name)) : [relative(PAGES, join(dir, entry.name))],
  );
}

describe('routes', () => {
  it('have getStaticPaths() with a cache key, but for a few small pages', () => {
    const unkeyed = listPages(PAGES)
      .filter((file) => !file.startsWith('.well-known/'))
      .filter((file) => !/export const getStaticPaths\b/.test(readFileSync(join(PAGES, file), 'utf-8')))
      .sort();
    expect(unkeyed).toEqual(ALWAYS_RENDERED);
  });

  it('the pages of whole collections are among the keyed ones', () => {
    const pages = listPages(PAGES);
    for (const file of [
      '[...home].astro',
      '[feed].xml.ts',
      'stories/[...index].astro',
      'teachers/[...index].astro',
      'schools/[...index].astro',
      'share/[card].jpg.ts',
    ])
      expect(pages).toContain(file);
  });
});
