/**
 * The part router: which parts of the search index can hold pages for a query, so the browser
 * loads only those (src/components/search/search-run.ts). Pure; used by the build
 * (src/integrations/search-router-build.ts) and in the browser.
 *
 * Pagefind finds a page when every word of the query is a prefix of a word it indexed for the
 * page (pagefind_web/src/search.rs, `find_word_extensions`; words are ANDed). It splits the query
 * into words with the browser's `Intl.Segmenter`; Chinese pages are indexed as dictionary words,
 * character pairs and single characters. So a page that contains a Chinese query word contains
 * every pair of adjacent characters of that word (or, for a one-character word, that character),
 * and a page that has a Latin or pinyin word starting with the query word has a word starting with
 * its first three letters. The router records, for each part, these keys of everything Pagefind
 * indexes for its pages: Han characters, pairs of Han characters that follow each other (anything
 * between them ignored, so pairs across elements and punctuation are kept), and the one- to
 * three-letter prefixes of every Latin, pinyin or number word. A query's keys (`queryKeys`) are a
 * *necessary* condition: a part without one of them holds no page whose text contains the query.
 *
 * Pagefind also has a fallback: when no indexed word of a part starts with a query word, it takes
 * the longest indexed word that is a prefix of it (`find_word_extensions`, “checking the
 * inverse”): 潘守仁 in a part without that name finds pages with 潘守. Those pages do not contain
 * the query; the router leaves out such parts, so a routed search finds a subset of what searching
 * every part finds, and never loses a page that contains the query.
 *
 * The keys are written as shards (`routerShardCount`) (a key's shard is a hash of the key), each a
 * JSON object from a part mask (hexadecimal, bit i = part i of `yangwang-parts.json`) to the keys
 * with that mask, joined by spaces.
 */

import { dropStopWords } from './search-query.ts';

const HAN = /\p{Script=Han}/u;
const HAN_GLOBAL = /\p{Script=Han}/gu;
/** A run of letters and digits that are not Han, with the punctuation that may join its pieces. */
const WORDISH = /[^\s\p{Script=Han}]+/gu;
const ALNUM_RUN = /[\p{L}\p{N}]+/gu;
/** Where letters meet digits inside a run (Pagefind may index `5g` as `5` and `g`). */
const LETTER_DIGIT = /(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u;

/** Text that folding leaves alone but for case: ASCII, general and CJK punctuation, CJK ideographs. */
const FOLDS_TO_ITSELF =
  /^[\t\n\r\x20-\x7e\u00b7\u00d7\u2010-\u2027\u2030-\u205e\u3000-\u303f\u4e00-\u9fff\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]*$/;
/** A word of letters only or digits only: its prefixes are all its keys. */
const PLAIN_WORD = /^(?:[a-z]+|[0-9]+)$/;

/** Longest prefix of a Latin, pinyin or number word kept as a key. */
export const PREFIX_LETTERS = 3;

/** Case, width and diacritics folded the way Pagefind folds a query (`normalizeDiacritics`). */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

/** Adds the 1- to 3-letter prefixes of a word. */
function addPrefixes(word: string, keys: Set<string>): void {
  if (PLAIN_WORD.test(word)) {
    for (let n = 1; n <= Math.min(PREFIX_LETTERS, word.length); n++) keys.add(word.slice(0, n));
    return;
  }
  const chars = Array.from(word);
  for (let n = 1; n <= Math.min(PREFIX_LETTERS, chars.length); n++) keys.add(chars.slice(0, n).join(''));
}

/**
 * Adds the keys of text Pagefind indexes (body text, metadata and filter values) to `keys`.
 * Pieces of text may be given one at a time: Han pairs are formed across calls through `state`.
 */
export function addTextKeys(text: string, keys: Set<string>, state: { lastHan?: string } = {}): void {
  // Chinese text with ASCII and common punctuation is its own folded form but for case.
  const folded = FOLDS_TO_ITSELF.test(text) ? text.toLowerCase() : foldText(text);
  for (const match of folded.matchAll(HAN_GLOBAL)) {
    const char = match[0];
    keys.add(char);
    if (state.lastHan !== undefined) keys.add(state.lastHan + char);
    state.lastHan = char;
  }
  for (const token of folded.matchAll(WORDISH)) {
    const word = token[0];
    if (PLAIN_WORD.test(word)) {
      addPrefixes(word, keys);
      continue;
    }
    const runs = Array.from(word.matchAll(ALNUM_RUN), (m) => m[0]);
    if (runs.length === 0) continue;
    // Pagefind indexes `tang-haoying` whole (without the hyphen) and in pieces.
    addPrefixes(runs.join(''), keys);
    for (const run of runs) {
      addPrefixes(run, keys);
      for (const piece of run.split(LETTER_DIGIT)) addPrefixes(piece, keys);
    }
  }
}

/** Keys of a whole text (tests and small inputs). */
export function textKeys(text: string): Set<string> {
  const keys = new Set<string>();
  addTextKeys(text, keys);
  return keys;
}

const PUNCTUATION = /^(?:\p{Pd}|\p{Pe}|\p{Pf}|\p{Pi}|\p{Po}|\p{Ps})$/u;

/**
 * The words Pagefind searches for a term, split as its browser code splits a Chinese query
 * (pagefind_web_js/lib/coupled_search.ts: words by `Intl.Segmenter`, punctuation left out,
 * lower case, diacritics folded).
 */
export function pagefindWords(term: string): string[] {
  const words: string[] = [];
  if (typeof Intl.Segmenter !== 'function') return foldText(term).split(/\s+/).filter(Boolean);
  const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const graphemes = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });
  for (const { segment } of segmenter.segment(term)) {
    const kept = Array.from(graphemes.segment(segment), (g) => g.segment)
      .filter((g) => !PUNCTUATION.test(g))
      .join('');
    words.push(...foldText(kept).split(/\s+/).filter(Boolean));
  }
  return words;
}

