/**
 * `@astrojs/sitemap`, with `lastmod` for every page that states when it last changed. The date
 * comes from the built page itself (`article:modified_time`, written by the SEO head from the
 * story's updated or published date), so the sitemap and the page can never disagree. Redirect
 * pages and non-page files are left out.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';

/** The `article:modified_time` of a built page, or undefined. */
export function readModifiedTime(html: string): string | undefined {
  return /<meta property="article:modified_time" content="([^"]+)"/.exec(html)?.[1];
}

/** The sitemap integration plus the small one that tells it where the built pages are. */
export function sitemapWithLastmod(): AstroIntegration[] {
  let outDir = '';
  const locate: AstroIntegration = {
    name: 'yangwang:sitemap-outdir',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
    },
  };
  return [
    locate,
    sitemap({
      filter: (url) => url.endsWith('/'),
      serialize(item) {
        const file = join(outDir, decodeURI(new URL(item.url).pathname), 'index.html');
        if (!existsSync(file)) return item;
        const html = readFileSync(file, 'utf-8');
        if (html.includes('<meta http-equiv="refresh"')) return undefined;
        const modified = readModifiedTime(html);
        return modified ? { ...item, lastmod: modified } : item;
      },
    }),
  ];
}
