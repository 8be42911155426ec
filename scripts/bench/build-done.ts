/**
 * The after-build steps of a rebuild (`npm run bench:build-done -- --site DIR`), measured over a
 * site already built (a benchmark's `.bench/out-N`; DIR is only read): the sitemap as it was before
 * its record (every page's head read, the pages handed over in Astro's order), with no record (a
 * clean build), with the record of an unchanged site (a rebuild), and what @astrojs/sitemap itself
 * spends (ordering the URLs, the `sitemap` package's XML); and the
 * two walks of the output folder (the published-URLs check's list of built URLs, the stale-output
 * sweep's walk with a stat of every file, nothing deleted). The sitemap and its record are written
 * into a temporary folder, and the sitemap is compared byte for byte with DIR's own. Figures go to
 * the `## After the build` section of BENCHMARKS.md. Run it under `flock /work/heavy.lock` when
 * others are measuring; never in tests or CI.
 *
 *   npm run bench:build-done -- --site .bench/out-10000 --log .bench/build-10000-edit.log --note "10,000 stories, built at <commit>"
 *
 * `--log`: a build log of the site, for the order in which Astro lists its pages (else a fixed shuffle).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { AstroIntegration } from 'astro';
import { listBuiltUrls } from '../../src/content-input/tree/built-site.ts';
import sitemap from '@astrojs/sitemap';
import { inSitemapOrder, readHead, readModifiedTime, sitemapWithLastmod } from '../../src/integrations/sitemap.ts';
import { runBuildHooks } from '../lib/integration-hooks.ts';
import { writeBenchmarksSection } from './benchmarks-section.ts';

const { values } = parseArgs({
  options: {
    site: { type: 'string' },
    log: { type: 'string' },
    note: { type: 'string', default: '' },
    rounds: { type: 'string', default: '3' },
  },
});
if (!values.site) throw new Error('--site DIR: a built site to measure');
const site = resolve(values.site);
const rounds = Number(values.rounds);

// @astrojs/sitemap's own modules, to time its steps one by one (its package exports only the integration).
const sitemapDist = join(dirname(createRequire(import.meta.url).resolve('@astrojs/sitemap/package.json')), 'dist');
const { generateSitemap } = (await import(pathToFileURL(join(sitemapDist, 'generate-sitemap.js')).href)) as {
  generateSitemap: (pages: string[], siteUrl: string, opts: object) => { url: string; lastmod?: string }[];
};
const { writeSitemap } = (await import(pathToFileURL(join(sitemapDist, 'write-sitemap.js')).href)) as {
  writeSitemap: (options: {
    filenameBase: string;
    hostname: string;
    destinationDir: string;
    sourceData: object[];
    publicBasePath: string;
  }) => Promise<void>;
};

/** The pages of the built site: every folder with an index.html but the web editor's (written by its own integration). */
const folders = readdirSync(site, { withFileTypes: true, recursive: true })
  .filter((e) => e.isFile() && e.name === 'index.html')
  .map((e) => {
    const folder = join(e.parentPath).slice(site.length + 1);
    return folder ? `${folder}/` : '';
  })
  .filter((path) => !path.startsWith('admin/'))
  .sort();
/**
 * In the order Astro hands them to `astro:build:done` (the order it built them: each route's pages
 * as its getStaticPaths lists them, stories by date): taken from the build's log (`--log`), else
 * a fixed shuffle.
 */
function astroOrder(): string[] {
  if (values.log) {
    const logged = [...readFileSync(values.log, 'utf-8').matchAll(/[├└]─ \/(\S*)index\.html/g)].map((m) => m[1] ?? '');
    const known = new Set(folders);
    const order = [...new Set(logged.filter((p) => known.has(p)))];
    const seen = new Set(order);
    return [...order, ...folders.filter((p) => !seen.has(p))];
  }
  let seed = 1;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  return folders
    .map((p) => ({ p, r: random() }))
    .sort((a, b) => a.r - b.r)
    .map(({ p }) => p);
}
const pathnames = astroOrder();
const siteUrl = (/<loc>(https?:\/\/[^/<]+\/)/.exec(readFileSync(join(site, 'sitemap-0.xml'), 'utf-8')) ?? [])[1] ?? 'https://example.org/';

/** Runs the integrations' hooks over the site, writing into `into`; returns the ms of `astro:build:done`. */
function runSitemap(integrations: AstroIntegration[], into: string, cacheDir: string): Promise<number> {
  return runBuildHooks(integrations, { site: siteUrl, outDir: site, cacheDir, dir: into, pathnames, report: (m) => console.warn(m) });
}

/** The sitemap integration as it was before its record (src/integrations/sitemap.ts at bb7d144). */
function sitemapBefore(): AstroIntegration[] {
  return [
    sitemap({
      filter: (url) => url.endsWith('/'),
      serialize(item) {
        const html = readHead(join(site, decodeURI(new URL(item.url).pathname), 'index.html'));
        if (html === undefined) return item;
        if (html.includes('<meta http-equiv="refresh"')) return undefined;
        const modified = readModifiedTime(html);
        return modified ? { ...item, lastmod: modified } : item;
      },
    }),
  ];
}

