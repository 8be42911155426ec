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
import {
  exactKey,
  pagefindWords,
  queryKeys,
  readShard,
  routeParts,
  routerShardPath,
  shardOf,
  type RouterShard,
} from '../../lib/search-router.ts';
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
  /** How many results there are (at least this many while `complete` is false). */
  count: number;
  /** Every result's id (page hash); in relevance order when sorted by relevance. */
  ids: string[];
  /** The data of the next `n` results, in order. */
  next(n: number): Promise<PagefindResultData[]>;
  /** True while results are left (or parts are left to search). */
  hasMore(): boolean;
  /** False while some of the parts the query was routed to are not searched yet. */
  complete: boolean;
  /** Searches the parts left; results already handed out keep their places, the others follow. */
  completeAll(): Promise<void>;
  /** Filters that keep a Pagefind search to the parts this list searched (for filter counts). */
  scope: PagefindFilters;
  /** Parts the query was routed to, and how many of them are searched so far (benchmarks report them). */
  parts: { routed: number; searched: number };
}

/** Results of a search of some parts: what `completeAll` searches when parts are left, and how many were searched. */
interface PartsLeft {
  searched: number;
  searchAll(): Promise<{ scope: PagefindFilters; results: PagefindResult[] }>;
}

/**
 * A result list handed out in pages. With `left`, not every routed part is searched yet:
 * `completeAll` searches them all; results already handed out keep their places, the others follow.
 */
function listOf(results: PagefindResult[], scope: PagefindFilters = {}, routed = 0, left?: PartsLeft): ResultList {
  let at = 0;
  const list: ResultList = {
    count: results.length,
    ids: results.map((r) => r.id),
    async next(n) {
      const page = results.slice(at, at + n);
      at += page.length;
      return Promise.all(page.map((r) => r.data()));
    },
    hasMore: () => at < results.length || !list.complete,
    complete: !left,
    async completeAll() {
      if (list.complete || !left) return;
      const all = await left.searchAll();
      const shown = new Set(results.slice(0, at).map((r) => r.id));
      results = [...results.slice(0, at), ...all.results.filter((r) => !shown.has(r.id))];
      list.count = results.length;
      list.ids = results.map((r) => r.id);
      list.scope = all.scope;
      list.complete = true;
      list.parts = { routed, searched: routed };
    },
    scope,
    parts: { routed, searched: left ? left.searched : routed },
  };
  return list;
}

// ---------------------------------------------------------------------------------------------
// Routing: which parts a query searches (search-router.ts)

/**
 * A query routed to at most this many parts loads them all before ranking, so a name's, a
 * school's or a title's own page is ranked against every page that contains the query.
 */
export const FEW_PARTS = 3;
/** Results a first screen shows: a common query searches parts until it has this many. */
export const FIRST_SCREEN = 10;
/** Parts added per step when a common query needs more results for its first screen. */
const PARTS_PER_STEP = 1;
/**
 * Parts searched before the first screen is shown, at most, once anything is found: each costs
 * its page list (about 14 KB at 10,000 stories) and a chunk per word. The rest are searched when
 * the reader asks for more results or opens the filters.
 */
export const MAX_FIRST_PARTS = 3;

let routing = true;
/** Turns the router off (every search loads every part), for the benchmarks' comparison. */
export function setRouting(on: boolean): void {
  routing = on;
}

const shards = new Map<string, Promise<Map<string, bigint>>>();
function loadShard(digest: string, shard: number): Promise<Map<string, bigint>> {
  const path = routerShardPath(digest, shard);
  let loading = shards.get(path);
  if (!loading) {
    loading = fetch(`/pagefind/${path}`).then(async (response) => {
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      return readShard((await response.json()) as RouterShard);
    });
    loading.catch(() => shards.delete(path));
    shards.set(path, loading);
  }
  return loading;
}

/** Story parts are named `stories-…` and listed oldest first (src/integrations/search-index.ts). */
const isStoryPart = (name: string | undefined) => name?.startsWith('stories') === true;

