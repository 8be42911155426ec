/**
 * Builds the Pagefind search index when Astro has written the site, so every `npm run build`
 * ships an index of exactly the pages it built. Pages choose what is indexed with
 * `data-pagefind-body` (and `SearchFacets` for filters, metadata and sort); this step runs
 * Pagefind over `dist/` and fails the build when Pagefind reports a problem.
 *
 * The index is built in parts of bounded size, one after another: Pagefind holds a whole index in
 * memory until it is written (pagefind#842), so one index of a large site needs many gigabytes.
 * Each part is closed before the next starts, so memory is bounded by the part size. A part whose
 * pages did not change is taken from the cache (Astro's cache folder, `search-index/`: hard links,
 * or copies across file systems) instead of being indexed again (Pagefind has no incremental indexing, pagefind#71),
 * and left in the output where the last build linked it (`placed.json`). The browser merges
 * the parts with Pagefind's `mergeIndex` (src/components/search/pagefind.ts).
 *
 * Parts: the pages that are no profile, school, honour roll, volume or story (the about page) form
 * the first part, written at the bundle's root with Pagefind's script and WebAssembly and loaded
 * by every search; then profiles, schools, honour rolls and volumes (people parts); stories
 * are packed by publication year, oldest first, into parts of at most `partPages` pages (a year
 * larger than that is split by a hash of each page's URL). A new story lands in its year's part,
 * so the other parts are reused.
 * @see https://pagefind.app/docs/node-api/
 * @see https://pagefind.app/docs/multisite/
 * @see https://github.com/Pagefind/pagefind/issues/842
 * @see https://github.com/Pagefind/pagefind/issues/71
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import traditionalToSimplified from 'opencc-js/dict/TSCharacters';
import * as pagefind from 'pagefind';
import { fileKey, writeJsonWhole } from '../lib/file-records.ts';
import { listFiles } from '../lib/list-files.ts';
import { SEARCH_PARTS_FILE, TRADITIONAL_TABLE_FILE, type SearchParts } from '../lib/search-query.ts';
import { buildTraditionalTable, distinctHanCharacters, HanCollector } from '../lib/traditional.ts';
import { handoffFile } from './index-handoff.ts';
import { ROUTER_KEYS_FILE, addPageKeys, buildRouter, parseKeys, serialiseKeys, writeRouter } from './search-router-build.ts';

/** The folder of Astro's cache where finished parts are kept between builds. */
const SEARCH_CACHE_FOLDER = 'search-index';

/** Where the index goes, under the site root; the search page loads `/pagefind/pagefind.js`. */
export const SEARCH_BUNDLE_DIR = 'pagefind';

/** The file Pagefind writes at the top of every index: its languages and page counts. */
const ENTRY_FILE = 'pagefind-entry.json';

/** Folder of the merged parts, inside the bundle. */
const PARTS_DIR = 'parts';

/**
 * Most pages in one part. Pagefind needs about 0.6–1.7 MB per long Chinese page while it indexes
 * (BENCHMARKS.md, “Search”), so the part size bounds the memory of indexing and the time to index
 * the part an edit touches. A reader's search loads only the parts its query is routed to
 * (src/lib/search-router.ts), so smaller parts do not cost first searches: at 10,000 stories, parts
 * of 1,200 pages (19) index one edited story in 10 s and 0.97 GB against 25 s and 2.2 GB for parts
 * of 2,500 (8), with first searches as small or smaller (BENCHMARKS.md, “The part router”).
 */
export const DEFAULT_PART_PAGES = 1200;

/**
 * Word locations per index chunk: a search loads, in every part, the chunks holding its words.
 * Pagefind's default is 20,000 (`default_index_chunk_size` in pagefind/src/options.rs); it reads
 * another size only from the environment variable PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE, which its CLI
 * and Node API do not list. At 10,000 stories (8 parts), 5,000 cut a first search for a rare name
 * from 776 to 498 KB, a school from 1,532 to 856 KB, a title from 756 to 484 KB, and common words
 * by 2–6 %; 2,000 did little more for rare queries and cost common ones (BENCHMARKS.md, Search).
 * The environment variable, when set, still wins (the benchmark tries other sizes with it).
 */
export const INDEX_CHUNK_SIZE = 5000;

/** The chunk size Pagefind is started with. */
function indexChunkSize(): string {
  return process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ?? String(INDEX_CHUNK_SIZE);
}

