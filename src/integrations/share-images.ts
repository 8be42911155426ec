/**
 * Tells the share-image renderer (src/render/share-image.ts) where Astro keeps its cache, so the
 * rendered cards live next to Astro's own optimised images: one folder per build setup
 * (a benchmark corpus, a reproducibility build), cleared together with Astro's cache.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The environment variable the renderer reads. */
export const SHARE_CACHE_VARIABLE = 'YANGWANG_SHARE_CACHE_DIR';

export function shareImages(): AstroIntegration {
  return {
    name: 'yangwang:share-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        // The pages are rendered in this same process, after this hook.
        process.env[SHARE_CACHE_VARIABLE] = join(fileURLToPath(config.cacheDir), 'share-images');
      },
    },
  };
}
