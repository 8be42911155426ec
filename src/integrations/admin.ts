/**
 * The web editor at /admin/ (Decap CMS): after the build, writes `dist/admin/` — a page with its
 * own Content-Security-Policy and `noindex`, the editor's code bundled from npm (never a CDN),
 * its lazy chunks and WebAssembly, and `config.json` generated from the schemas. It is not an
 * Astro route, so it is in no sitemap, search index or list of published URLs.
 * `npm run admin` writes the same files for an editor's own machine (scripts/admin.ts).
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cachedBundle } from '../lib/cached-bundle.ts';
import { CMS_COLLECTIONS, CMS_FORMAT, createCmsConfig, getEntryShape } from '../../scripts/lib/cms-config.ts';
import { CMS_BACKEND, type CmsBackend } from '../config/cms.ts';
import { ADMIN } from '../i18n/zh-CN.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The folder of Astro's cache where the bundled editor is kept. */
export const ADMIN_CACHE_FOLDER = 'admin-bundle';

/** The admin page's policy: Decap's code from this origin; it injects its styles at run time. */
export function getAdminCsp(backend: CmsBackend = CMS_BACKEND): string {
  const servers = [backend.api_root, backend.base_url].filter((u): u is string => Boolean(u)).map((u) => new URL(u).origin);
  const git = [...new Set(backend.name === 'github' ? [...servers, 'https://api.github.com'] : servers)];
  return [
    "default-src 'self'",
    // AJV (Decap's configuration check) compiles its validators with new Function().
    "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
    // Emotion (Decap's styling) writes <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    // Previews of images read from the repository are blob: and data: URLs.
    "img-src 'self' blob: data:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    // Decap reads uploaded and repository images back through blob: URLs.
    `connect-src 'self' blob: ${git.join(' ')}`.trim(),
    "worker-src 'self' blob:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** The admin page (index.html). */
export function formatAdminPage(csp: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="content-security-policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="same-origin">
<title>${ADMIN.title}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<script src="./main.js" defer></script>
</head>
<body>
<noscript>${ADMIN.noscript}</noscript>
</body>
</html>
`;
}

export interface WriteAdminOptions {
  /** The folder to write (dist/admin or a folder of `npm run admin`). */
  outDir: string;
  /** The content folder, relative to the project root. */
  contentDir?: string;
  backend?: CmsBackend;
  /** Where the bundled editor is kept between builds (src/lib/cached-bundle.ts); none when absent. */
  cacheDir?: string;
}

/** Writes the web editor's files; resolves to whether its bundle came from the cache. */
export async function writeAdmin(options: WriteAdminOptions): Promise<boolean> {
  const { outDir } = options;
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const require = createRequire(import.meta.url);
  const decapDir = dirname(require.resolve('decap-cms-app/dist/decap-cms-app.js'));
  const reused = await cachedBundle(
    {
      entryPoints: [join(ROOT, 'src/admin/main.ts')],
      outfile: join(outDir, 'main.js'),
      bundle: true,
      minify: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      legalComments: 'none',
      charset: 'utf8',
      logLevel: 'warning',
      // The UMD build of decap-cms-app (it leaves React to the page: bundled here from npm).
      alias: { 'decap-cms-app': join(decapDir, 'decap-cms-app.js') },
      define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    },
    options.cacheDir && join(options.cacheDir, ADMIN_CACHE_FOLDER),
  );
  // Decap's lazy chunks and WebAssembly, loaded from next to main.js.
  for (const name of readdirSync(decapDir)) {
    if (/^\d+\.decap-cms-app\.js$|\.wasm$/.test(name)) copyFileSync(join(decapDir, name), join(outDir, name));
  }
  const contentDir = options.contentDir ?? 'content';
  const backend = options.backend ?? CMS_BACKEND;
  const config = {
    cms: createCmsConfig({
      root: ROOT,
      contentDir,
      backend,
      ...(options.cacheDir && { fieldDocsCacheFile: join(options.cacheDir, ADMIN_CACHE_FOLDER, 'field-docs.json') }),
    }),
    shapes: Object.fromEntries(CMS_COLLECTIONS.map((c) => [c, getEntryShape(c)])),
    formats: Object.fromEntries(CMS_COLLECTIONS.map((c) => [c, `${CMS_FORMAT}-${c}`])),
  };
  writeFileSync(join(outDir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
  writeFileSync(join(outDir, 'index.html'), formatAdminPage(getAdminCsp(backend)));
  return reused;
}

/** The build hook: dist/admin/ after the pages. */
export function adminPage(options: { contentDir?: string } = {}): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: 'yangwang:admin',
    hooks: {
      'astro:config:setup': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = join(fileURLToPath(dir), 'admin');
        const reused = await writeAdmin({
          outDir,
          ...(options.contentDir ? { contentDir: options.contentDir } : {}),
          ...(cacheDir && { cacheDir }),
        });
        logger.info(`内容编辑器已写入 admin/${reused ? '（脚本沿用缓存）' : ''}`);
      },
    },
  };
}
