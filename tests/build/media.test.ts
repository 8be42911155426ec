/**
 * What media outlets and apps read from the built site: link previews (read with
 * open-graph-scraper), JSON-LD (every block parsed), share images, feeds (read with
 * @rowanmanning/feed-parser), the sitemap's dates, the journalist's tools on every story, the QR
 * codes (decoded with jsQR), and the permanent-URL list.
 */
// The JSON-LD read back from the pages is walked as untyped JSON (`any`): the expectations below
// are what checks its shape. Typing it (schema-dts) is left to do.
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import jsQR from 'jsqr';
import ogs from 'open-graph-scraper';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { textOf } from '../../src/lib/text-of.ts';
import { SITE } from '../../src/config/site.ts';
import { checkBuiltSite, listBuiltUrls } from '../../src/content-input/tree/built-site.ts';
import { checkPermanentUrls, parsePublishedUrls } from '../../src/content-input/rules/permanent-urls.ts';
import { getSitePages } from '../../src/content-input/rules/site-pages.ts';
import { DIST, existsInDist, getAttributes, listDistFiles, listPages, readPage } from './dist.ts';

const ORIGIN = new URL(process.env.SITE_URL ?? 'https://yangwang.example.org').origin;
const pages = listPages().filter((p) => p.url !== '/404.html');
const storyIds = listDistFiles()
  .map((f) => /^stories\/([a-z0-9-]+)\/index\.html$/.exec(f)?.[1])
  .filter((id): id is string => id !== undefined && id !== 'page');
const teacherIds = listDistFiles()
  .map((f) => /^teachers\/([a-z0-9-]+)\/index\.html$/.exec(f)?.[1])
  .filter((id): id is string => id !== undefined);

/** A site path from an absolute URL of this site (fails the test for another origin). */
function toPath(url: string): string {
  const parsed = new URL(url);
  expect(parsed.origin, url).toBe(ORIGIN);
  return decodeURI(parsed.pathname);
}

type JsonLd = Record<string, unknown> & { '@type': string };

function readJsonLd(html: string): JsonLd[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1] ?? '') as JsonLd);
}

function frontmatter(id: string): Record<string, unknown> {
  const text = readFileSync(join('content/stories', id, 'index.mdx'), 'utf-8');
  return parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '', { schema: 'core' }) as Record<string, unknown>;
}

