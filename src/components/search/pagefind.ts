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

/** A loaded index: Pagefind with every part merged, and the parts' names. */
export interface LoadedIndex {
  pagefind: Pagefind;
  parts: string[];
}

let loading: Promise<LoadedIndex> | undefined;

/**
 * Loads and configures Pagefind on first use and merges the index's parts into it (later calls
 * share the same instance). Options given to the root index apply to it alone, so every part gets
 * the ranking and excerpt length too, and a synthetic `part` filter to search one part at a time.
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
    const [root, ...others] = manifest.parts;
    await pagefind.options({ ...options, mergeFilter: { [PART_FILTER]: root?.name ?? '' } });
    await pagefind.init();
    await Promise.all(
      others.map((part) => pagefind.mergeIndex(`${BUNDLE}${part.path}`, { ...options, mergeFilter: { [PART_FILTER]: part.name } })),
    );
    return { pagefind, parts: manifest.parts.map((p) => p.name) };
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** Loads Pagefind with every part merged (see loadIndex). */
export async function loadPagefind(): Promise<Pagefind> {
  return (await loadIndex()).pagefind;
}
