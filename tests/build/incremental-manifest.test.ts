/**
 * Astro's incremental-build manifest (node_modules/.astro/incremental-build.json) is read and
 * written whole on every build; at 10,000 stories its picture records were most of its 335 MB and
 * held in memory as two-byte strings because they carried the Chinese alt texts. The site's
 * `<Picture>` (src/components/ui/Picture.astro) gives Astro only what changes an image; the alt
 * text stays in the page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listPages } from './dist.ts';

interface ManifestImage {
  transform: Record<string, unknown>;
}
interface Manifest {
  routes: Record<string, { paths: Record<string, { staticImages?: ManifestImage[] }> }>;
}

const text = readFileSync('node_modules/.astro/incremental-build.json', 'utf-8');
const manifest = JSON.parse(text) as Manifest;
const images = Object.values(manifest.routes).flatMap((route) => Object.values(route.paths).flatMap((path) => path.staticImages ?? []));

describe("the incremental build's manifest", () => {
  it('records each picture transform with only what changes the image: no alt text, sizes or class', () => {
    expect(images.length).toBeGreaterThan(100);
    for (const image of images) {
      expect(Object.keys(image.transform)).not.toContain('alt');
      expect(Object.keys(image.transform)).not.toContain('sizes');
      expect(Object.keys(image.transform)).not.toContain('class');
    }
  });

  it('is plain ASCII (held in memory at one byte a character)', () => {
    expect(text.match(/[^ -~\t\n\r]+/g) ?? []).toEqual([]);
  });

  it('while every picture on the site still has its alt text', () => {
    let pictures = 0;
    for (const page of listPages()) {
      for (const [, img] of page.html.matchAll(/<picture[^>]*>(?:<source[^>]*>)*(<img[^>]*>)<\/picture>/g)) {
        pictures++;
        expect(img, page.url).toMatch(/ alt="[^"]+"/);
      }
    }
    expect(pictures).toBeGreaterThan(50);
  });
});
