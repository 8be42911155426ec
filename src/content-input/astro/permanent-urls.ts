/**
 * Keeps published URLs working, inside Astro. Before the build: hands the editors' redirects
 * (`<content>/redirects.yaml`) to Astro's `redirects` (the content check has already refused a
 * build with bad ones; in `astro dev` it reports them and only the valid ones are used). After
 * the build: the second net (tree/built-site.ts), and `_redirects` for hosts that read it.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { getUrlFiles, loadRedirects, toDisplayPath } from '../entry/redirects-file.ts';
import type { Redirect } from '../rules/permanent-urls.ts';
import { checkBuiltSite } from '../tree/built-site.ts';
import { stopBuild } from './stop-build.ts';

export interface PermanentUrlsOptions {
  /** The content folder (`content`, or a benchmark corpus). */
  contentDir: string;
}

/** `_redirects` for hosts that read it (Netlify, Cloudflare Pages): real 301s instead of a refresh page. */
function writeHostRedirects(distDir: string, redirects: readonly Redirect[]): void {
  if (!redirects.length) return;
  writeFileSync(join(distDir, '_redirects'), `${redirects.map((r) => `${r.from} ${r.to} 301`).join('\n')}\n`);
}

/** The integration: redirects in, checks out. */
export function permanentUrls({ contentDir }: PermanentUrlsOptions): AstroIntegration {
  const files = getUrlFiles(contentDir);
  let redirects: Redirect[] = [];
  return {
    name: 'yangwang:permanent-urls',
    hooks: {
      'astro:config:setup': ({ updateConfig, addWatchFile }) => {
        // Problems are the content check's to report (it runs first); use what is valid.
        redirects = loadRedirects(files.redirects).redirects.map(({ from, to }) => ({ from, to }));
        if (existsSync(files.redirects)) addWatchFile(resolve(files.redirects));
        updateConfig({ redirects: Object.fromEntries(redirects.map((r) => [r.from, r.to])) });
      },
      'astro:build:done': ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        const result = checkBuiltSite(distDir, contentDir);
        if (result.error) stopBuild(`${result.error}\n\n网站构建不算成功：请改正后重新构建。`);
        writeHostRedirects(distDir, redirects);
        if (!existsSync(files.list)) {
          logger.info(`没有 ${toDisplayPath(files.list)}，跳过已发布地址的检查`);
        } else if (result.unlisted.length) {
          const shown = result.unlisted.slice(0, 10).join('、');
          const more = result.unlisted.length > 10 ? ` 等` : '';
          logger.warn(
            `${result.unlisted.length} 个新地址还没有登记为已发布：${shown}${more}。发布前请运行 npm run urls:update 并提交 ${toDisplayPath(files.list)}`,
          );
        } else {
          logger.info('已发布的地址都还在');
        }
      },
    },
  };
}
