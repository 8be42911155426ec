/**
 * The sitemap's reading of built pages: only the head, whatever its length; and only the pages
 * whose file changed since the last build (the rest from its record in the cache folder).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runBuildHooks } from '../../scripts/lib/integration-hooks.ts';
import {
  HEAD_RECORD,
  type HeadRecord,
  inSitemapOrder,
  readHead,
  readModifiedTime,
  sitemapWithLastmod,
} from '../../src/integrations/sitemap.ts';

const dir = mkdtempSync(join(tmpdir(), 'yangwang-sitemap-'));
const page = (head: string, body: string) => `<!DOCTYPE html><html lang="zh-CN"><head>${head}</head><body>${body}</body></html>`;
const dated = (iso: string) => `<meta property="article:modified_time" content="${iso}">`;
const date = dated('2024-05-06T00:00:00.000Z');

describe('readHead', () => {
  it('returns the head up to </head> and none of the body', () => {
    const file = join(dir, 'short.html');
    writeFileSync(file, page(`<title>甲</title>${date}`, '正文'.repeat(50_000)));
    const head = readHead(file) ?? '';
    expect(head.endsWith('</head>')).toBe(true);
    expect(head).not.toContain('正文');
    expect(readModifiedTime(head)).toBe('2024-05-06T00:00:00.000Z');
  });

  it('reads on past the first pieces when the head is longer, and finds </head> across two pieces', () => {
    const file = join(dir, 'long.html');
    // A head of about 40 KB of Chinese (three bytes a character) with the date at its end.
    writeFileSync(file, page(`<title>${'标题'.repeat(7000)}</title>${date}`, '正文'));
    for (const step of [16 * 1024, 7, 1000, 4096]) {
      const head = readHead(file, step) ?? '';
      expect(head.endsWith('</head>'), `step ${step}`).toBe(true);
      expect(readModifiedTime(head), `step ${step}`).toBe('2024-05-06T00:00:00.000Z');
    }
  });

  it('returns the whole file when it has no head, and undefined when there is no file', () => {
    const file = join(dir, 'plain.html');
    writeFileSync(file, '<p>无头</p>');
    expect(readHead(file)).toBe('<p>无头</p>');
    expect(readHead(join(dir, 'missing.html'))).toBeUndefined();
  });
});

/** Runs the integrations' hooks as `astro build` does, over a built folder; returns the sitemap written. */
async function buildSitemap(outDir: string, cacheDir: string, pathnames: readonly string[]): Promise<string> {
  const problems: string[] = [];
  await runBuildHooks(sitemapWithLastmod(), { site: 'https://example.org', outDir, cacheDir, pathnames, report: (m) => problems.push(m) });
  expect(problems).toEqual([]);
  return readFileSync(join(outDir, 'sitemap-0.xml'), 'utf-8');
}

/** A built site: two stories with dates, a redirect page, a page without a date. */
function builtSite(): { outDir: string; cacheDir: string; pathnames: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'yangwang-sitemap-site-'));
  const outDir = join(root, 'dist');
  const cacheDir = join(root, 'cache');
  const write = (path: string, html: string) => {
    mkdirSync(join(outDir, path), { recursive: true });
    writeFileSync(join(outDir, path, 'index.html'), html);
  };
  write('stories/甲/', page(`<title>甲</title>${dated('2024-05-06T00:00:00.000Z')}`, '正文'));
  write('stories/乙/', page(`<title>乙</title>${dated('2023-01-02T00:00:00.000Z')}`, '正文'));
  write(
    'stories/old/',
    '<!doctype html><title>Redirecting to: /stories/甲/</title><meta http-equiv="refresh" content="0;url=/stories/甲/">',
  );
  write('about/', page('<title>关于</title>', '正文'));
  return { outDir, cacheDir, pathnames: ['stories/甲/', 'stories/乙/', 'stories/old/', 'about/'] };
}

const recordOf = (cacheDir: string) => JSON.parse(readFileSync(join(cacheDir, HEAD_RECORD), 'utf-8')) as HeadRecord;

function tamper(cacheDir: string, change: (record: HeadRecord) => void): void {
  const record = recordOf(cacheDir);
  change(record);
  writeFileSync(join(cacheDir, HEAD_RECORD), JSON.stringify(record));
}

