/**
 * `@astrojs/sitemap`, with `lastmod` for every page that states when it last changed. The date
 * comes from the built page itself (`article:modified_time`, written by the SEO head from the
 * story's updated or published date), so the sitemap and the page can never disagree. Redirect
 * pages and non-page files are left out.
 *
 * What each page's head said (a redirect or not, its date) is kept in a record in Astro's cache
 * folder (`<cacheDir>/yangwang-sitemap.json`), keyed by the file's size, modification time (ns) and
 * inode: a page Astro leaves in place keeps all three, a page it renders or restores gets a new
 * file. A rebuild reads the heads of those pages only (at 10,000 stories reading all 16,500 heads
 * cost about 0.4 s of every build, 1 s in a profile). The pages reach @astrojs/sitemap already in
 * the order it sorts them into (`inSitemapOrder`). BENCHMARKS.md, “After the build”.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { fileKey, writeJsonWhole } from '../lib/file-records.ts';

/** The `article:modified_time` of a built page, or undefined. */
export function readModifiedTime(html: string): string | undefined {
  return /<meta property="article:modified_time" content="([^"]+)"/.exec(html)?.[1];
}

const HEAD_END = Buffer.from('</head>');

/**
 * The `<head>` of a built page (up to and including `</head>`), read in pieces of `step` bytes
 * until it ends: the date and the redirect's `<meta>` are there, and reading every page whole cost
 * a 10,000-story build about 2 s (515 MB of HTML). The whole file when it has no `</head>`;
 * undefined when there is no file.
 */
export function readHead(file: string, step = 16 * 1024): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    let buffer = Buffer.alloc(0);
    for (;;) {
      const chunk = Buffer.alloc(step);
      const read = readSync(fd, chunk, 0, step, buffer.length);
      // Search from just before the new bytes: `</head>` may straddle two pieces.
      const from = Math.max(0, buffer.length - HEAD_END.length);
      buffer = Buffer.concat([buffer, chunk.subarray(0, read)]);
      const end = buffer.indexOf(HEAD_END, from);
      if (end >= 0) return buffer.subarray(0, end + HEAD_END.length).toString('utf-8');
      if (read === 0) return buffer.toString('utf-8');
    }
  } finally {
    closeSync(fd);
  }
}

/** What the sitemap needs from a page's head, and the key of the file it was read from. */
export interface HeadFacts {
  /** The file's size, modification time in ns and inode: `size:mtimeNs:ino`. */
  stat: string;
  /** A redirect page (left out of the sitemap). */
  redirect?: true;
  /** Its `article:modified_time`. */
  modified?: string;
}

/** The record kept between builds: the facts of every page of one output folder, by its path in it. */
export interface HeadRecord {
  version: typeof RECORD_VERSION;
  outDir: string;
  pages: Record<string, HeadFacts>;
}

const RECORD_VERSION = 1;
/** The record's name in Astro's cache folder. */
export const HEAD_RECORD = 'yangwang-sitemap.json';

/** The record of the last build into `outDir`; empty when there is none, it is unreadable or it is another folder's. */
export function loadHeadRecord(file: string, outDir: string): Map<string, HeadFacts> {
  if (!existsSync(file)) return new Map();
  try {
    // Read as unknown: the file may be from another version or not a record at all.
    const record = JSON.parse(readFileSync(file, 'utf-8')) as { version?: unknown; outDir?: unknown; pages?: unknown } | null;
    if (record?.version !== RECORD_VERSION || record.outDir !== outDir) return new Map();
    if (typeof record.pages !== 'object' || record.pages === null) return new Map();
    const pages = Object.entries(record.pages as Record<string, { stat?: unknown } | null>);
    return new Map(pages.filter((entry): entry is [string, HeadFacts] => typeof entry[1]?.stat === 'string'));
  } catch {
    return new Map();
  }
}

/** Writes the record whole or not at all (a build interrupted while writing leaves the old one). */
export function saveHeadRecord(file: string, outDir: string, pages: ReadonlyMap<string, HeadFacts>): void {
  const record: HeadRecord = { version: RECORD_VERSION, outDir, pages: Object.fromEntries(pages) };
  writeJsonWhole(file, record);
}

