/**
 * The part of Pagefind's browser API the search page uses, typed, and loaded once.
 * `/pagefind/pagefind.js` is written by the build (src/integrations/search-index.ts), so it is
 * imported at run time by URL, not bundled.
 * @see https://pagefind.app/docs/api/
 */
import { SEARCH_RANKING } from '../../lib/search-query.ts';

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
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindSearch>;
  preload(term: string, options?: PagefindSearchOptions): Promise<void>;
  /** Loads the filter files; afterwards every search reports counts. */
  filters(): Promise<FilterCounts>;
}

/** Where the build puts the index. */
export const PAGEFIND_URL = '/pagefind/pagefind.js';

let loading: Promise<Pagefind> | undefined;

/** Loads and configures Pagefind on first use; later calls share the same instance. */
export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ PAGEFIND_URL)) as Pagefind;
    await pagefind.options({ ranking: SEARCH_RANKING, excerptLength: 40 });
    await pagefind.init();
    return pagefind;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
