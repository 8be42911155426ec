/**
 * Keeps published URLs working. Before the build: reads the editors' redirects
 * (`<content>/redirects.yaml`), checks them, and hands them to Astro's `redirects`. After the build:
 * every URL in `<content>/published-urls.txt` must still be produced or redirected, and every
 * redirect must lead to a page that exists; otherwise the build fails, naming the URL.
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ContentError, type ContentProblem } from '../lib/content-problem.ts';
import {
  checkPermanentUrls,
  findUnlistedUrls,
  formatUrlProblems,
  getPermanentUrl,
  parsePublishedUrls,
  type Redirect,
} from '../lib/permanent-urls.ts';
import { parseYamlSource } from '../lib/yaml-source.ts';
import { validateWithSchema } from '../loaders/validate.ts';
import { redirectsSchema, type RedirectEntry } from '../schemas/redirects.ts';

export interface PermanentUrlsOptions {
  /** The content folder (`content`, or a benchmark corpus). */
  contentDir: string;
}

/** Where the list and the redirects live for a content folder. */
export function getUrlFiles(contentDir: string): { list: string; redirects: string } {
  return { list: join(contentDir, 'published-urls.txt'), redirects: join(contentDir, 'redirects.yaml') };
}

/** Reads and checks `redirects.yaml`; a missing file means no redirects. */
export function loadRedirects(file: string): { redirects: (Redirect & { line?: number | undefined })[]; problems: ContentProblem[] } {
  if (!existsSync(file)) return { redirects: [], problems: [] };
  const display = toDisplayPath(file);
  const yaml = parseYamlSource(readFileSync(file, 'utf-8'));
  const problems: ContentProblem[] = yaml.errors.map((e) => ({ file: display, line: e.line, field: 'YAML', message: e.message }));
  // An empty file (only comments) is an empty list.
  const value = yaml.value === null || yaml.value === undefined ? (yaml.errors.length ? undefined : []) : yaml.value;
  if (value === undefined) return { redirects: [], problems };
  const checked = validateWithSchema<RedirectEntry[]>(redirectsSchema, value, display, yaml.lineOf);
  problems.push(...checked.problems);
  const redirects = (checked.data ?? []).map((r, i) => ({ from: r.from, to: r.to, line: yaml.lineOf([i, 'from']) }));
  const seen = new Map<string, number | undefined>();
  for (const r of redirects) {
    if (seen.has(r.from)) {
      problems.push({ file: display, line: r.line, field: 'from', message: `旧地址 ${r.from} 写了两次（第一次在第 ${seen.get(r.from)} 行），每个旧地址只能转到一处` });
    }
    seen.set(r.from, r.line);
  }
  return { redirects, problems };
}

/** Every file under a folder, relative to it, with `/` separators. */
function listFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full, base));
    else out.push(relative(base, full).split('\\').join('/'));
  }
  return out;
}

/** True for the page Astro writes for a redirect in a static build. */
function isRedirectPage(file: string): boolean {
  return /<meta http-equiv="refresh"/.test(readFileSync(file, 'utf-8').slice(0, 600));
}

/** The permanent URLs of a built site: real pages and feeds, redirect pages left out. */
export function listBuiltUrls(distDir: string): Set<string> {
  const urls = new Set<string>();
  for (const file of listFiles(distDir)) {
    const url = getPermanentUrl(file);
    if (url && !(file.endsWith('.html') && isRedirectPage(join(distDir, file)))) urls.add(url);
  }
  return urls;
}

/** Checks a built site; returns the message to fail with, or undefined when all is well. */
export function checkBuiltSite(distDir: string, contentDir: string): { error?: string; unlisted: string[] } {
  const files = getUrlFiles(contentDir);
  const display = { list: toDisplayPath(files.list), redirects: toDisplayPath(files.redirects) };
  const { redirects } = loadRedirects(files.redirects);
  const produced = listBuiltUrls(distDir);
  const listText = existsSync(files.list) ? readFileSync(files.list, 'utf-8') : undefined;
  const parsed = listText === undefined ? { urls: [], problems: [] } : parsePublishedUrls(listText, display.list);
  const problems = [
    ...parsed.problems,
    ...checkPermanentUrls({ published: parsed.urls, produced, redirects, files: display }),
  ];
  const unlisted = listText === undefined ? [] : findUnlistedUrls(parsed.urls.map((u) => u.url), produced);
  return problems.length ? { error: formatUrlProblems(problems), unlisted } : { unlisted };
}

/** `_redirects` for hosts that read it (Netlify, Cloudflare Pages): real 301s instead of a refresh page. */
function writeHostRedirects(distDir: string, redirects: readonly Redirect[]): void {
  if (!redirects.length) return;
  writeFileSync(join(distDir, '_redirects'), `${redirects.map((r) => `${r.from} ${r.to} 301`).join('\n')}\n`);
}

function toDisplayPath(file: string): string {
  return relative(process.cwd(), resolve(file)).split('\\').join('/') || file;
}

/** The integration: redirects in, checks out. */
export function permanentUrls({ contentDir }: PermanentUrlsOptions): AstroIntegration {
  const files = getUrlFiles(contentDir);
  let redirects: Redirect[] = [];
  return {
    name: 'yangwang:permanent-urls',
    hooks: {
      'astro:config:setup': ({ updateConfig, addWatchFile }) => {
        const loaded = loadRedirects(files.redirects);
        if (loaded.problems.length) throw new ContentError(loaded.problems);
        redirects = loaded.redirects.map(({ from, to }) => ({ from, to }));
        if (existsSync(files.redirects)) addWatchFile(resolve(files.redirects));
        updateConfig({ redirects: Object.fromEntries(redirects.map((r) => [r.from, r.to])) });
      },
      'astro:build:done': ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        const result = checkBuiltSite(distDir, contentDir);
        if (result.error) throw new Error(result.error);
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
