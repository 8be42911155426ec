// @ts-check
import { createHash } from 'node:crypto';
import { resolve, sep } from 'node:path';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { SHOW_CONTROLS_SCRIPT } from './src/components/search/show-controls-script.ts';
import { adminPage } from './src/integrations/admin.ts';
import { contentChecks, failOnLoggedErrors } from './src/content-input/astro/check-integration.ts';
import { contentImports } from './src/content-input/astro/content-imports.ts';
import { permanentUrls } from './src/content-input/astro/permanent-urls.ts';
import searchIndex from './src/integrations/search-index.ts';
import { shareCardCache } from './src/render/share-card/cache-integration.ts';
import { sitemapWithLastmod } from './src/integrations/sitemap.ts';
import { staleOutput } from './src/integrations/stale-output.ts';
import { unchangedBuild } from './src/integrations/unchanged-build.ts';

const site = process.env.SITE_URL ?? 'https://yangwang.example.org';
// The benchmarks build synthetic corpora from another folder; the site always uses `content/`.
const contentDir = process.env.YANGWANG_CONTENT_DIR ?? 'content';

/** Folders the benchmarks, checks and the book write into, which `npm run dev` does not watch. */
const GENERATED_FOLDERS = ['.bench', '.repro', '.incremental', '.proto', 'dist', 'dist-book'].map((name) => resolve(name));
const unchanged = unchangedBuild();
const isGeneratedFolder = (/** @type {string} */ path) =>
  GENERATED_FOLDERS.some((folder) => path === folder || path.startsWith(`${folder}${sep}`));

export default defineConfig({
  site,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Pages render four at a time: while sharp draws one page's share image on another core
    // (off the main thread), the next pages render instead of waiting. A profile of a
    // 3,000-story build found the main thread idle for over half of the page phase.
    concurrency: 4,
  },
  // A separate cache lets a test build a copy of the content without touching the main build's.
  ...(process.env.YANGWANG_CACHE_DIR ? { cacheDir: process.env.YANGWANG_CACHE_DIR } : {}),
  // Astro logs some problems (a missing reference, an image it could not process) and exits 0;
  // this log destination remembers them so the build can fail on them.
  logger: { entrypoint: './src/content-input/astro/log-guard.mjs' },
  // unchanged.check first: a build of exactly what was built last time ends at once (unchanged.record,
  // last, records each successful build).
  // contentImports next: Astro's image list in .astro/ must belong to this build's content store.
  // contentChecks next: a build with bad content stops before anything is rendered.
  // permanentUrls reads the editors' redirects before, and checks published URLs after the build.
  // searchIndex after the pages: it indexes the finished dist/.
  // adminPage writes the web editor (dist/admin/) once the pages, URLs and index are done.
  // failOnLoggedErrors last: it sees everything every other integration logged.
  integrations: [
    unchanged.check,
    contentImports(),
    contentChecks(),
    mdx(),
    shareCardCache(),
    sitemapWithLastmod(),
    permanentUrls({ contentDir }),
    searchIndex(),
    adminPage(),
    staleOutput(),
    failOnLoggedErrors(),
    unchanged.record,
  ],
  vite: {
    server: {
      // `npm run dev` watches the project folder: not the folders the benchmarks, the checks and the
      // book write, except the content being served (a benchmark serves a corpus in .bench/). At
      // 10,000 stories .bench/ holds some 300,000 files, past Linux's limit of file watchers
      // (ENOSPC), and the server then stopped seeing saved stories.
      watch: { ignored: (/** @type {string} */ path) => isGeneratedFolder(path) && !path.startsWith(`${resolve(contentDir)}${sep}`) },
    },
  },
  image: {
    // Images are local files only; nothing is fetched from other hosts.
    remotePatterns: [],
    // AVIF at sharp's effort 2 instead of 4: about 8× faster to encode for ~15% more bytes
    // (measured in scripts/bench); image encoding is most of a clean build's time.
    service: { entrypoint: 'astro/assets/services/sharp', config: { avif: { effort: 2 } } },
  },
  devToolbar: { enabled: false },
  experimental: {
    // A page whose getStaticPaths() entry has a cacheKey is restored from the previous build
    // (node_modules/.astro/) when that key and the code it imports are unchanged. Every route's
    // key is the digest of all it shows (src/data/routes/, src/lib/route-digest.ts).
    incrementalBuild: true,
    // Astro's content store in chunks instead of one file, only when YANGWANG_COLLECTION_STORAGE=chunked:
    // at 1,000 stories it lowered no peak memory beyond noise and cost rebuild CPU (BENCHMARKS.md).
    ...(process.env.YANGWANG_COLLECTION_STORAGE === 'chunked' ? { collectionStorage: /** @type {const} */ ('chunked') } : {}),
  },
  // No code blocks in the site's pages; Shiki's inline styles would need 'unsafe-inline' (CSP).
  markdown: { syntaxHighlight: false },
  security: {
    // A Content-Security-Policy <meta> on every page: scripts and styles only from this site or
    // inline with the hash Astro computes for each page; WebAssembly for Pagefind's search; nothing
    // from any other origin. `frame-ancestors` cannot be set in a <meta>: public/_headers sends it.
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
      ],
      scriptDirective: {
        resources: ["'self'", "'wasm-unsafe-eval'"],
        // The one inline script Astro does not hash itself (src/components/search/show-controls-script.ts).
        hashes: [`sha256-${createHash('sha256').update(SHOW_CONTROLS_SCRIPT).digest('base64')}`],
      },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