/**
 * The keys a page must have for Pagefind to find it with this query word: the pairs of its Han
 * characters (its character, when it has one), and the first three letters of each of its runs
 * of other letters and digits.
 */
export function wordKeys(word: string): string[] {
  const keys = new Set<string>();
  const han = Array.from(word).filter((c) => HAN.test(c));
  if (han.length === 1) keys.add(han[0] as string);
  for (let i = 1; i < han.length; i++) keys.add(`${han[i - 1]}${han[i]}`);
  for (const run of word.replace(HAN_GLOBAL, ' ').match(ALNUM_RUN) ?? []) keys.add(Array.from(run).slice(0, PREFIX_LETTERS).join(''));
  return [...keys];
}

/**
 * The key of a page's whole title or name (its `title`, `name` and `alias` metadata), in the form a
 * query takes after the search page's clean-up (search-query.ts `dropStopWords`), spaces removed:
 * the part holding a story whose exact title is searched is searched first.
 */
export function exactKey(text: string): string {
  return `=${foldText(dropStopWords(text)).replace(/\s+/g, '')}`;
}

/** Metadata whose whole value is an exact key. */
export const EXACT_FIELDS: ReadonlySet<string> = new Set(['title', 'name', 'alias']);
/** Metadata listing names (a story's teachers, `宋立平、沈若竹`): each name is an exact key. */
export const EXACT_LIST_FIELDS: ReadonlySet<string> = new Set(['teacher']);
/** How such a list is separated. */
export const NAME_LIST_SEPARATOR = /[、，,；;／/]/;

/**
 * Every key of a query term (what the search page gives Pagefind: the reader's words with
 * stop-words left out); none for an empty term. Each space-separated piece of the term is part of
 * what the reader typed, so a page that contains the query contains the piece whole: its keys are
 * the pairs of all its characters, even where Pagefind's word split cuts it (潘守仁 → 潘 守仁 for
 * Pagefind, 潘守 and 守仁 here). Pages that have 潘 and 守仁 apart, which Pagefind also matches,
 * do not contain the query; a part holding only such pages is not searched.
 */
export function queryKeys(term: string): string[] {
  const pieces = term.split(/\s+/).map((piece) => pagefindWords(piece).join(''));
  return [...new Set(pieces.filter(Boolean).flatMap(wordKeys))].sort();
}

/** Keys in a shard, about: a shard of this many keys is a few kilobytes, one request. */
export const KEYS_PER_SHARD = 512;

/** How many shards for this many keys: a power of two, from 16 to 4,096. */
export function routerShardCount(keys: number): number {
  let shards = 16;
  while (shards < 4096 && shards * KEYS_PER_SHARD < keys) shards *= 2;
  return shards;
}

/** A key's shard (FNV-1a over its UTF-16 code units). */
export function shardOf(key: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return hash % shards;
}

/** One shard: part mask (hexadecimal) → the keys with that mask, sorted, joined by spaces. */
export type RouterShard = Record<string, string>;

/** The file of shard `i`, relative to the bundle (under the router's content digest). */
export function routerShardPath(digest: string, shard: number): string {
  return `router/${digest}/${shard.toString(16).padStart(3, '0')}.json`;
}

/** The mask of each key in a shard. */
export function readShard(shard: RouterShard): Map<string, bigint> {
  const masks = new Map<string, bigint>();
  for (const [mask, keys] of Object.entries(shard)) {
    const value = BigInt(`0x${mask}`);
    for (const key of keys.split(' ')) if (key) masks.set(key, value);
  }
  return masks;
}

/**
 * The parts a query must search, as part indexes in ascending order: the parts that have every
 * key (Pagefind ANDs a query's words). `undefined` keys (no usable key) mean every part.
 */
export function routeParts(keys: readonly string[], maskOf: (key: string) => bigint, partCount: number): number[] {
  let mask = (1n << BigInt(partCount)) - 1n;
  for (const key of keys) mask &= maskOf(key);
  const parts: number[] = [];
  for (let i = 0; i < partCount; i++) if ((mask >> BigInt(i)) & 1n) parts.push(i);
  return parts;
}