/**
 * The facts of the page at `path` (its folder in `outDir`, as in its URL): from `previous` while
 * the file's key is unchanged, else read from its head. Undefined when there is no file.
 */
export function headFacts(outDir: string, path: string, previous: ReadonlyMap<string, HeadFacts>): HeadFacts | undefined {
  const file = join(outDir, path, 'index.html');
  const stat = fileKey(file);
  if (stat === undefined) return undefined;
  const known = previous.get(path);
  if (known?.stat === stat) return known;
  const html = readHead(file);
  if (html === undefined) return undefined;
  if (html.includes('<meta http-equiv="refresh"')) return { stat, redirect: true };
  const modified = readModifiedTime(html);
  return modified ? { stat, modified } : { stat };
}

/**
 * Astro's pages in the order of their URLs in the sitemap. @astrojs/sitemap sorts its URLs with
 * `a.localeCompare(b, 'en', { numeric: true })` (`generateSitemap`), which builds a collator for
 * every comparison: about 0.6 s for 16,500 pages in Astro's order (stories by date), 0.1 s when
 * they come already in order (the sort then compares each neighbour once). The same order with
 * one `Intl.Collator` costs 0.05 s. Pages whose URL `keep` refuses (feeds, share images; the
 * sitemap's filter drops them) go last, unsorted. The sitemap sorts anyway: this only saves time.
 */
export function inSitemapOrder<Page extends { pathname: string }>(
  pages: readonly Page[],
  site: string,
  base: string,
  keep: (url: string) => boolean,
): Page[] {
  const collator = new Intl.Collator('en', { numeric: true });
  // The URLs as @astrojs/sitemap makes them from `pathname` (index.js).
  const root = new URL(base, site);
  const prefix = root.pathname.endsWith('/') ? root.pathname : `${root.pathname}/`;
  const kept: { page: Page; url: string }[] = [];
  const rest: Page[] = [];
  for (const page of pages) {
    const url = new URL(prefix + page.pathname.replace(/^\//, ''), root).href;
    if (keep(url)) kept.push({ page, url });
    else rest.push(page);
  }
  kept.sort((a, b) => collator.compare(a.url, b.url));
  return [...kept.map(({ page }) => page), ...rest];
}

const inSitemap = (url: string) => url.endsWith('/');

/** The sitemap integration plus the small one that tells it where the built pages are and where to keep its record. */
export function sitemapWithLastmod(): AstroIntegration[] {
  let outDir = '';
  let recordFile = '';
  let site = '';
  let base = '/';
  let previous = new Map<string, HeadFacts>();
  let next = new Map<string, HeadFacts>();
  const locate: AstroIntegration = {
    name: 'yangwang:sitemap-outdir',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        recordFile = join(fileURLToPath(config.cacheDir), HEAD_RECORD);
        site = config.site ?? '';
        base = config.base;
      },
    },
  };
  const inner = sitemap({
    filter: inSitemap,
    serialize(item) {
      const path = decodeURI(new URL(item.url).pathname);
      const facts = headFacts(outDir, path, previous);
      if (!facts) return item;
      next.set(path, facts);
      if (facts.redirect) return undefined;
      return facts.modified ? { ...item, lastmod: facts.modified } : item;
    },
  });
  const generate = inner.hooks['astro:build:done'];
  // The record is read before the sitemap is made and written after; it lists the pages this
  // build's sitemap looked at, so a removed page drops out of it. The pages are handed over in
  // the sitemap's order (without `site` the sitemap writes nothing).
  const withRecord: AstroIntegration = {
    ...inner,
    hooks: {
      ...inner.hooks,
      'astro:build:done': async (options) => {
        previous = loadHeadRecord(recordFile, outDir);
        next = new Map();
        await generate?.(site ? { ...options, pages: inSitemapOrder(options.pages, site, base, inSitemap) } : options);
        if (next.size > 0) saveHeadRecord(recordFile, outDir, next);
        previous = new Map();
        next = new Map();
      },
    },
  };
  return [locate, withRecord];
}