/** The parts a query searches, in order, and how many of them it searches before showing results. */
export interface Route {
  order: number[];
  first: number;
  /** How many of the first parts hold a page whose whole title or name is the query. */
  own: number;
}

/**
 * The parts a term searches, in the order they are searched: first the parts of its own pages,
 * pages whose whole title or name is the query (a name's profile, a school's page, a story of that
 * title, a story about that teacher; for a query of several pieces that is no page's whole title
 * or name, the own pages of its pieces), people and schools first, then stories newest first, at
 * most MAX_FIRST_PARTS; then the other routed parts, people and schools, then stories newest
 * first. The first step is the own parts alone; without any, the first part in that order (every
 * people and school part for a query without Han characters: pinyin). Every part, in that order,
 * when there is no router or no term.
 */
export async function routeQuery(index: LoadedIndex, term: string | null): Promise<Route> {
  let parts = index.parts.map((_, i) => i);
  let own: number[] = [];
  const keys = term ? queryKeys(term) : [];
  if (routing && index.router && term && keys.length > 0) {
    const { digest, shards: count } = index.router;
    const exact = exactKey(term);
    // A query of several pieces that is nobody's whole title or name (韩国栋 学生) has the own
    // pages of its pieces: the profile of 韩国栋 and the stories about that teacher.
    const pieces = term.split(/\s+/).filter(Boolean);
    const pieceKeys = pieces.length > 1 ? pieces.map(exactKey) : [];
    const needed = [...new Set([...keys, exact, ...pieceKeys].map((key) => shardOf(key, count)))];
    const maps = new Map(await Promise.all(needed.map(async (i) => [i, await loadShard(digest, i)] as const)));
    const maskOf = (key: string) => maps.get(shardOf(key, count))?.get(key) ?? 0n;
    parts = routeParts(keys, maskOf, index.parts.length);
    own = routeParts([exact], maskOf, index.parts.length);
    if (own.length === 0)
      own = [...new Set(pieceKeys.flatMap((key) => routeParts([key], maskOf, index.parts.length)))].sort((a, b) => a - b);
    own = own.filter((i) => parts.includes(i));
  }
  const story = (i: number) => isStoryPart(index.parts[i]);
  const owned = [...own.filter((i) => !story(i)), ...own.filter(story).reverse()].slice(0, MAX_FIRST_PARTS);
  const others = parts.filter((i) => !story(i) && !owned.includes(i));
  const stories = parts.filter((i) => story(i) && !owned.includes(i)).reverse();
  const order = [...owned, ...others, ...stories];
  // Pinyin and initials (a query without Han characters) are on the profiles and school pages:
  // their parts all come first, so a name typed in pinyin finds its profile whichever people part
  // holds it (with only the first, 4 of 6 pinyin names at 10,000 stories had it 11th).
  const latin = term !== null && !/\p{Script=Han}/u.test(term);
  const firstStep = latin ? owned.length + Math.max(1, others.length) : Math.max(1, owned.length);
  return { order, first: Math.min(order.length, firstStep), own: owned.length };
}

/**
 * The pieces of a term that Pagefind splits into several words (a name: 潘守仁 → 潘 守仁; a
 * school: 南岭县枫树湾中心小学), which it also matches in pages that have those words apart.
 */
