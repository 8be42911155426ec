/**
 * Astro bundles its whole content store (node_modules/.astro/data-store.json) into every build as
 * one module and writes it after every change; the rendered bodies were nine tenths of it. They are
 * kept as files beside it (src/content-input/entry/body-files.ts), and every page still shows its
 * whole body.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage } from './dist.ts';

const store = readFileSync('node_modules/.astro/data-store.json', 'utf-8');

/** Plain paragraphs of each story's and profile's MDX body (no markup in them), with the page that shows them. */
const paragraphs = ['stories', 'teachers'].flatMap((kind) =>
  readdirSync(join('content', kind)).flatMap((slug) => {
    const source = readFileSync(join('content', kind, slug, 'index.mdx'), 'utf-8');
    const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
    return body
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p.length >= 30 && !/[<>{}*#[\]`|\n]/.test(p))
      .map((text) => ({ url: `/${kind}/${slug}/`, text }));
  }),
);

describe("Astro's content store", () => {
  it('holds no rendered body, while the pages show them', () => {
    expect(paragraphs.length).toBeGreaterThan(20);
    for (const { url, text } of paragraphs) {
      expect(readPage(url), url).toContain(text);
      expect(store, url).not.toContain(text.slice(0, 30));
    }
  });
});
