/**
 * The cache folders: what a deploy pipeline keeps between builds so that a build after a small
 * edit renders only what changed. Without them a build is a clean build: slower, same output.
 *
 * One list for everything that names them: the README's "Deploying" section, the example CI
 * files in docs/deploy/ (tests/unit/deploy-cache.test.ts checks all three agree) and
 * `npm run check:incremental`, which keeps exactly these between its builds.
 */
export interface CacheFolder {
  /** Relative to the project root, ending in `/`. */
  path: string;
  /** What is in it (README). */
  holds: string;
}

export const CACHE_FOLDERS: readonly CacheFolder[] = [
  {
    path: 'node_modules/.astro/',
    holds:
      "Astro's cache: the incremental build's manifest (`incremental-build.json`) and its copy of every page it may restore (`dist/`), the content store (`data-store.json`) and the rendered bodies of stories and profiles (`yangwang-bodies/`), the optimised images (`assets/`), the share cards (`share-images/`), the search index's parts, the record of the pages it read and of the parts it placed in the output (`search-index/`), the web editor's bundle and its fields' descriptions (`admin-bundle/`), what each page's head told the sitemap (`yangwang-sitemap.json`) and the record of the last successful build (`yangwang-last-build.json`)",
  },
  {
    path: 'node_modules/.cache/yangwang/',
    holds: "the content check's per-file results",
  },
];
