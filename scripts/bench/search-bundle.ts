/**
 * The search page's own search code, bundled for a benchmark page: `window.yangwangSearch(q, n)`
 * runs a query exactly as /search/ does (src/components/search/search-run.ts: query preparation,
 * the index's parts merged, the site's ranking) and returns every result's id and the first `n`
 * results' URL and excerpt. Inject it with `addScriptTag` into a page opened with `bypassCSP`.
 */
import { build } from 'esbuild';

export interface BenchSearchAnswer {
  /** Result ids (page hashes) in order. */
  ids: string[];
  top: { url: string; excerpt: string }[];
  /** The term Pagefind was given. */
  term: string;
  /** The query (stop-words kept) as the browser's word segmenter splits it. */
  browserWords: string[];
  /** Parts the query was routed to and searched for the first results, of all parts. */
  parts: { routed: number; searched: number; total: number };
  /** Result ids once every routed part is searched (what “more results” gives), when asked for. */
  allIds?: string[];
}

/** How a benchmark runs a search: with the part router (default) or loading every part, as before it. */
export interface BenchSearchOptions {
  routing?: boolean;
  /** Also search the routed parts left after the first results (`allIds`). */
  complete?: boolean;
}

export async function bundleSearch(): Promise<string> {
  const entry = `
    import { loadIndex } from './src/components/search/pagefind.ts';
    import { prepareQuery, searchPages, setRouting } from './src/components/search/search-run.ts';
    import { normaliseQuery, readSearchState } from './src/lib/search-query.ts';
    window.yangwangSearch = async (q, n, options = {}) => {
      setRouting(options.routing ?? true);
      const state = readSearchState(new URLSearchParams({ q }));
      const index = await loadIndex();
      const { term } = await prepareQuery(normaliseQuery(state.q));
      const results = await searchPages(index, term || null, state);
      const top = await results.next(n);
      const parts = { ...results.parts, total: index.parts.length };
      const ids = results.ids;
      let allIds;
      if (options.complete) {
        await results.completeAll();
        allIds = results.ids;
      }
      const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
      const browserWords = Array.from(segmenter.segment(normaliseQuery(state.q))).filter((s) => s.isWordLike).map((s) => s.segment);
      return { ids, top: top.map((d) => ({ url: d.url, excerpt: d.excerpt })), term, browserWords, parts, ...(allIds && { allIds }) };
    };`;
  const result = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    format: 'esm',
    write: false,
    platform: 'browser',
    logLevel: 'error',
  });
  return result.outputFiles[0]?.text ?? '';
}