/** Decodes the QR code of an inline `<svg>`. */
async function decodeQr(svg: string): Promise<string | undefined> {
  const { data, info } = await sharp(Buffer.from(svg), { density: 400 })
    .resize(400, 400, { kernel: 'nearest' })
    .flatten({ background: '#ffffff' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
}

describe('link previews, read with open-graph-scraper', () => {
  it('are on every page, with absolute URLs and an image that exists', async () => {
    expect(pages.length).toBeGreaterThan(30);
    for (const page of pages) {
      const { result, error } = await ogs({ html: page.html });
      expect(error, page.url).toBe(false);
      expect(result.ogTitle, page.url).toBeTruthy();
      expect(result.ogDescription, page.url).toBeTruthy();
      expect(result.ogSiteName).toBe(SITE.name);
      expect(result.ogUrl && toPath(result.ogUrl), page.url).toBe(page.url);
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(page.html)?.[1];
      expect(result.ogUrl).toBe(canonical);
      expect(result.twitterCard).toBe('summary_large_image');
      const image = result.ogImage?.[0];
      expect(image?.url, page.url).toMatch(/^https?:\/\//);
      expect(existsInDist(toPath(image?.url ?? '')), `${page.url} → ${image?.url}`).toBe(true);
      expect(result.twitterImage?.[0]?.url).toBe(image?.url);
      expect(getAttributes(page.html, 'meta', 'name').includes('description')).toBe(true);
    }
  });

  it('give each story and each teacher its own share image and type', async () => {
    for (const id of storyIds) {
      const { result } = await ogs({ html: readPage(`/stories/${id}/`) });
      expect(result.ogType, id).toBe('article');
      expect(toPath(result.ogImage?.[0]?.url ?? '')).toBe(`/share/stories/${id}.jpg`);
    }
    for (const id of teacherIds) {
      const { result } = await ogs({ html: readPage(`/teachers/${id}/`) });
      expect(result.ogType, id).toBe('profile');
      expect(toPath(result.ogImage?.[0]?.url ?? '')).toBe(`/share/teachers/${id}.jpg`);
    }
  });
});

describe('share images', () => {
  it('are 1200×630 JPEGs, one per story and per teacher, all different', async () => {
    const paths = [
      ...storyIds.map((id) => `share/stories/${id}.jpg`),
      ...teacherIds.map((id) => `share/teachers/${id}.jpg`),
      'share/site.jpg',
    ];
    const seen = new Set<string>();
    for (const path of paths) {
      const bytes = readFileSync(join(DIST, path));
      const meta = await sharp(bytes).metadata();
      expect([meta.format, meta.width, meta.height], path).toEqual(['jpeg', 1200, 630]);
      seen.add(bytes.toString('base64'));
    }
    expect(seen.size).toBe(paths.length);
  });
});

describe('JSON-LD', () => {
  it('every block on every page parses, and every page has a BreadcrumbList from the home page to itself', () => {
    for (const page of pages) {
      const blocks = readJsonLd(page.html);
      for (const block of blocks) expect(block['@context'], page.url).toBe('https://schema.org');
      const crumbs = blocks.find((b) => b['@type'] === 'BreadcrumbList') as
        { itemListElement: { position: number; name: string; item: string }[] } | undefined;
      expect(crumbs, page.url).toBeDefined();
      const items = crumbs?.itemListElement ?? [];
      expect(items.map((i) => i.position)).toEqual(items.map((_, i) => i + 1));
      expect(toPath(items[0]?.item ?? '')).toBe('/');
      expect(toPath(items.at(-1)?.item ?? ''), page.url).toBe(page.url);
      for (const item of items) expect(existsInDist(toPath(item.item)), item.item).toBe(true);
    }
  });

  it('stories: NewsArticle about the teachers, with writer, publisher, dates and credited images', () => {
    for (const id of storyIds) {
      const html = readPage(`/stories/${id}/`);
      const article = readJsonLd(html).find((b) => b['@type'] === 'NewsArticle') as Record<string, any> | undefined;
      expect(article, id).toBeDefined();
      const fm = frontmatter(id);
      expect(article?.headline).toBe(fm.title);
      expect(article?.datePublished).toBe(fm.published);
      expect(article?.dateModified).toBe(fm.updated ?? fm.published);
      expect(toPath(article?.url)).toBe(`/stories/${id}/`);
      expect(article?.author?.[0]?.['@type']).toBe('Person');
      expect(String(fm.writer)).toContain(article?.author?.[0]?.name);
      expect(article?.publisher).toMatchObject({ '@type': 'Organization', name: SITE.publisher });
      expect(existsInDist(toPath(article?.publisher?.logo?.url))).toBe(true);
      expect(article?.about?.length).toBe((fm.teachers as string[]).length);
      for (const person of article?.about ?? []) {
        expect(person['@type']).toBe('Person');
        expect(person.name).toBeTruthy();
        expect(existsInDist(toPath(person.url)), person.url).toBe(true);
      }
      expect(article?.image?.length).toBeGreaterThanOrEqual(1);
      for (const image of article?.image ?? []) {
        expect(image['@type']).toBe('ImageObject');
        expect(image.creditText, id).toBeTruthy();
        expect(image.license, id).toMatch(/^https:\/\//);
        expect(image.copyrightNotice, id).toBeTruthy();
        expect(existsInDist(toPath(image.contentUrl)), image.contentUrl).toBe(true);
      }
      expect(article?.image?.[0]?.creditText).toBe((fm.cover as { credit: string }).credit);
      expect(article?.copyrightNotice).toBe(SITE.reprint);
    }
  });

  it('teachers: ProfilePage whose mainEntity is a Person with award, worksFor and jobTitle', () => {
    for (const id of teacherIds) {
      const profile = readJsonLd(readPage(`/teachers/${id}/`)).find((b) => b['@type'] === 'ProfilePage') as Record<string, any> | undefined;
      expect(profile, id).toBeDefined();
      const person = profile?.mainEntity;
      const text = readFileSync(join('content/teachers', id, 'index.mdx'), 'utf-8');
      const fm = parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '', { schema: 'core' }) as Record<string, any>;
      expect(person).toMatchObject({ '@type': 'Person', name: fm.name, alternateName: fm.pinyin });
      expect(person.award).toHaveLength((fm.honours ?? []).length);
      expect(person.worksFor?.name).toBeTruthy();
      expect(existsInDist(toPath(person.worksFor.url))).toBe(true);
      if (fm.jobTitle) expect(person.jobTitle).toBe(fm.jobTitle);
      else expect(person.jobTitle).toBeUndefined();
    }
  });

  it('a real person’s profile states only the seed’s facts', () => {
    const person = (readJsonLd(readPage('/teachers/tang-haoying/')).find((b) => b['@type'] === 'ProfilePage') as Record<string, any>)
      .mainEntity;
    expect(person.award).toEqual(['2023年 全市专业技术拔尖人才（市委、市政府）']);
    expect(person.image).toBeUndefined();
  });

  it('collections: Book with its chapters in the order of the table of contents', () => {
    const html = readPage('/collections/yangwang/');
    const book = readJsonLd(html).find((b) => b['@type'] === 'Book') as Record<string, any> | undefined;
    const chapters = parseYaml(readFileSync('content/collections/yangwang.yaml', 'utf-8')).chapters as string[];
    expect(book?.hasPart.map((c: any) => c.position)).toEqual(chapters.map((_, i) => i + 1));
    expect(book?.hasPart.map((c: any) => toPath(c.url))).toEqual(chapters.map((id) => `/stories/${id}/`));
    expect(book?.hasPart.every((c: any) => c['@type'] === 'Chapter' && c.name)).toBe(true);
  });

  it('honour rolls: ItemList of awards, each listing the people it names', () => {
    const list = readJsonLd(readPage('/honours/2023/')).find((b) => b['@type'] === 'ItemList') as Record<string, any> | undefined;
    const roll = parseYaml(readFileSync('content/honours/2023.yaml', 'utf-8')) as {
      awards: { title: string; count: number; recipients: unknown[] }[];
    };
    expect(list?.itemListElement).toHaveLength(roll.awards.length);
    roll.awards.forEach((award, i) => {
      const nested = list?.itemListElement[i].item;
      expect(nested['@type']).toBe('ItemList');
      expect(nested.name).toContain(award.title);
      expect(nested.numberOfItems).toBe(award.count);
      expect(nested.itemListElement).toHaveLength(award.recipients.length);
    });
    const top = list?.itemListElement[0].item.itemListElement.map((e: any) => e.item.name);
    expect(top).toEqual(['唐浩瑛', '程嗣武', '熊薇']);
    expect(readJsonLd(readPage('/honours/')).some((b) => b['@type'] === 'ItemList')).toBe(true);
  });
});

describe('feeds, read with @rowanmanning/feed-parser', () => {
  const summaryOf = (id: string) => String(frontmatter(id).summary);

  it.each(['/rss.xml', '/atom.xml'])('%s lists every story with absolute links, full summary, date and cover', (path) => {
    const feed = parseFeed(readFileSync(join(DIST, path), 'utf-8'));
    expect(feed.title).toContain(SITE.name);
    expect(feed.items).toHaveLength(storyIds.length);
    const ids = feed.items.map((item) => /\/stories\/([a-z0-9-]+)\/$/.exec(toPath(item.url ?? ''))?.[1] ?? '');
    expect([...ids].sort()).toEqual([...storyIds].sort());
    for (const [i, item] of feed.items.entries()) {
      const id = ids[i] ?? '';
      expect(item.url).toMatch(/^https:\/\//);
      expect(item.description?.trim()).toBe(summaryOf(id));
      expect(item.published?.toISOString().slice(0, 10)).toBeTruthy();
      expect(item.authors[0]?.name).toBe(frontmatter(id).writer);
      const media = item.media[0] ?? item.image;
      expect(media?.url, `${path} ${id}`).toMatch(/^https:\/\//);
      expect(existsInDist(toPath(media?.url ?? '')), media?.url).toBe(true);
    }
    // Newest first.
    const dates = feed.items.map((item) => item.published?.getTime() ?? 0);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it('the RSS enclosure gives the cover’s real size in bytes', () => {
    const xml = readFileSync(join(DIST, 'rss.xml'), 'utf-8');
    const enclosures = [...xml.matchAll(/<enclosure url="([^"]+)" length="(\d+)" type="([^"]+)"/g)];
    expect(enclosures).toHaveLength(storyIds.length);
    for (const [, url = '', length, type] of enclosures) {
      expect(readFileSync(join(DIST, toPath(url))).length).toBe(Number(length));
      expect(type).toBe('image/jpeg');
    }
  });

  it('each collection has a feed of its chapters in the book’s order', () => {
    const feed = parseFeed(readFileSync(join(DIST, 'collections/yangwang/rss.xml'), 'utf-8'));
    const chapters = parseYaml(readFileSync('content/collections/yangwang.yaml', 'utf-8')).chapters as string[];
    expect(feed.items.map((i) => toPath(i.url ?? ''))).toEqual(chapters.map((id) => `/stories/${id}/`));
  });

  it('every page links the feeds in its head; a collection and its chapters link its own', () => {
    for (const page of pages) {
      const alternates = [...page.html.matchAll(/<link rel="alternate" type="([^"]+)" title="[^"]+" href="([^"]+)"/g)].map((m) => [
        m[1],
        toPath(m[2] ?? ''),
      ]);
      expect(alternates, page.url).toContainEqual(['application/rss+xml', '/rss.xml']);
      expect(alternates, page.url).toContainEqual(['application/atom+xml', '/atom.xml']);
      for (const [, path] of alternates) expect(existsInDist(path ?? '')).toBe(true);
    }
    expect(readPage('/collections/yangwang/')).toContain('/collections/yangwang/rss.xml');
    expect(readPage('/stories/shan-li-de-deng/')).toContain('/collections/yangwang/rss.xml');
  });
});

describe('sitemap', () => {
  it('dates each story by its updated or published day, and lists no redirect', () => {
    const xml = readFileSync(join(DIST, 'sitemap-0.xml'), 'utf-8');
    const entries = new Map(
      [...xml.matchAll(/<url><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?/g)].map((m) => [toPath(m[1] ?? ''), m[2]]),
    );
    for (const id of storyIds) {
      const fm = frontmatter(id);
      expect(entries.get(`/stories/${id}/`)?.slice(0, 10), id).toBe(fm.updated ?? fm.published);
    }
    for (const path of entries.keys()) expect(existsInDist(path), path).toBe(true);
  });
});

describe('what a journalist needs, on every story', () => {
  it.each(storyIds)('%s: citation, reprint terms, credits, originals, dates, share links and a QR code', async (id) => {
    const html = readPage(`/stories/${id}/`);
    const url = `${ORIGIN}/stories/${id}/`;
    const fm = frontmatter(id);
    // 引用本文: both citations are text on the page, with the permanent URL.
    const gbt = /<p class="citation" id="cite-gbt"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '') ?? '';
    expect(gbt).toContain('[EB/OL]');
    expect(gbt).toContain(`(${textOf(fm.updated ?? fm.published)})[引用日期]`);
    expect(gbt.endsWith(`${url}.`)).toBe(true);
    expect(html).toMatch(new RegExp(`<p class="citation" id="cite-plain"[^>]*>[^<]*${url.replace(/[.]/g, '\\.')}</p>`));
    // The copy and print buttons only appear with JavaScript; no inline handlers.
    for (const button of html.match(/<button[^>]*data-(?:copy|print)[^>]*>/g) ?? []) expect(button).toContain(' hidden');
    expect(html.match(/<button[^>]*data-copy=/g)).toHaveLength(3);
    expect(html).not.toMatch(/\son[a-z]+="/);
    // 转载说明 from the site configuration, and a contact.
    expect(html).toContain(SITE.reprint);
    expect(html).toContain(`mailto:${SITE.email}`);
    // Photo credits and licences next to each image, with the full-size original.
    const cover = fm.cover as { credit: string; licence: string };
    expect(html).toContain(`${cover.credit}（${cover.licence}）`);
    const originals = [...html.matchAll(/<a class="figure-original" href="([^"]+)" download/g)].map((m) => m[1] ?? '');
    const figures = (readFileSync(join('content/stories', id, 'index.mdx'), 'utf-8').match(/<Figure /g) ?? []).length;
    expect(originals).toHaveLength(1 + figures);
    for (const original of originals) {
      const meta = await sharp(readFileSync(join(DIST, original))).metadata();
      expect(html).toContain(`${meta.width}×${meta.height} 像素`);
    }
    // Dates and corrections.
    expect(html).toContain(`<time datetime="${textOf(fm.published)}"`);
    if (fm.updated) expect(html).toContain(`<time datetime="${textOf(fm.updated)}"`);
    const corrections = (fm.corrections as { text: string }[] | undefined) ?? [];
    if (corrections.length) {
      expect(html).toContain('id="corrections-title"');
      for (const c of corrections) expect(html).toContain(c.text);
    } else {
      expect(html).not.toContain('id="corrections-title"');
    }
    // Share: Weibo link with the URL, and a QR code that decodes to the permanent URL.
    const weibo = /href="(https:\/\/service\.weibo\.com\/share\/share\.php\?[^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    expect(new URL(weibo ?? 'https://x').searchParams.get('url')).toBe(url);
    const svg = /<svg class="qr-code"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    expect(await decodeQr(svg)).toBe(url);
  });

  it('a story with corrections shows them (the sample content has one)', () => {
    expect(storyIds.some((id) => ((frontmatter(id).corrections as unknown[] | undefined) ?? []).length > 0)).toBe(true);
  });
});

describe('the print edition', () => {
  it('gives every chapter a QR code that leads to its permanent URL', async () => {
    const html = readPage('/collections/yangwang/print/');
    const chapters = parseYaml(readFileSync('content/collections/yangwang.yaml', 'utf-8')).chapters as string[];
    const codes = [...html.matchAll(/<svg class="chapter-qr"[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(codes).toHaveLength(chapters.length);
    const decoded = await Promise.all(codes.map(decodeQr));
    expect(decoded).toEqual(chapters.map((id) => `${ORIGIN}/stories/${id}/`));
  });
});

describe('permanent URLs', () => {
  const list = parsePublishedUrls(readFileSync('content/published-urls.txt', 'utf-8'));

  it('the committed list holds every page and feed this build publishes (else: npm run urls:update)', () => {
    const result = checkBuiltSite(DIST, 'content');
    expect(result.error).toBeUndefined();
    expect(result.unlisted, '新页面还没登记：运行 npm run urls:update 并提交 content/published-urls.txt').toEqual([]);
    expect(list.problems).toEqual([]);
  });

  it('the content check knows before the build exactly the pages and feeds the build makes', () => {
    const folders = (dir: string) => readdirSync(join('content', dir)).filter((name) => !name.includes('.'));
    const yamlFiles = (dir: string) =>
      readdirSync(join('content', dir))
        .filter((n) => n.endsWith('.yaml'))
        .map((n) => n.replace(/\.yaml$/, ''));
    const entries = [
      ...folders('stories').map((id) => ({
        collection: 'stories' as const,
        id,
        data: { draft: /^draft: true$/m.test(readFileSync(join('content/stories', id, 'index.mdx'), 'utf-8')) },
      })),
      ...folders('teachers').map((id) => ({ collection: 'teachers' as const, id, data: {} })),
      ...(parseYaml(readFileSync('content/schools.yaml', 'utf-8')) as { id: string }[]).map((s) => ({
        collection: 'schools' as const,
        id: s.id,
        data: s,
      })),
      ...yamlFiles('honours').map((id) => ({ collection: 'honours' as const, id, data: {} })),
      ...yamlFiles('collections').map((id) => ({ collection: 'volumes' as const, id, data: {} })),
    ];
    expect([...getSitePages(entries)].sort()).toEqual([...listBuiltUrls(DIST)].sort());
  });

  it('removing a published story without a redirect is reported, naming its URL', () => {
    const produced = listBuiltUrls(DIST);
    expect(produced.has('/stories/shan-li-de-deng/')).toBe(true);
    produced.delete('/stories/shan-li-de-deng/');
    const problems = checkPermanentUrls({ published: list.urls, produced, redirects: [], files: { list: 'l', redirects: 'r' } });
    expect(problems.map((p) => [p.kind, p.url])).toEqual([['missing', '/stories/shan-li-de-deng/']]);
    // With a redirect to a page of this build, it passes; to a missing page, it does not.
    const ok = checkPermanentUrls({
      published: list.urls,
      produced,
      redirects: [{ from: '/stories/shan-li-de-deng/', to: '/stories/man-man-lai/' }],
      files: { list: 'l', redirects: 'r' },
    });
    expect(ok).toEqual([]);
    const bad = checkPermanentUrls({
      published: list.urls,
      produced,
      redirects: [{ from: '/stories/shan-li-de-deng/', to: '/stories/nowhere/' }],
      files: { list: 'l', redirects: 'r' },
    });
    expect(bad.map((p) => [p.kind, p.url])).toEqual([['redirect-target-missing', '/stories/shan-li-de-deng/']]);
  });
});
