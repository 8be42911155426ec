/**
 * The permanent URLs a build of this content will produce, known before anything is rendered:
 * the site's fixed pages and feeds, and one page per entry (a volume also gets its print edition
 * and its feed; draft stories get none). The content check uses this to check redirects, the
 * published URLs and links between the site's own pages before the build; the built `dist/` is
 * checked again afterwards (tree/built-site.ts), and a test compares this list with a real build.
 * Keep it in step with src/pages/ (the same URLs as `getPermanentUrl` in permanent-urls.ts).
 */
import type { EntryFacts } from './cross-entries.ts';

/** Pages and feeds that do not depend on the content. */
export const FIXED_PAGES: readonly string[] = [
  '/',
  '/about/',
  '/atom.xml',
  '/collections/',
  '/guide/',
  '/honours/',
  '/rss.xml',
  '/schools/',
  '/search/',
  '/sitemap-index.xml',
  '/stories/',
  '/teachers/',
];

/** The URLs of the pages one entry makes. */
export function getEntryPages(entry: Pick<EntryFacts, 'collection' | 'id' | 'data'>): string[] {
  const { id } = entry;
  switch (entry.collection) {
    case 'stories':
      return (entry.data as { draft?: unknown } | undefined)?.draft === true ? [] : [`/stories/${id}/`];
    case 'teachers':
      return [`/teachers/${id}/`];
    case 'schools':
      return [`/schools/${id}/`];
    case 'honours':
      return [`/honours/${id}/`];
    case 'volumes':
      return [`/collections/${id}/`, `/collections/${id}/print/`, `/collections/${id}/rss.xml`];
  }
}

/** Every permanent URL the site will have. */
export function getSitePages(entries: readonly Pick<EntryFacts, 'collection' | 'id' | 'data'>[]): Set<string> {
  const pages = new Set(FIXED_PAGES);
  for (const entry of entries) for (const url of getEntryPages(entry)) pages.add(url);
  return pages;
}
