/** Reading the built site: pages, their HTML, and the links in them. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const DIST = join(process.cwd(), 'dist');

/** Every file under dist/, as paths relative to it. */
export function listDistFiles(dir = DIST): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listDistFiles(full));
    else out.push(relative(DIST, full).split('\\').join('/'));
  }
  return out;
}

/**
 * Every HTML page of the site, as `{ path, url, html }`; url is the site path (`/stories/x/`).
 * The web editor (dist/admin/) is not a page of the site: tests/build/admin.test.ts covers it.
 */
export function listPages(): { path: string; url: string; html: string }[] {
  return listDistFiles()
    .filter((f) => f.endsWith('.html') && !f.startsWith('admin/'))
    .map((path) => ({
      path,
      url: `/${path.replace(/(^|\/)index\.html$/, '$1')}`,
      html: readFileSync(join(DIST, path), 'utf-8'),
    }));
}

/** The HTML of the page at a site path. */
export function readPage(url: string): string {
  const file = join(DIST, url, url.endsWith('/') ? 'index.html' : '');
  return readFileSync(file, 'utf-8');
}

/** Does a site path (`/a/b/`, `/x.png`) exist in dist/? */
export function existsInDist(url: string): boolean {
  const clean = decodeURI(url.split('#')[0]?.split('?')[0] ?? '');
  const file = join(DIST, clean);
  if (clean.endsWith('/')) return existsSync(join(file, 'index.html'));
  return existsSync(file) && statSync(file).isFile();
}

/** Values of an attribute on matching tags. */
export function getAttributes(html: string, tag: string, attribute: string): string[] {
  const values: string[] = [];
  const tagPattern = new RegExp(`<${tag}\\b[^>]*>`, 'g');
  const attrPattern = new RegExp(`\\s${attribute}="([^"]*)"`);
  for (const match of html.matchAll(tagPattern)) {
    const value = attrPattern.exec(match[0])?.[1];
    if (value !== undefined) values.push(value.replace(/&amp;/g, '&'));
  }
  return values;
}

/** Ids in the page, for checking #fragments. */
export function getIds(html: string): Set<string> {
  return new Set(getAttributes(html, '[a-z0-9-]+', 'id'));
}
