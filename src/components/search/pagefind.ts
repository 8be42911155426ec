/**
 * The part of Pagefind's browser API the search page uses, typed, and loaded once.
 * `/pagefind/pagefind.js` is written by the build (src/integrations/search-index.ts), so it is
 * imported at run time by URL, not bundled.
 * @see https://pagefind.app/docs/api/
 */
import { SEARCH_PARTS_FILE, SEARCH_RANKING, type SearchParts } from '../../lib/search-query.ts';

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindSearch {
  results: PagefindResult[];
  /** Counts per filter value among the results, with the search's filters applied. */
  filters: FilterCounts;
}

/** Filters as Pagefind takes them: within one filter any value may match; filters combine with AND. */
export type PagefindFilters = Record<string, { any: string[] }>;

export interface PagefindSearchOptions {
  filters?: PagefindFilters;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindSearch>;
  preload(term: string, options?: PagefindSearchOptions): Promise<void>;
  /** Loads the filter files; afterwards every search reports counts. */
  filters(): Promise<FilterCounts>;
}

/** Where the build puts the index. */
export const PAGEFIND_URL = '/pagefind/pagefind.js';
const BUNDLE = '/pagefind/';

/** The filter that tells the parts apart: every page of a part carries its name. */
export const PART_FILTER = 'part';

/**
 * A loaded index: Pagefind with the root part (people and schools) and whichever other parts
 * searches have needed so far merged in. Parts are numbered as in `yangwang-parts.json`.
 */
export interface LoadedIndex {
  pagefind: Pagefind;
  /** Every part's name, in the manifest's order. */
  parts: string[];
  /** The part router, when the bundle has one (search-router.ts). */
  router?: { digest: string; shards: number };
  /** Merges these parts into Pagefind (the ones not merged yet), each once. */
  load(parts: readonly number[]): Promise<void>;
}

let loading: Promise<LoadedIndex> | undefined;

/**
 * Loads and configures Pagefind on first use with the root part (later calls share the same
 * instance); other parts are merged when a search needs them (`load`). Options given to the root
 * index apply to it alone, so every part gets the ranking and excerpt length too, and a synthetic
 * `part` filter that keeps a search to the parts it was routed to.
 * @see https://pagefind.app/docs/multisite/
 */
export function loadIndex(): Promise<LoadedIndex> {
  loading ??= (async () => {
    const [pagefind, manifest] = await Promise.all([
      import(/* @vite-ignore */ PAGEFIND_URL) as Promise<Pagefind>,
      fetch(`${BUNDLE}${SEARCH_PARTS_FILE}`).then((response) => {
        if (!response.ok) throw new Error(`${SEARCH_PARTS_FILE}: ${response.status}`);
        return response.json() as Promise<SearchParts>;
      }),
    ]);
    const options = { ranking: SEARCH_RANKING, excerptLength: 40 };
    const [root] = manifest.parts;
    await pagefind.options({ ...options, mergeFilter: { [PART_FILTER]: root?.name ?? '' } });
    await pagefind.init();
    const merged = new Map<number, Promise<void>>([[0, Promise.resolve()]]);
    const load = async (parts: readonly number[]) => {
      await Promise.all(
        parts.map((i): Promise<void> => {
          const done = merged.get(i);
          if (done) return done;
          const part = manifest.parts[i];
          if (!part) return Promise.reject(new Error(`${SEARCH_PARTS_FILE}: no part ${i}`));
          const merging = pagefind.mergeIndex(`${BUNDLE}${part.path}`, { ...options, mergeFilter: { [PART_FILTER]: part.name } });
          merged.set(i, merging);
          // A part that failed to load is tried again by the next search.
          merging.catch(() => merged.delete(i));
          return merging;
        }),
      );
    };
    // A bundle without a router: every search needs every part.
    if (!manifest.router) await load(manifest.parts.map((_, i) => i));
    return { pagefind, parts: manifest.parts.map((p) => p.name), ...(manifest.router && { router: manifest.router }), load };
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** Loads Pagefind with its root part (see loadIndex). */
export async function loadPagefind(): Promise<Pagefind> {
  return (await loadIndex()).pagefind;
}
