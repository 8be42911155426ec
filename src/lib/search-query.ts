/**
 * The search page's state as it lives in the URL (`/search/?q=…&type=教师&sort=newest`), and the
 * clean-up a reader's query gets before it reaches Pagefind. Pure: used by the page's script,
 * the search index and the tests.
 */

/** Filters a reader can narrow results by, in the order the page shows them. */
export const SEARCH_FILTER_KEYS = ['type', 'honour', 'school', 'district', 'stage', 'subject', 'year'] as const;
export type SearchFilterKey = (typeof SEARCH_FILTER_KEYS)[number];

/** Traditional→simplified table written next to the index (see traditional.ts). */
export const TRADITIONAL_TABLE_FILE = 'yangwang-t2s.json';

/**
 * The index's parts, written next to Pagefind's script (src/integrations/search-index.ts): the
 * first part is the bundle's root, the others are merged into it in the browser.
 */
export const SEARCH_PARTS_FILE = 'yangwang-parts.json';
export interface SearchParts {
  /** Each part's name and folder, relative to the bundle (`''` for the root part). */
  parts: { name: string; path: string }[];
  /**
   * The part router (search-router.ts): its shards are `router/<digest>/<shard>.json` under the
   * bundle. Absent in a bundle without one: every search then loads every part.
   */
  router?: { digest: string; shards: number };
}

/** Result orders: by relevance (Pagefind's ranking), or by date. */
export const SEARCH_SORTS = ['relevance', 'newest', 'oldest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/**
 * Longest query searched, in characters. Names, schools and honours are a few characters;
 * a pasted paragraph is cut here rather than sent whole (each word costs an index chunk).
 */
export const MAX_QUERY_LENGTH = 64;

/**
 * Pagefind's ranking options. A query that matches a metadata field adds that field's weight to
 * the page's score. Name forms (see search-terms.ts) outweigh body text by far, so a teacher's
 * or school's own page comes before the stories that mention the name dozens of times; titles
 * come next. Dates and image paths are metadata for display only and never boost a page.
 * @see https://pagefind.app/docs/ranking/
 */
export const SEARCH_RANKING = {
  metaWeights: {
    title: 20,
    name: 40,
    alias: 40,
    pinyin: 40,
    words: 40,
    initials: 40,
    teacher: 1,
    school: 1,
    date: 0,
    sorted: 0,
    image: 0,
    // The same values in the words a query is split into (splitSearchWords): a full name or an
    // exact title covers the whole field, so its own page comes first.
    title_words: 20,
    name_words: 40,
    people: 10,
    writer: 1,
    chapters: 1,
    facts: 2,
    // A story's themes are its editors' tags: a story tagged with the theme searched comes first.
    themes: 5,
  },
} as const;

export interface SearchState {
  /** The query as the reader typed it (trimmed, at most MAX_QUERY_LENGTH characters). */
  q: string;
  /** True when the query was longer than MAX_QUERY_LENGTH and was cut. */
  truncated: boolean;
  filters: Partial<Record<SearchFilterKey, string[]>>;
  sort: SearchSort;
}

const isFilterKey = (key: string): key is SearchFilterKey => (SEARCH_FILTER_KEYS as readonly string[]).includes(key);
const isSort = (value: string): value is SearchSort => (SEARCH_SORTS as readonly string[]).includes(value);

/** Cuts a string to `max` characters without splitting a surrogate pair. */
function cut(value: string, max: number): string {
  const chars = Array.from(value);
  return chars.length > max ? chars.slice(0, max).join('') : value;
}

/** Reads the state from a query string; unknown keys and values are ignored. */
export function readSearchState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filters: SearchState['filters'] = {};
  for (const [key, raw] of params) {
    const value = cut(raw.trim(), MAX_QUERY_LENGTH);
    if (!isFilterKey(key) || value === '') continue;
    const values = (filters[key] ??= []);
    if (!values.includes(value)) values.push(value);
  }
  const sort = params.get('sort') ?? '';
  const q = (params.get('q') ?? '').replace(/\s+/g, ' ').trim();
  return {
    q: cut(q, MAX_QUERY_LENGTH),
    truncated: Array.from(q).length > MAX_QUERY_LENGTH,
    filters,
    sort: isSort(sort) ? sort : 'relevance',
  };
}

/** Writes the state as a query string (without `?`), in a stable order, so links can be shared. */
export function writeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of SEARCH_FILTER_KEYS) {
    for (const value of state.filters[key] ?? []) params.append(key, value);
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params.toString();
}

/** True when some filter is chosen. */
export function hasFilters(state: SearchState): boolean {
  return SEARCH_FILTER_KEYS.some((key) => (state.filters[key]?.length ?? 0) > 0);
}

/** True when the state asks for a search: words to look for, or a filter. */
export function hasSomethingToSearch(state: SearchState): boolean {
  return normaliseQuery(state.q) !== '' || hasFilters(state);
}

/**
 * The query Pagefind is given: full-width letters and spaces made ordinary (NFKC: `ｔｈｙ` → `thy`),
 * punctuation and symbols turned into spaces (they are not indexed, and quotes would switch
 * Pagefind to exact-phrase search), whitespace collapsed, Latin letters lowercased. An empty
 * string means there is nothing to search for.
 */
export function normaliseQuery(raw: string): string {
  return cut(raw, MAX_QUERY_LENGTH)
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Function words that occur on every page. A query word costs the index chunk that holds it, and
 * these chunks are the largest (的 alone is most of a megabyte at 10,000 stories), while they
 * narrow nothing down. See BENCHMARKS.md, “Search”.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  '的',
  '了',
  '在',
  '这',
  '是',
  '和',
  '与',
  '及',
  '也',
  '都',
  '就',
  '着',
  '过',
  '地',
  '得',
  '之',
  '其',
  '把',
  '被',
  '让',
  '给',
  '吗',
  '呢',
  '吧',
  '啊',
]);

/**
 * The normalised query without stop-words, as the browser's word segmenter (the one Pagefind uses
 * for queries) splits it: `山里的灯` → `山里 灯`. A query made only of stop-words is kept whole.
 */
export function dropStopWords(raw: string): string {
  const query = normaliseQuery(raw);
  if (typeof Intl.Segmenter !== 'function') return query;
  let kept = '';
  for (const { segment, isWordLike } of new Intl.Segmenter('zh-CN', { granularity: 'word' }).segment(query)) {
    kept += isWordLike && !STOP_WORDS.has(segment) ? segment : ' ';
  }
  return kept.replace(/\s+/g, ' ').trim() || query;
}
