/**
 * Keeps Astro's two generated import lists of the content (`.astro/content-assets.mjs`: every image
 * an entry refers to; `.astro/content-modules.mjs`) in step with the content store being built.
 *
 * Astro keeps the content store in the cache folder (`cacheDir`, one per build setup: the site's,
 * each benchmark's, each check's), but writes those two lists into the project's `.astro/` folder,
 * which all of them share, and rewrites them only when its store saw an image added or removed
 * (`writeAssetImports` in node_modules/astro/dist/content/mutable-data-store.js: "if
 * (!this.#assetsDirty && existsSync(filePath)) return"). So a rebuild in which nothing changed,
 * after a build of other content with another cache in the same checkout, bundled the other
 * content's image list: covers resolved to nothing ("找不到图片的原始文件：undefined" at 10,000
 * stories after a 1,000-story benchmark), or to files in a copy of the content that was gone.
 *
 * Before content is synced, this removes the two lists when the last build or dev server in this
 * checkout used another cache folder, content folder or command, so Astro writes them afresh from
 * its store. A rebuild with the same setup keeps them (Astro's own check applies).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { getContentDir } from '../tree/check-content.ts';

/** Astro's names (node_modules/astro/dist/content/consts.js: ASSET_IMPORTS_FILE, MODULES_IMPORTS_FILE). */
export const CONTENT_IMPORT_FILES = ['content-assets.mjs', 'content-modules.mjs'];
/** Which setup the lists in `.astro/` were last written for. */
export const CONTENT_IMPORTS_OWNER_FILE = 'yangwang-content-imports-owner.txt';

/** Removes stale import lists from `dotAstroDir` when `owner` differs from the last one recorded; returns whether it did. */
export function resetContentImports(dotAstroDir: string, owner: string): boolean {
  const stamp = join(dotAstroDir, CONTENT_IMPORTS_OWNER_FILE);
  const previous = existsSync(stamp) ? readFileSync(stamp, 'utf-8') : undefined;
  if (previous === owner) return false;
  for (const name of CONTENT_IMPORT_FILES) rmSync(join(dotAstroDir, name), { force: true });
  mkdirSync(dotAstroDir, { recursive: true });
  writeFileSync(stamp, owner);
  return true;
}

export function contentImports(): AstroIntegration {
  return {
    name: 'yangwang:content-imports',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build' && command !== 'dev') return;
        const root = fileURLToPath(config.root);
        const owner = [command, resolve(fileURLToPath(config.cacheDir)), resolve(root, getContentDir())].join('\n');
        resetContentImports(join(root, '.astro'), owner);
      },
    },
  };
}
