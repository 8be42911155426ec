/**
 * The second net after the build: every URL in `<content>/published-urls.txt` must still be
 * produced or redirected by the built `dist/`, and every redirect must lead to a page of it.
 * The content check runs the same rules before the build on the pages the content will make
 * (rules/site-pages.ts); this catches what that prediction could miss. Also used by
 * `npm run urls:update` to list the new pages.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../../lib/list-files.ts';
import { getUrlFiles, loadRedirects, toDisplayPath } from '../entry/redirects-file.ts';
import { checkPermanentUrls, findUnlistedUrls, formatUrlProblems, getPermanentUrl, parsePublishedUrls } from '../rules/permanent-urls.ts';

/** True for the page Astro writes for a redirect in a static build. */
function isRedirectPage(file: string): boolean {
  // Only the start is read: Astro's redirect page has the tag in its first few hundred bytes, and
  // reading every page whole cost 2 s at 10,000 stories.
  const head = Buffer.alloc(600);
  const fd = openSync(file, 'r');
  try {
    const length = readSync(fd, head, 0, head.length, 0);
    return head.toString('latin1', 0, length).includes('<meta http-equiv="refresh"');
  } finally {
    closeSync(fd);
  }
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
  const problems = [...parsed.problems, ...checkPermanentUrls({ published: parsed.urls, produced, redirects, files: display })];
  const unlisted =
    listText === undefined
      ? []
      : findUnlistedUrls(
          parsed.urls.map((u) => u.url),
          produced,
        );
  return problems.length ? { error: formatUrlProblems(problems), unlisted } : { unlisted };
}
