/**
 * One search as the search page runs it: the reader's query made ready for Pagefind (traditional
 * characters read as simplified, stop-words left out) and the Pagefind calls with the page's
 * filters and sort. The search page (search-client.ts) and the relevance benchmark
 * (scripts/bench/relevance.ts) both run searches through these functions, so the benchmark
 * measures what readers get.
 */
import {
  SEARCH_FILTER_KEYS,
  TRADITIONAL_TABLE_FILE,
  dropStopWords,
  type SearchFilterKey,
  type SearchState,
} from '../../lib/search-query.ts';
import { toSimplified, type TraditionalTable } from '../../lib/traditional.ts';
import {
  PART_FILTER,
  type LoadedIndex,
  type PagefindFilters,
  type PagefindResult,
  type PagefindResultData,
  type PagefindSearchOptions,
} from './pagefind.ts';

const HAN = /\p{Script=Han}/u;

let tableLoading: Promise<TraditionalTable> | undefined;
/** The traditional→simplified table, fetched once and only for queries with Chinese characters. */
function loadTraditionalTable(): Promise<TraditionalTable> {
  tableLoading ??= fetch(`/pagefind/${TRADITIONAL_TABLE_FILE}`)
    .then((response) => (response.ok ? (response.json() as Promise<TraditionalTable>) : {}))
    .catch(() => ({}));
  return tableLoading;
}

export interface PreparedQuery {
  /** What Pagefind is given; empty when only filters are searched. */
  term: string;
  /** The query in simplified characters, when the reader typed traditional ones. */
  simplified?: string;
}

/** Turns a normalised query (normaliseQuery) into the term Pagefind searches. */
export async function prepareQuery(query: string): Promise<PreparedQuery> {
  let term = query;
  let simplified: string | undefined;
  if (term && HAN.test(term)) {
    const converted = toSimplified(term, await loadTraditionalTable());
    if (converted !== term) simplified = converted;
    term = converted;
  }
  // 的, 了, 在 … would each fetch one of the index's largest chunks and narrow nothing.
  term = dropStopWords(term);
  return { term, ...(simplified !== undefined && { simplified }) };
}

/** Pagefind filters for a state, leaving out one filter (to count that filter's other values). */
export function toPagefindFilters(state: SearchState, except?: SearchFilterKey): PagefindFilters {
  const filters: PagefindFilters = {};
  for (const key of SEARCH_FILTER_KEYS) {
    const values = state.filters[key];
    if (key !== except && values && values.length > 0) filters[key] = { any: values };
  }
  return filters;
}

/** Results in the order they are shown, loaded a page at a time. */
export interface ResultList {
  /** How many results there are. */
  count: number;
  /** Every result's id (page hash); in relevance order when sorted by relevance. */
  ids: string[];
  /** The data of the next `n` results, in order. */
  next(n: number): Promise<PagefindResultData[]>;
  /** True while results are left. */
  hasMore(): boolean;
}

function listOf(results: PagefindResult[]): ResultList {
  let at = 0;
  return {
    count: results.length,
    ids: results.map((r) => r.id),
    async next(n) {
      const page = results.slice(at, at + n);
      at += page.length;
      return Promise.all(page.map((r) => r.data()));
    },
    hasMore: () => at < results.length,
  };
}

/**
 * Pages in date order across parts. Pagefind sorts within each part (its score is the page's
 * place in that part's order), so a date search runs once per part and the lists are merged by
 * each result's `sorted` date, read from the results' data as they are shown.
 */
function mergeByDate(lists: PagefindResult[][], descending: boolean, rest: PagefindResult[]): ResultList {
  const heads = lists.map(() => 0);
  const data = new Map<string, Promise<PagefindResultData>>();
  const load = (r: PagefindResult) => {
    let promise = data.get(r.id);
    if (!promise) data.set(r.id, (promise = r.data()));
    return promise;
  };
  const total = lists.reduce((n, l) => n + l.length, 0);
  let taken = 0;
  let restAt = 0;
  return {
    count: total + rest.length,
    ids: [...lists.flat(), ...rest].map((r) => r.id),
    async next(n) {
      const page: PagefindResultData[] = [];
      while (page.length < n && taken < total) {
        const candidates = await Promise.all(
          lists.map(async (list, i) => {
            const result = list[heads[i] ?? 0];
            return result ? { i, data: await load(result) } : undefined;
          }),
        );
        let best: { i: number; data: PagefindResultData } | undefined;
        for (const c of candidates) {
          if (!c) continue;
          const date = c.data.meta.sorted ?? '';
          const bestDate = best?.data.meta.sorted ?? '';
          if (!best || (descending ? date > bestDate : date < bestDate)) best = c;
        }
        if (!best) break;
        heads[best.i] = (heads[best.i] ?? 0) + 1;
        taken++;
        page.push(best.data);
      }
      const extra = rest.slice(restAt, restAt + (n - page.length));
      restAt += extra.length;
      page.push(...(await Promise.all(extra.map(load))));
      return page;
    },
    hasMore: () => taken < total || restAt < rest.length,
  };
}

/**
 * Runs the search. Sorted by date, Pagefind drops pages without a date (about): they follow
 * at the end, so sorting never hides a result.
 */
export async function searchPages(index: LoadedIndex, term: string | null, state: SearchState): Promise<ResultList> {
  const { pagefind, parts } = index;
  const filters = toPagefindFilters(state);
  if (state.sort === 'relevance') return listOf((await pagefind.search(term, { filters })).results);
  const sort: PagefindSearchOptions['sort'] = { date: state.sort === 'newest' ? 'desc' : 'asc' };
  const [lists, all] = await Promise.all([
    Promise.all(
      parts.map(async (part) => (await pagefind.search(term, { filters: { ...filters, [PART_FILTER]: { any: [part] } }, sort })).results),
    ),
    pagefind.search(term, { filters }),
  ]);
  const seen = new Set(lists.flat().map((r) => r.id));
  return mergeByDate(
    lists,
    state.sort === 'newest',
    all.results.filter((r) => !seen.has(r.id)),
  );
}