export function splitPieces(term: string): string[] {
  return term
    .replace(/"/g, ' ')
    .split(/\s+/)
    .filter((piece) => pagefindWords(piece).length > 1);
}

/**
 * Pagefind's results with the pages that have every split piece of the query whole first (its
 * exact search, the piece in quotes: the piece's words next to each other, as typed, in the text
 * or in one metadata value), each group in Pagefind's order. The exact search needs the same
 * words as the query, so it loads nothing more. `whole` is each piece's set of page ids.
 */
export function phrasesFirst<T extends { id: string }>(results: readonly T[], whole: readonly ReadonlySet<string>[]): T[] {
  if (whole.length === 0) return [...results];
  const has = (r: T) => whole.every((ids) => ids.has(r.id));
  return [...results.filter(has), ...results.filter((r) => !has(r))];
}

/** The `part` filter for these parts; none when they are every part. */
function scopeOf(index: LoadedIndex, parts: readonly number[]): PagefindFilters {
  if (parts.length === index.parts.length) return {};
  return { [PART_FILTER]: { any: parts.map((i) => index.parts[i] ?? '') } };
}

/**
 * Relevance order over the routed parts, pages with the query as typed first (`phrasesFirst`). A
 * query routed to few parts searches them all; one routed to more searches the first step of
 * `routeQuery`'s order (its own pages' parts), adding parts until a first screen is full or, once
 * anything is found, MAX_FIRST_PARTS are searched; the rest when `completeAll` is called (the
 * reader asks for more results or opens the filters).
 */
async function searchByRelevance(index: LoadedIndex, term: string | null, filters: PagefindFilters, route: Route): Promise<ResultList> {
  const { order } = route;
  const { pagefind } = index;
  const phrases = term ? splitPieces(term) : [];
  const run = async (parts: number[]) => {
    await index.load(parts);
    const scope = scopeOf(index, parts);
    const options = { filters: { ...filters, ...scope } };
    const { results } = await pagefind.search(term, options);
    const whole: Set<string>[] = [];
    for (const phrase of phrases) whole.push(new Set((await pagefind.search(`"${phrase}"`, options)).results.map((r) => r.id)));
    return { scope, results: phrasesFirst(results, whole) };
  };
  if (!routing || order.length <= FEW_PARTS) {
    const { scope, results } = await run(order);
    return listOf(results, scope, order.length);
  }
  let searched = order.slice(0, route.first);
  let found = await run(searched);
  const enough = () => found.results.length >= FIRST_SCREEN || (found.results.length > 0 && searched.length >= MAX_FIRST_PARTS);
  while (!enough() && searched.length < order.length) {
    // Inside the loop something found means fewer than MAX_FIRST_PARTS are searched so far.
    const next = searched.length + PARTS_PER_STEP;
    searched = order.slice(0, found.results.length > 0 ? Math.min(next, MAX_FIRST_PARTS) : next);
    found = await run(searched);
  }
  const left = searched.length < order.length ? { searched: searched.length, searchAll: () => run(order) } : undefined;
  return listOf(found.results, found.scope, order.length, left);
}

/**
 * Pages in date order across parts. Pagefind sorts within each part (its score is the page's
 * place in that part's order), so a date search runs once per part and the lists are merged by
 * each result's `sorted` date, read from the results' data as they are shown.
 */
function mergeByDate(lists: PagefindResult[][], descending: boolean, rest: PagefindResult[], scope: PagefindFilters): ResultList {
  const parts = { routed: lists.length, searched: lists.length };
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
    complete: true,
    completeAll: () => Promise.resolve(),
    scope,
    parts,
  };
}

/**
 * Runs the search over the parts the query is routed to. Sorted by date, every routed part is
 * searched first, and Pagefind drops pages without a date (about): they follow at the end, so
 * sorting never hides a result.
 */
export async function searchPages(index: LoadedIndex, term: string | null, state: SearchState): Promise<ResultList> {
  const { pagefind } = index;
  const filters = toPagefindFilters(state);
  const route = await routeQuery(index, term);
  const { order } = route;
  if (order.length === 0) return listOf([]);
  if (state.sort === 'relevance') return searchByRelevance(index, term, filters, route);
  await index.load(order);
  const scope = scopeOf(index, order);
  const sort: PagefindSearchOptions['sort'] = { date: state.sort === 'newest' ? 'desc' : 'asc' };
  const [lists, all] = await Promise.all([
    Promise.all(
      order.map(
        async (part) =>
          (await pagefind.search(term, { filters: { ...filters, [PART_FILTER]: { any: [index.parts[part] ?? ''] } }, sort })).results,
      ),
    ),
    pagefind.search(term, { filters: { ...filters, ...scope } }),
  ]);
  const seen = new Set(lists.flat().map((r) => r.id));
  return mergeByDate(
    lists,
    state.sort === 'newest',
    all.results.filter((r) => !seen.has(r.id)),
    scope,
  );
}
