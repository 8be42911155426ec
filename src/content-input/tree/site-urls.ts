/**
 * The site's addresses, checked before the build: the editors' redirects (`redirects.yaml`:
 * schema, loops, targets that are not pages), the published URLs (`published-urls.txt`: each
 * must still be a page or be redirected) and the links between the site's own pages inside
 * stories and profiles, all against the pages the content will make (rules/site-pages.ts).
 */
import { resolve } from 'node:path';
import { getUrlFiles, loadPublishedUrls, loadRedirects } from '../entry/redirects-file.ts';
import type { ContentProblem } from '../problem.ts';
import type { EntryFacts } from '../rules/cross-entries.ts';
import { checkPermanentUrls, type UrlProblem } from '../rules/permanent-urls.ts';
import { checkSiteLink } from '../rules/site-links.ts';
import { getSitePages } from '../rules/site-pages.ts';

/** A link written in an entry's body. */
export interface SiteLink {
  file: string;
  line: number;
  url: string;
}

export function checkSiteUrls(
  root: string,
  contentDir: string,
  entries: readonly EntryFacts[],
  links: readonly SiteLink[],
): ContentProblem[] {
  const absolute = getUrlFiles(resolve(root, contentDir));
  const display = { list: `${contentDir}/published-urls.txt`, redirects: `${contentDir}/redirects.yaml` };
  const loaded = loadRedirects(absolute.redirects, display.redirects);
  const published = loadPublishedUrls(absolute.list, display.list);
  const pages = getSitePages(entries);
  const toProblem = (p: UrlProblem): ContentProblem => ({ file: p.file, line: p.line, field: p.url, message: p.message });

  const problems: ContentProblem[] = [...loaded.problems, ...(published?.problems ?? []).map(toProblem)];
  // With a redirects file that cannot be read, every redirected address would look lost.
  if (!loaded.problems.length) {
    problems.push(
      ...checkPermanentUrls({ published: published?.urls ?? [], produced: pages, redirects: loaded.redirects, files: display }).map(
        toProblem,
      ),
    );
  }
  const redirected = new Set(loaded.redirects.map((r) => r.from));
  for (const link of links) {
    const message = checkSiteLink(link.url, pages, redirected);
    if (message) problems.push({ file: link.file, line: link.line, field: '链接', message });
  }
  return problems;
}