describe('the sitemap keeps what each page head said', () => {
  it('writes a record of every page it looked at: its file key, whether it redirects, its date', async () => {
    const { outDir, cacheDir, pathnames } = builtSite();
    const xml = await buildSitemap(outDir, cacheDir, pathnames);
    expect(xml).toContain('<loc>https://example.org/stories/%E7%94%B2/</loc><lastmod>2024-05-06T00:00:00.000Z</lastmod>');
    expect(xml).not.toContain('stories/old/');
    const key = (path: string) => {
      const stat = statSync(join(outDir, path, 'index.html'), { bigint: true });
      return `${stat.size}:${stat.mtimeNs}:${stat.ino}`;
    };
    expect(recordOf(cacheDir)).toEqual({
      version: 1,
      outDir: `${outDir}/`,
      pages: {
        '/stories/甲/': { stat: key('stories/甲/'), modified: '2024-05-06T00:00:00.000Z' },
        '/stories/乙/': { stat: key('stories/乙/'), modified: '2023-01-02T00:00:00.000Z' },
        '/stories/old/': { stat: key('stories/old/'), redirect: true },
        '/about/': { stat: key('about/') },
      },
    });
    expect(existsSync(join(cacheDir, `${HEAD_RECORD}.partial`))).toBe(false);
  });

  it('reads again only the pages whose file changed, and a fresh build writes the same sitemap', async () => {
    const { outDir, cacheDir, pathnames } = builtSite();
    const fresh = await buildSitemap(outDir, cacheDir, pathnames);
    // The record's word is taken for an unchanged file: a date put into it shows in the sitemap.
    tamper(cacheDir, (record) => {
      for (const path of ['/stories/甲/', '/stories/乙/'])
        record.pages[path] = { stat: record.pages[path]?.stat ?? '', modified: '1999-09-09T00:00:00.000Z' };
    });
    // 乙 is rendered again (a new file, as Astro writes it): its head is read.
    const file = join(outDir, 'stories/乙/index.html');
    rmSync(file);
    writeFileSync(file, page(`<title>乙</title>${dated('2025-03-04T00:00:00.000Z')}`, '正文'));
    const again = await buildSitemap(outDir, cacheDir, pathnames);
    expect(again).toContain('<loc>https://example.org/stories/%E7%94%B2/</loc><lastmod>1999-09-09T00:00:00.000Z</lastmod>');
    expect(again).toContain('<loc>https://example.org/stories/%E4%B9%99/</loc><lastmod>2025-03-04T00:00:00.000Z</lastmod>');
    expect(recordOf(cacheDir).pages['/stories/乙/']?.modified).toBe('2025-03-04T00:00:00.000Z');

    // Without the tampering, a build reusing the record writes what a build without one writes.
    rmSync(join(cacheDir, HEAD_RECORD));
    const clean = await buildSitemap(outDir, cacheDir, pathnames);
    expect(existsSync(join(cacheDir, HEAD_RECORD))).toBe(true);
    expect(await buildSitemap(outDir, cacheDir, pathnames)).toBe(clean);
    expect(clean).toBe(fresh.replace('2023-01-02', '2025-03-04'));
  });

  it('a page the build no longer has drops out of the sitemap and of the record', async () => {
    const { outDir, cacheDir, pathnames } = builtSite();
    await buildSitemap(outDir, cacheDir, pathnames);
    expect(recordOf(cacheDir).pages['/about/']).toBeDefined();
    rmSync(join(outDir, 'about'), { recursive: true });
    const xml = await buildSitemap(
      outDir,
      cacheDir,
      pathnames.filter((p) => p !== 'about/'),
    );
    expect(xml).not.toContain('/about/');
    expect(Object.keys(recordOf(cacheDir).pages).sort()).toEqual(['/stories/old/', '/stories/乙/', '/stories/甲/'].sort());
  });

  it('ignores a record it cannot read or that belongs to another output folder, and replaces it', async () => {
    const { outDir, cacheDir, pathnames } = builtSite();
    const fresh = await buildSitemap(outDir, cacheDir, pathnames);
    const wrong = '1999-09-09T00:00:00.000Z';
    tamper(cacheDir, (record) => {
      record.outDir = join(outDir, '..', 'other');
      record.pages['/stories/甲/'] = { stat: record.pages['/stories/甲/']?.stat ?? '', modified: wrong };
    });
    expect(await buildSitemap(outDir, cacheDir, pathnames)).toBe(fresh);
    expect(recordOf(cacheDir).outDir).toBe(`${outDir}/`);
    for (const text of [
      '{"version":1,',
      'null',
      '{"version":1,"outDir":"x","pages":3}',
      JSON.stringify({ ...recordOf(cacheDir), version: 0 }),
    ]) {
      writeFileSync(join(cacheDir, HEAD_RECORD), text.replace('"x"', JSON.stringify(`${outDir}/`)));
      expect(await buildSitemap(outDir, cacheDir, pathnames), text).toBe(fresh);
      expect(recordOf(cacheDir).version, text).toBe(1);
    }
  });
});

describe('inSitemapOrder', () => {
  it('puts the pages in the order @astrojs/sitemap sorts their URLs, whatever order Astro lists them in', async () => {
    const { generateSitemap } = (await import(
      pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('@astrojs/sitemap/package.json')), 'dist', 'generate-sitemap.js'))
        .href
    )) as { generateSitemap: (urls: string[], site: string) => { url: string }[] };
    // Astro's order: each route's pages as its getStaticPaths lists them (stories by date).
    const astroOrder = [
      '',
      'stories/',
      'stories/page/10/',
      'stories/page/2/',
      'stories/乙/',
      'rss.xml',
      'stories/b-10/',
      'stories/甲/',
      'stories/b-9/',
      'about/',
      'share/stories/a.jpg',
      'stories/B-1/',
      'teachers/',
    ];
    for (const [site, base] of [
      ['https://example.org', '/'],
      ['https://example.org/', '/sub'],
    ] as const) {
      const ordered = inSitemapOrder(
        astroOrder.map((pathname) => ({ pathname })),
        site,
        base,
        (url) => url.endsWith('/'),
      );
      const url = (pathname: string) => new URL(`${new URL(base, site).pathname.replace(/\/?$/, '/')}${pathname}`, site).href;
      const urls = ordered.map((page) => url(page.pathname)).filter((u) => u.endsWith('/'));
      expect(generateSitemap(urls, site).map((item) => item.url)).toEqual(urls);
      expect(urls.indexOf(url('stories/page/2/'))).toBeLessThan(urls.indexOf(url('stories/page/10/')));
      // The pages the sitemap leaves out come last, in Astro's order.
      expect(ordered.slice(-2).map((page) => page.pathname)).toEqual(['rss.xml', 'share/stories/a.jpg']);
      expect(ordered).toHaveLength(astroOrder.length);
    }
  });
});
