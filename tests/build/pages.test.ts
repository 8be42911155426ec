import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { existsInDist, getAttributes, getIds, listDistFiles, listPages, readPage } from './dist.ts';

const pages = listPages();
const contentIds = (dir: string) =>
  readdirSync(`content/${dir}`, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

describe('every content entry has its page', () => {
  it('stories (none are drafts in the sample content)', () => {
    for (const id of contentIds('stories')) expect(existsInDist(`/stories/${id}/`), id).toBe(true);
  });
  it('teachers', () => {
    for (const id of contentIds('teachers')) expect(existsInDist(`/teachers/${id}/`), id).toBe(true);
  });
  it('schools, honour years and collections', () => {
    const schoolIds = [...readPage('/schools/').matchAll(/href="\/schools\/([a-z0-9-]+)\/"/g)].map((m) => m[1]);
    expect(schoolIds.length).toBeGreaterThanOrEqual(6);
    for (const id of schoolIds) expect(existsInDist(`/schools/${id}/`), id).toBe(true);
    expect(existsInDist('/honours/2023/')).toBe(true);
    expect(existsInDist('/collections/yangwang/')).toBe(true);
    expect(existsInDist('/collections/yangwang/print/')).toBe(true);
  });
  it('the fixed pages', () => {
    for (const url of ['/', '/stories/', '/teachers/', '/schools/', '/honours/', '/collections/', '/about/', '/404.html']) {
      expect(existsInDist(url), url).toBe(true);
    }
  });
});

describe('the stories index', () => {
  it('lists every story once, newest first, across its pages', () => {
    const listed: string[] = [];
    for (let n = 1, url = '/stories/'; existsInDist(url); n += 1, url = `/stories/page/${n}/`) {
      const html = readPage(url);
      listed.push(...[...html.matchAll(/<h2 class="title"[^>]*><a href="\/stories\/([a-z0-9-]+)\/"/g)].map((m) => m[1] ?? ''));
    }
    expect([...listed].sort()).toEqual(contentIds('stories').sort());
    const dates = listed.map((id) => /<time datetime="(\d{4}-\d{2}-\d{2})"/.exec(readPage(`/stories/${id}/`))?.[1] ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    expect(existsInDist('/stories/page/2/')).toBe(true);
    expect(readPage('/stories/page/2/')).toContain('rel="prev"');
  });
});

describe('every page', () => {
  it.each(pages.map((p) => [p.url, p.html] as const))('%s has lang, title, description and canonical link', (url, html) => {
    expect(html).toMatch(/<html lang="zh-CN"/);
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(getAttributes(html, 'meta', 'name').includes('description')).toBe(true);
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
    expect(canonical).toMatch(/^https?:\/\//);
    expect(new URL(canonical ?? '').pathname).toBe(url);
    expect(html).toContain('<main id="main"');
    expect(html).toContain('href="#main"');
  });

  it('every internal link, #fragment, stylesheet, icon and script resolves', () => {
    const origin = new URL(/<link rel="canonical" href="([^"]+)"/.exec(readPage('/'))?.[1] ?? '').origin;
    const broken: string[] = [];
    for (const page of pages) {
      const resources = [
        ...page.html.matchAll(/<link\b[^>]*\srel="(?:stylesheet|icon|apple-touch-icon|manifest|preload|modulepreload)"[^>]*>/g),
      ]
        .map((m) => /\shref="([^"]+)"/.exec(m[0])?.[1] ?? '')
        .concat(getAttributes(page.html, 'script', 'src'));
      for (const url of resources) if (!existsInDist(url)) broken.push(`${page.url} → ${url}`);
      for (const raw of getAttributes(page.html, 'a', 'href')) {
        // Absolute links to the site itself are internal links too.
        const href = raw.startsWith(`${origin}/`) ? raw.slice(origin.length) : raw;
        if (/^(https?:|mailto:)/.test(href)) continue;
        const [path = '', fragment] = href.split('#');
        const target = path === '' ? page.url : new URL(path, `https://x${page.url}`).pathname;
        if (!existsInDist(target)) {
          broken.push(`${page.url} → ${href}`);
          continue;
        }
        if (fragment && !getIds(path === '' ? page.html : readPage(target)).has(decodeURIComponent(fragment))) {
          broken.push(`${page.url} → ${href} (#${fragment})`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('every image and srcset candidate resolves and has width, height and alt', () => {
    const problems: string[] = [];
    for (const page of pages) {
      for (const tag of page.html.match(/<img\b[^>]*>/g) ?? []) {
        const src = /\ssrc="([^"]+)"/.exec(tag)?.[1] ?? '';
        if (!existsInDist(src)) problems.push(`${page.url}: ${src} missing`);
        if (!/\swidth="\d+"/.test(tag) || !/\sheight="\d+"/.test(tag)) problems.push(`${page.url}: ${src} has no width/height`);
        if (!/\salt="/.test(tag)) problems.push(`${page.url}: ${src} has no alt`);
      }
      for (const srcset of [...getAttributes(page.html, 'source', 'srcset'), ...getAttributes(page.html, 'img', 'srcset')]) {
        for (const candidate of srcset.split(',')) {
          const url = candidate.trim().split(/\s+/)[0] ?? '';
          if (!existsInDist(url)) problems.push(`${page.url}: ${url} missing`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('images go through the image pipeline', () => {
  it('story covers and body figures are served as AVIF and WebP pictures', () => {
    const story = pages.find((p) => p.url.startsWith('/stories/') && p.html.includes('class="yw-figure"'));
    expect(story, 'a story with a body figure').toBeDefined();
    const html = story?.html ?? '';
    const figure = /<figure class="yw-figure">([\s\S]*?)<\/figure>/.exec(html)?.[1] ?? '';
    expect(figure).toMatch(/<picture>/);
    expect(figure).toMatch(/<source[^>]+type="image\/avif"/);
    // WebP for browsers without AVIF: every browser in use reads it, so no JPEG is published.
    expect(figure).toMatch(/<img[^>]+src="[^"]+\.webp"[^>]+srcset="[^"]+\.webp 480w/);
    expect(html).not.toMatch(/<img[^>]+src="[^"]+\.jpe?g"/);
    expect(figure).toMatch(/loading="lazy"/);
    expect(figure).not.toContain('yw-figure-image');
    expect(html).toMatch(/<source[^>]+srcset="\/_astro\/cover[^"]+\.avif/);
  });
  it('no original JPEG is published for a picture (only optimised copies)', () => {
    const avif = listDistFiles().filter((f) => f.endsWith('.avif'));
    expect(avif.length).toBeGreaterThan(10);
  });
});

describe('sample content is marked', () => {
  it('every sample story says 示例 and every real profile does not', () => {
    for (const page of pages.filter((p) => /^\/stories\/[a-z]/.test(p.url) && !p.url.startsWith('/stories/page/'))) {
      expect(page.html, page.url).toContain('示例内容');
    }
    for (const id of ['tang-haoying', 'cheng-siwu', 'xiong-wei']) {
      expect(readPage(`/teachers/${id}/`)).not.toContain('示例内容');
    }
  });
});
