/**
 * Tells the share-image renderer (draw-card.ts) where Astro keeps its cache, so the
 * rendered cards live next to Astro's own optimised images: one folder per build setup
 * (a benchmark corpus, a reproducibility build), cleared together with Astro's cache. The pages
 * run in Vite's module graph, not this one, so the folder is handed over as a constant Vite
 * writes into the renderer's code (`define`), not through a variable of the process.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The constant the renderer reads (declared in draw-card.ts). */
export const SHARE_CACHE_CONSTANT = '__YANGWANG_SHARE_CACHE_DIR__';

export function shareCardCache(): AstroIntegration {
  return {
    name: 'yangwang:share-card-cache',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const folder = join(fileURLToPath(config.cacheDir), 'share-images');
        updateConfig({ vite: { define: { [SHARE_CACHE_CONSTANT]: JSON.stringify(folder) } } });
      },
    },
  };
}