/**
 * Files Pagefind writes for its own ready-made interfaces. The site has its own search page
 * (its UI injects styles that a strict Content-Security-Policy refuses), so these are removed.
 */
const UNUSED_BUNDLE_FILE = /^pagefind-(?:ui|component-ui|modular-ui|highlight)\.(?:js|css)$/;
/** Script, worker and WebAssembly: only the root part keeps them (merged parts use the root's). */
const RUNTIME_FILE = /^(?:pagefind\.js|pagefind-worker\.js|wasm\..+\.pagefind)$/;

export interface SearchIndexSummary {
  /** Pages that went into the index. */
  pageCount: number;
  /** Parts, and how many of them came from the cache. */
  parts: number;
  reused: number;
  /** Milliseconds spent indexing and writing. */
  milliseconds: number;
}

export interface SearchIndexOptions {
  /** Where the bundle goes (default `siteDir/pagefind`). */
  outputPath?: string;
  /** Where finished parts are kept between builds; none when absent. */
  cacheDir?: string;
  /** Most pages in one part. */
  partPages?: number;
}

/** Pages in a written index, summed over languages (`pagefind-entry.json`). */
export function readIndexedPageCount(bundleDir: string): number {
  const entry = JSON.parse(readFileSync(join(bundleDir, ENTRY_FILE), 'utf-8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/**
 * Astro's folder of bundled scripts, styles and optimised images (`build.assets`, whose default
 * this site keeps; the integration below stops the build if the setting is ever changed). It
 * holds no page: the search index does not walk it (21,000 images at 10,000 stories).
 */
export const ASTRO_ASSETS_DIR = '_astro';

/**
 * Every HTML file under a folder, recursively, as paths relative to it, sorted; the search bundle
 * (`bundle`, relative to `dir`) and Astro's assets folder are not entered.
 */
function listHtmlFiles(dir: string, bundle: string): string[] {
  const skipTop = new Set([ASTRO_ASSETS_DIR]);
  if (!bundle.includes('/') && !bundle.startsWith('..')) skipTop.add(bundle);
  return listFiles(dir, skipTop)
    .filter((file) => file.endsWith('.html') && !file.startsWith(`${bundle}/`))
    .sort();
}

interface IndexedPage {
  file: string;
  /** Digest of the page's HTML: a part is reused when the names and digests of its pages are. */
  digest: string;
  /** Publication year of a story; undefined for every other page. */
  storyYear?: string;
}

const BODY = /\sdata-pagefind-body[\s>]/;
const STORY_FILE = /^stories\/(?!page\/)[^/]+\/index\.html$/;
/** The people parts: profiles, schools, honour rolls and volumes. */
const PEOPLE_FILE = /^(?:teachers|schools|honours|collections)\//;

/** The record of the pages read last time, kept in the cache folder. */
const PAGES_RECORD = 'pages.json';
/** The Han characters of a part's pages, kept with the part. */
const PART_HAN_FILE = 'han.txt';

/**
 * What a page's HTML decided last time, and the file's size, time and inode when it was read. An
 * indexed page (`data-pagefind-body`) keeps its digest, which decides its part; any other page
 * keeps its distinct Han characters instead (the traditional-character table covers every page; an
 * indexed page's come with its part).
 */
type PageRecord = { stat: string; body: true; digest: string; storyYear?: string } | { stat: string; body: false; han: string };

interface PagesRecord {
  siteDir: string;
  pages: Record<string, PageRecord>;
}

function loadPagesRecord(file: string | undefined, siteDir: string): Map<string, PageRecord> {
  if (!file || !existsSync(file)) return new Map();
  try {
    const record = JSON.parse(readFileSync(file, 'utf-8')) as PagesRecord;
    return record.siteDir === siteDir ? new Map<string, PageRecord>(Object.entries(record.pages)) : new Map<string, PageRecord>();
  } catch {
    return new Map();
  }
}

/**
 * The pages to index, with what decides their part. A page is read when the record of the last
 * build lacks it or its size, time or inode differ: a rebuild that rendered a few pages reads those,
 * not the whole site (at 10,000 stories 515 MB, about 2 s). An indexed page's digest is computed;
 * a page without `data-pagefind-body` needs none (it is in no part), only its Han characters, which
 * the record keeps, so an unchanged one is not read again either (1,135 pages, 41 MB at 10,000
 * stories: the story lists, volumes, the home page). An indexed page's characters come with its
 * part (`han.txt`).
 */
function readPages(
  siteDir: string,
  bundle: string,
  han: HanCollector,
  previous: ReadonlyMap<string, PageRecord>,
): {
  pages: IndexedPage[];
  record: Record<string, PageRecord>;
} {
  const pages: IndexedPage[] = [];
  const record: Record<string, PageRecord> = {};
  for (const file of listHtmlFiles(siteDir, bundle)) {
    const path = join(siteDir, file);
    const stat = fileKey(path) ?? '';
    let page = previous.get(file);
    // A record from before the characters were kept (no `han`) is read again.
    if (page?.stat !== stat || (!page.body && typeof page.han !== 'string')) {
      const bytes = readFileSync(path);
      const html = bytes.toString('utf-8');
      if (BODY.test(html)) {
        const year = STORY_FILE.test(file) ? /\sdata-date="(\d{4})/.exec(html)?.[1] : undefined;
        page = { stat, body: true, digest: createHash('sha1').update(bytes).digest('hex'), ...(year && { storyYear: year }) };
      } else page = { stat, body: false, han: distinctHanCharacters(html) };
    }
    record[file] = page;
    if (page.body) pages.push({ file, digest: page.digest, ...(page.storyYear && { storyYear: page.storyYear }) });
    else han.add(page.han);
  }
  return { pages, record };
}

/** A stable number for a string (FNV-1a), to split a large group without reshuffling others. */
function bucketOf(text: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash % buckets;
}

interface Part {
  name: string;
  files: string[];
}

/** Digest of each page's HTML, by file. */
type Digests = ReadonlyMap<string, string>;

/** Splits a group into parts of at most `max` pages by a hash of each file (stable). */
function splitGroup(name: string, files: string[], max: number): Part[] {
  const count = Math.ceil(files.length / max);
  if (count <= 1) return [{ name, files }];
  const parts = Array.from({ length: count }, (_, i) => ({ name: `${name}-${i + 1}`, files: [] as string[] }));
  for (const file of files) parts[bucketOf(file, count)]?.files.push(file);
  return parts.filter((p) => p.files.length > 0);
}

/** Assigns pages to parts: everything but stories first, then stories packed by year (see the module's comment). */
export function planParts(pages: readonly Pick<IndexedPage, 'file' | 'storyYear'>[], max: number): Part[] {
  // Infinity: one index of everything (what the benchmark compares the parts with).
  if (!Number.isFinite(max)) return [{ name: 'all', files: pages.map((p) => p.file) }];
  const others = pages.filter((p) => p.storyYear === undefined).map((p) => p.file);
  const byYear = new Map<string, string[]>();
  for (const p of pages) if (p.storyYear !== undefined) byYear.set(p.storyYear, [...(byYear.get(p.storyYear) ?? []), p.file]);
  // The first part is the bundle's root, which every search loads and searches: only the pages
  // that are no profile, school, honour roll, volume or story (the about page). With the profiles in
  // it, its page list and chunks cost every first search about 28 KB at 10,000 stories. Honour rolls
  // and volumes stay with the people: Pagefind ranks a page by its own part's word statistics, and
  // in a part of a handful of pages an honour roll no longer came first for its honour's name.
  const site = others.filter((file) => !PEOPLE_FILE.test(file));
  const people = others.filter((file) => PEOPLE_FILE.test(file));
  const parts = [...(site.length > 0 ? splitGroup('site', site, max) : []), ...splitGroup('people', people, max)];
  let current: { years: string[]; files: string[] } | undefined;
  const flush = () => {
    if (current) parts.push({ name: `stories-${current.years[0]}-${current.years.at(-1)}`, files: current.files });
    current = undefined;
  };
  for (const year of [...byYear.keys()].sort()) {
    const files = byYear.get(year) ?? [];
    if (files.length > max) {
      flush();
      parts.push(...splitGroup(`stories-${year}`, files, max));
      continue;
    }
    if (current && current.files.length + files.length > max) flush();
    current ??= { years: [], files: [] };
    current.years.push(year);
    current.files.push(...files);
  }
  flush();
  return parts.filter((p) => p.files.length > 0);
}

/** What makes a part's output: Pagefind's version and settings, and each page's URL and HTML. */
function hashPart(part: Part, digests: Digests): string {
  const hash = createHash('sha256');
  hash.update(`pagefind ${pagefindVersion()} zh-cn chunk=${indexChunkSize()}\n`);
  for (const file of part.files) hash.update(`${file} ${digests.get(file) ?? ''}\n`);
  return hash.digest('hex').slice(0, 24);
}

/** The folder a relative path is in, `''` for the top. */
function parentOf(path: string): string {
  const parent = dirname(path);
  return parent === '.' ? '' : parent;
}

/**
 * Puts a finished part's files into the bundle: hard links to the cached copy where the cache and
 * the output share a file system (neither side is ever written in place: a part in the cache is
 * replaced whole, a part in the output is removed whole or left as it is), copies where they do
 * not. Returns the folders it wrote into and those above them, relative to `to` (`''` for `to` itself).
 */
function placePart(from: string, to: string, keep: (name: string) => boolean): Set<string> {
  let link = true;
  const folders = new Set<string>();
  for (const entry of readdirSync(from, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const source = join(entry.parentPath, entry.name);
    const name = relative(from, source);
    if (!keep(name)) continue;
    const target = join(to, name);
    const folder = parentOf(name);
    if (!folders.has(folder)) {
      mkdirSync(dirname(target), { recursive: true });
      // The folder and each one above it, up to the part's own.
      for (let up = folder; up !== '' && !folders.has(up); up = parentOf(up)) folders.add(up);
      folders.add('');
    }
    if (link) {
      try {
        linkSync(source, target);
        continue;
      } catch {
        link = false;
      }
    }
    copyFileSync(source, target);
  }
  return folders;
}

/**
 * The record, kept in the cache folder, of the parts whose files were hard-linked into the output
 * folder (`outputPath`) by the last build, by part name. Every build used to delete the whole
 * bundle and link all parts' files back (about 24,000 at 10,000 stories, 0.8 s); a part whose key
 * is unchanged and whose folder in the output is still as it was placed is now left where it is.
 */
const PLACED_RECORD = 'placed.json';

interface PlacedPart {
  /** The part's cache key (its folder in the cache). */
  key: string;
  /** Device and inode of its `pagefind-entry.json`: the cache entry's own file, linked. */
  entry: string;
  /** Modification time (ns) of each of its folders in the output, relative to the part's folder. */
  folders: Record<string, string>;
}

interface PlacedRecord {
  outputPath: string;
  parts: Record<string, PlacedPart>;
}

/** Device and inode of a file, or undefined when there is none. */
function fileId(path: string): string | undefined {
  const stat = statSync(path, { bigint: true, throwIfNoEntry: false });
  return stat?.isFile() ? `${stat.dev}:${stat.ino}` : undefined;
}

/** Modification time (ns) of a folder, or undefined when there is none. */
function folderTime(path: string): bigint | undefined {
  const stat = statSync(path, { bigint: true, throwIfNoEntry: false });
  return stat?.isDirectory() ? stat.mtimeNs : undefined;
}

function loadPlacedRecord(file: string | undefined, outputPath: string): { parts: Map<string, PlacedPart>; writtenNs: bigint } {
  const none = { parts: new Map<string, PlacedPart>(), writtenNs: 0n };
  if (!file || !existsSync(file)) return none;
  try {
    const record = JSON.parse(readFileSync(file, 'utf-8')) as PlacedRecord;
    if (record.outputPath !== outputPath) return none;
    return { parts: new Map(Object.entries(record.parts)), writtenNs: statSync(file, { bigint: true }).mtimeNs };
  } catch {
    return none;
  }
}

/**
 * Whether a part's folder in the output (`target`) still holds exactly the hard links to the cache
 * entry `cached` that the last build placed there. The output's `pagefind-entry.json` must be the
 * cache entry's own file (so the entry was not replaced, nor the output copied elsewhere), and none
 * of the part's folders may have changed since (a file added, removed or replaced in a folder, or
 * a folder added, changes the folder's modification time). A folder whose recorded time is not
 * older than the record itself may have changed within the same clock tick (file systems with
 * coarse timestamps): then every file is compared with the cache entry's (`linkedFrom`), as git
 * does with racy entries.
 */
function stillPlaced(
  cached: string,
  target: string,
  key: string,
  placed: PlacedPart | undefined,
  recordNs: bigint,
  keep: (name: string) => boolean,
): boolean {
  if (placed?.key !== key) return false;
  const entry = fileId(join(target, ENTRY_FILE));
  if (entry === undefined || entry !== placed.entry || fileId(join(cached, ENTRY_FILE)) !== entry) return false;
  let racy = false;
  for (const [folder, time] of Object.entries(placed.folders)) {
    if (folderTime(join(target, folder)) !== BigInt(time)) return false;
    if (BigInt(time) >= recordNs) racy = true;
  }
  return !racy || linkedFrom(cached, target, keep);
}

/** Whether `target` holds exactly the files of `cached` that `keep` keeps, each a hard link to it. */
function linkedFrom(cached: string, target: string, keep: (name: string) => boolean): boolean {
  const expected = listFiles(cached).filter(keep);
  const present = listFiles(target);
  return present.length === expected.length && expected.every((name) => fileId(join(target, name)) === fileId(join(cached, name)));
}

/**
 * Empties the bundle folder except the parts named in `keep` (under `parts/`): the root part's
 * files, the router, the parts manifest and the traditional-character table are written again.
 */
function clearBundle(outputPath: string, keep: ReadonlySet<string>): void {
  const stat = statSync(outputPath, { throwIfNoEntry: false });
  if (!stat?.isDirectory() || keep.size === 0) {
    rmSync(outputPath, { recursive: true, force: true });
    return;
  }
  for (const entry of readdirSync(outputPath, { withFileTypes: true })) {
    const path = join(outputPath, entry.name);
    if (entry.name !== PARTS_DIR || !entry.isDirectory()) {
      rmSync(path, { recursive: true, force: true });
      continue;
    }
    for (const part of readdirSync(path)) if (!keep.has(part)) rmSync(join(path, part), { recursive: true, force: true });
  }
}

let version: string | undefined;
function pagefindVersion(): string {
  const main = fileURLToPath(import.meta.resolve('pagefind'));
  version ??= (JSON.parse(readFileSync(join(dirname(main), '..', 'package.json'), 'utf-8')) as { version: string }).version;
  return version;
}

/** Indexes one part's pages and writes its bundle to `out`; Pagefind is closed afterwards. Returns the part's router keys. */
async function indexPart(siteDir: string, part: Part, out: string, han: HanCollector): Promise<Set<string>> {
  const keys = new Set<string>();
  // The whole site is Chinese: force the language so segmentation never depends on one page's
  // `lang` attribute (without zh-CN, whole clauses become single tokens).
  // Pagefind's Node API starts its binary with this process's environment.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = indexChunkSize();
  const created = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  try {
    if (!created.index) throw new Error(created.errors.join('\n'));
    const { index } = created;
    for (const file of part.files) {
      const url = `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
      const content = readFileSync(join(siteDir, file), 'utf-8');
      // Pagefind indexes the page in its own process while this one reads the page's router keys
      // and characters: one after the other, each waited for the other (about 1.5 s a part of
      // 1,200 pages). Pages are still added one at a time, in order.
      const adding = index.addHTMLFile({ url, content });
      let added: Awaited<typeof adding>;
      try {
        han.add(content);
        addPageKeys(content, keys);
      } finally {
        added = await adding;
      }
      if (added.errors.length > 0) throw new Error(`${file}: ${added.errors.join('\n')}`);
    }
    const written = await index.writeFiles({ outputPath: out });
    if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
    return keys;
  } finally {
    // Ends Pagefind's process, and with it the memory of this part's index.
    await pagefind.close();
  }
}

/**
 * Indexes the built site in `siteDir` and writes the bundle to `siteDir/pagefind/` (or to
 * `outputPath`, for the benchmark). Throws with Pagefind's own messages when it reports errors or
 * finds no page.
 */
export async function buildSearchIndex(siteDir: string, options: SearchIndexOptions = {}): Promise<SearchIndexSummary> {
  const started = performance.now();
  const outputPath = options.outputPath ?? join(siteDir, SEARCH_BUNDLE_DIR);
  const partPages = options.partPages ?? DEFAULT_PART_PAGES;
  const han = new HanCollector();
  const recordFile = options.cacheDir && join(options.cacheDir, PAGES_RECORD);
  const { pages, record } = readPages(siteDir, relative(siteDir, outputPath), han, loadPagesRecord(recordFile, siteDir));
  const digests: Digests = new Map(pages.map((p) => [p.file, p.digest]));
  if (pages.length === 0) throw new Error(`${siteDir} 里没有带 data-pagefind-body 的页面`);
  const parts = planParts(pages, partPages);
  const scratch = options.cacheDir ?? mkdtempSync(join(tmpdir(), 'yangwang-search-'));
  mkdirSync(scratch, { recursive: true });
  const keys = parts.map((part) => `${part.name}-${hashPart(part, digests)}`);
  // The first part sits at the bundle's root with the script; the others under parts/.
  const targetOf = (i: number, part: Part) => (i === 0 ? outputPath : join(outputPath, PARTS_DIR, part.name));
  const keepOf =
    (i: number) =>
    (name: string): boolean =>
      name !== ROUTER_KEYS_FILE && name !== PART_HAN_FILE && !UNUSED_BUNDLE_FILE.test(name) && (i === 0 || !RUNTIME_FILE.test(name));
  // Parts (not the root one) still in place from the last build stay; the rest of the bundle goes.
  const placedFile = options.cacheDir && join(options.cacheDir, PLACED_RECORD);
  const previouslyPlaced = loadPlacedRecord(placedFile, outputPath);
  const inPlace = new Set(
    parts
      .filter((part, i) => {
        const key = keys[i] ?? '';
        const placed = previouslyPlaced.parts.get(part.name);
        return (
          i > 0 &&
          placedFile !== undefined &&
          stillPlaced(join(scratch, key), targetOf(i, part), key, placed, previouslyPlaced.writtenNs, keepOf(i))
        );
      })
      .map((part) => part.name),
  );
  clearBundle(outputPath, inPlace);
  const placed: Record<string, PlacedPart> = {};
  let reused = 0;
  let pageCount = 0;
  const merged: SearchParts['parts'] = [];
  const routerKeys: string[][] = [];
  for (const [i, part] of parts.entries()) {
    const key = keys[i] ?? '';
    const cached = join(scratch, key);
    const keysFile = join(cached, ROUTER_KEYS_FILE);
    const hanFile = join(cached, PART_HAN_FILE);
    if (options.cacheDir && existsSync(join(cached, ENTRY_FILE))) {
      reused++;
      // A part cached before the router (or by another version of it), or before its Han
      // characters were kept with it: both read again from its pages.
      if (!existsSync(keysFile) || !existsSync(hanFile)) writePartRecords(cached, ...readPartRecords(siteDir, part));
      han.add(readFileSync(hanFile, 'utf-8'));
    } else {
      const temporary = `${cached}.partial`;
      rmSync(temporary, { recursive: true, force: true });
      const partHan = new HanCollector();
      const partKeys = await indexPart(siteDir, part, temporary, partHan);
      han.add(writePartRecords(temporary, partKeys, partHan));
      rmSync(cached, { recursive: true, force: true });
      renameSync(temporary, cached);
    }
    routerKeys.push(parseKeys(readFileSync(keysFile, 'utf-8')));
    const count = readIndexedPageCount(cached);
    if (count !== part.files.length) throw new Error(`${part.name}：${part.files.length} 个页面，索引里只有 ${count} 个`);
    pageCount += count;
    const target = targetOf(i, part);
    const previous = previouslyPlaced.parts.get(part.name);
    if (inPlace.has(part.name) && previous) placed[part.name] = previous;
    else {
      const folders = placePart(cached, target, keepOf(i));
      // Linked (not copied across file systems): recorded, so the next build can leave it in place.
      const entry = fileId(join(target, ENTRY_FILE));
      if (i > 0 && entry !== undefined && entry === fileId(join(cached, ENTRY_FILE))) {
        placed[part.name] = {
          key,
          entry,
          folders: Object.fromEntries([...folders].map((folder) => [folder, String(folderTime(join(target, folder)))])),
        };
      }
    }
    merged.push({ name: part.name, path: i === 0 ? '' : `${PARTS_DIR}/${part.name}/` });
  }
  pruneCache(scratch, new Set(keys), options.cacheDir !== undefined);
  const router = buildRouter(routerKeys);
  writeRouter(outputPath, router);
  const manifest: SearchParts = { parts: merged, router: { digest: router.digest, shards: router.shards } };
  writeFileSync(join(outputPath, SEARCH_PARTS_FILE), JSON.stringify(manifest));
  writeFileSync(join(outputPath, TRADITIONAL_TABLE_FILE), JSON.stringify(buildTraditionalTable(traditionalToSimplified, han.characters())));
  if (recordFile) {
    const pagesRecord: PagesRecord = { siteDir, pages: record };
    writeJsonWhole(recordFile, pagesRecord);
  }
  if (placedFile) {
    const placedRecord: PlacedRecord = { outputPath, parts: placed };
    writeJsonWhole(placedFile, placedRecord);
  }
  return { pageCount, parts: parts.length, reused, milliseconds: Math.round(performance.now() - started) };
}

/** The router keys and Han characters of a part's pages, read from the built site. */
function readPartRecords(siteDir: string, part: Part): [Set<string>, HanCollector] {
  const keys = new Set<string>();
  const han = new HanCollector();
  for (const file of part.files) {
    const html = readFileSync(join(siteDir, file), 'utf-8');
    addPageKeys(html, keys);
    han.add(html);
  }
  return [keys, han];
}

/** Writes a part's router keys and Han characters beside its index; returns the characters. */
function writePartRecords(dir: string, keys: ReadonlySet<string>, han: HanCollector): string {
  const characters = [...han.characters()].join('');
  writeFileSync(join(dir, ROUTER_KEYS_FILE), serialiseKeys(keys));
  writeFileSync(join(dir, PART_HAN_FILE), characters);
  return characters;
}

/** Removes cached parts this build did not use (or the scratch folder, without a cache). */
function pruneCache(dir: string, keep: ReadonlySet<string>, isCache: boolean): void {
  if (!isCache) {
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  for (const name of readdirSync(dir)) {
    if (!keep.has(name) && statSync(join(dir, name)).isDirectory()) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

/**
 * Indexes a built site as every build does, with the finished parts kept in Astro's cache folder
 * (`astroCacheDir`), unless YANGWANG_SEARCH_INDEX=off (the search benchmark builds a site once and
 * indexes it separately, under measurement). Returns the build log's line, a warning when the
 * index was left out; throws with the editors' message when indexing fails. Run inside Astro
 * (`astro build`) or after it (`npm run build`, scripts/build.ts).
 */
export async function indexBuiltSite(
  siteDir: string,
  astroCacheDir: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ message: string; warn: boolean }> {
  if (env.YANGWANG_SEARCH_INDEX === 'off') return { message: 'YANGWANG_SEARCH_INDEX=off：没有生成搜索索引', warn: true };
  try {
    const summary = await buildSearchIndex(siteDir, astroCacheDir ? { cacheDir: join(astroCacheDir, SEARCH_CACHE_FOLDER) } : {});
    const message = `搜索索引：${summary.pageCount} 个页面，${summary.parts} 个分块（${summary.reused} 个沿用缓存），用时 ${(summary.milliseconds / 1000).toFixed(1)} 秒`;
    return { message, warn: false };
  } catch (error) {
    throw new Error(`生成搜索索引失败：${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/**
 * The Astro integration: runs `indexBuiltSite` on the build's output directory, unless
 * `npm run build` runs it after Astro (scripts/build.ts).
 */
export default function searchIndex(): AstroIntegration {
  let astroCacheDir: string | undefined;
  return {
    name: 'yangwang:search-index',
    hooks: {
      // Read in config:setup: a config:done hook here stopped `astro dev` from finishing its start
      // (tests/dev/content-check.test.ts never saw “watching for file changes”).
      'astro:config:setup': ({ config }) => {
        // The index does not walk Astro's assets folder, which it knows by this name.
        if (config.build.assets !== ASTRO_ASSETS_DIR) {
          throw new Error(
            `build.assets 是 ${config.build.assets}：搜索索引不读的资源文件夹是 ${ASTRO_ASSETS_DIR}（src/integrations/search-index.ts，ASTRO_ASSETS_DIR），两处须一致`,
          );
        }
        // The parts are kept between builds with the rest of Astro's cache (README, “Building a large site”).
        astroCacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        // `npm run build` indexes in a process of its own once Astro's has ended (src/integrations/index-handoff.ts).
        if (handoffFile()) return;
        const { message, warn } = await indexBuiltSite(fileURLToPath(dir), astroCacheDir);
        if (warn) logger.warn(message);
        else logger.info(message);
      },
    },
  };
}