/** The best of `rounds` runs of `work`, in ms. */
async function best(work: () => unknown): Promise<number> {
  let fastest = Infinity;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await work();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

const scratch = mkdtempSync(join(tmpdir(), 'yangwang-build-done-'));
try {
  const sitemapOf = (folder: string) => readFileSync(join(scratch, folder, 'sitemap-0.xml'));
  const urls = pathnames.map((p) => new URL(encodeURI(p), siteUrl).href).filter((u) => u.endsWith('/'));
  const figures: [string, number][] = [];
  figures.push([
    '**before**: the sitemap step (every head read, pages in Astro’s order)',
    await best(() => runSitemap(sitemapBefore(), join(scratch, 'before'), join(scratch, 'unused'))),
  ]);
  figures.push([
    '  of which: every page’s head read',
    await best(() => {
      for (const url of urls) readHead(join(site, decodeURI(new URL(url).pathname), 'index.html'));
    }),
  ]);
  figures.push([
    '  of which: @astrojs/sitemap orders the URLs (generateSitemap: localeCompare, numeric)',
    await best(() => generateSitemap(urls, siteUrl, {})),
  ]);
  figures.push([
    '**now, a clean build** (no record): the sitemap step',
    await best(() => {
      rmSync(join(scratch, 'cache'), { recursive: true, force: true });
      return runSitemap(sitemapWithLastmod(), join(scratch, 'out'), join(scratch, 'cache'));
    }),
  ]);
  const clean = sitemapOf('out');
  figures.push([
    '**now, a rebuild** (the record of the same pages): the sitemap step',
    await best(() => runSitemap(sitemapWithLastmod(), join(scratch, 'out'), join(scratch, 'cache'))),
  ]);
  const sameAsSite = clean.equals(readFileSync(join(site, 'sitemap-0.xml')));
  const sameAsBefore = clean.equals(sitemapOf('before')) && sitemapOf('out').equals(clean);
  figures.push([
    '  of which: a stat of every page',
    await best(() => {
      for (const url of urls) statSync(join(site, decodeURI(new URL(url).pathname), 'index.html'), { bigint: true });
    }),
  ]);
  const pages = pathnames.map((pathname) => ({ pathname }));
  const keep = (url: string) => url.endsWith('/');
  const ordered = inSitemapOrder(pages, siteUrl, '/', keep)
    .map((page) => new URL(encodeURI(page.pathname), siteUrl).href)
    .filter(keep);
  if (generateSitemap(ordered, siteUrl, {}).some((item, i) => item.url !== ordered[i]))
    throw new Error('inSitemapOrder is not the sitemap’s order');
  figures.push([
    '  of which: the pages put in the sitemap’s order (inSitemapOrder, one Intl.Collator)',
    await best(() => inSitemapOrder(pages, siteUrl, '/', keep)),
  ]);
  figures.push([
    '  of which: @astrojs/sitemap orders the URLs, now already in order',
    await best(() => generateSitemap(ordered, siteUrl, {})),
  ]);
  const data = generateSitemap(ordered, siteUrl, {});
  figures.push([
    '  of which: @astrojs/sitemap writes the XML (the `sitemap` package’s streams; the same before)',
    await best(() =>
      writeSitemap({
        filenameBase: 'sitemap',
        hostname: siteUrl,
        destinationDir: join(scratch, 'xml'),
        sourceData: data,
        publicBasePath: '/',
      }),
    ),
  ]);
  figures.push(['the published-URLs check’s walk (listBuiltUrls)', await best(() => listBuiltUrls(site))]);
  figures.push([
    'the stale-output sweep’s walk, with a stat of every file (nothing deleted)',
    await best(() => {
      const walk = (folder: string) => {
        for (const entry of readdirSync(folder, { withFileTypes: true })) {
          const path = join(folder, entry.name);
          if (entry.isDirectory()) walk(path);
          else statSync(path);
        }
      };
      walk(site);
    }),
  ]);
  const body = [
    [
      values.note ? `${values.note}.` : '',
      `${urls.length.toLocaleString('en')} pages in the order ${values.log ? 'of the build log' : 'of a fixed shuffle'}; best of ${rounds} runs on a warm file cache, in ms.`,
    ]
      .filter(Boolean)
      .join(' '),
    `The sitemaps written with and without the record, and before it, are byte for byte the same: ${sameAsBefore ? 'yes' : 'NO'}; and the site's own: ${sameAsSite ? 'yes' : 'NO'}.`,
    '',
    '| step | ms |',
    '| --- | ---: |',
    ...figures.map(([what, ms]) => `| ${what} | ${Math.round(ms).toLocaleString('en')} |`),
  ].join('\n');
  console.log(body);
  writeBenchmarksSection({
    start: '<!-- build-done:start (written by npm run bench:build-done) -->',
    end: '<!-- build-done:end -->',
    heading: 'After the build: sitemap and the output folder walks',
    body,
  });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
