/**
 * Builds the Pagefind search index when Astro has written the site, so every `npm run build`
 * ships an index of exactly the pages it built. Pages choose what is indexed with
 * `data-pagefind-body` (and `SearchFacets` for filters, metadata and sort); this step only runs
 * Pagefind over `dist/` and fails the build when Pagefind reports a problem.
 * @see https://pagefind.app/docs/node-api/
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import traditionalToSimplified from 'opencc-js/dict/TSCharacters';
import * as pagefind from 'pagefind';
import { TRADITIONAL_TABLE_FILE } from '../lib/search-query.ts';
import { buildTraditionalTable, collectHanCharacters } from '../lib/traditional.ts';

/** Where the index goes, under the site root; the search page loads `/pagefind/pagefind.js`. */
export const SEARCH_BUNDLE_DIR = 'pagefind';

/**
 * Files Pagefind writes for its own ready-made interfaces. The site has its own search page
 * (its UI injects styles that a strict Content-Security-Policy refuses), so these are removed.
 */
const UNUSED_BUNDLE_FILE = /^pagefind-(?:ui|component-ui|modular-ui|highlight)\.(?:js|css)$/;

export interface SearchIndexSummary {
  /** Pages that went into the index. */
  pageCount: number;
  /** Milliseconds spent indexing and writing. */
  milliseconds: number;
}

/** Pages in the written index, summed over languages (`pagefind-entry.json`). */
export function readIndexedPageCount(bundleDir: string): number {
  const entry = JSON.parse(readFileSync(join(bundleDir, 'pagefind-entry.json'), 'utf-8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/**
 * Indexes the built site in `siteDir` and writes the bundle to `siteDir/pagefind/` (or to
 * `outputPath`, for the benchmark). Throws with Pagefind's own messages when it reports errors or
 * finds no page.
 */
export async function buildSearchIndex(siteDir: string, { outputPath = join(siteDir, SEARCH_BUNDLE_DIR) } = {}): Promise<SearchIndexSummary> {
  const started = performance.now();
  // The whole site is Chinese: force the language so segmentation never depends on one page's
  // `lang` attribute (without zh-CN, whole clauses become single tokens).
  const created = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  try {
    if (!created.index) throw new Error(created.errors.join('\n'));
    const { index } = created;
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
    // addDirectory counts every HTML file it read; the entry file counts the pages indexed.
    const pageCount = readIndexedPageCount(outputPath);
    if (pageCount === 0) throw new Error(`${siteDir} 里没有带 data-pagefind-body 的页面`);
    for (const name of readdirSync(outputPath)) {
      if (UNUSED_BUNDLE_FILE.test(name)) rmSync(join(outputPath, name));
    }
    writeTraditionalTable(siteDir, outputPath);
    return { pageCount, milliseconds: Math.round(performance.now() - started) };
  } finally {
    await pagefind.close();
  }
}

/** Every HTML file under a folder, recursively. */
function listHtmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Writes the traditional→simplified table for the characters the site uses (see traditional.ts). */
function writeTraditionalTable(siteDir: string, outputPath: string): void {
  const corpus = new Set<string>();
  for (const file of listHtmlFiles(siteDir)) collectHanCharacters(readFileSync(file, 'utf-8'), corpus);
  const table = buildTraditionalTable(traditionalToSimplified, corpus);
  writeFileSync(join(outputPath, TRADITIONAL_TABLE_FILE), JSON.stringify(table));
}

/** The Astro integration: runs `buildSearchIndex` on the build's output directory. */
export default function searchIndex(): AstroIntegration {
  return {
    name: 'yangwang:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // The search benchmark builds a site once and indexes it separately, under measurement.
        if (process.env['YANGWANG_SEARCH_INDEX'] === 'off') {
          logger.warn('YANGWANG_SEARCH_INDEX=off：没有生成搜索索引');
          return;
        }
        try {
          const { pageCount, milliseconds } = await buildSearchIndex(fileURLToPath(dir));
          logger.info(`搜索索引：${pageCount} 个页面，用时 ${(milliseconds / 1000).toFixed(1)} 秒`);
        } catch (error) {
          throw new Error(`生成搜索索引失败：${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }
      },
    },
  };
}
