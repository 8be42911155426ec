/**
 * The web editor as built into dist/admin/: its own page and policy, its code and translations
 * from this site (no CDN), out of search engines, the sitemap, the search index and the list of
 * published URLs. (tests/e2e/admin.test.ts drives it in a browser.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CMS_BACKEND } from '../../src/config/cms.ts';
import { getAdminCsp } from '../../src/integrations/admin.ts';
import { listBuiltUrls } from '../../src/content-input/tree/built-site.ts';
import { DIST, existsInDist, listDistFiles } from './dist.ts';
import { findThirdPartyUrls } from './third-party.ts';

const read = (path: string) => readFileSync(join(DIST, path), 'utf-8');
const page = read('admin/index.html');

describe('/admin/', () => {
  it('is a page of its own: noindex, its own policy before any script, Chinese title', () => {
    expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(page).toContain(`<meta http-equiv="content-security-policy" content="${getAdminCsp()}">`);
    expect(page.indexOf('content-security-policy')).toBeLessThan(page.indexOf('<script'));
    expect(page).toMatch(/<html lang="zh-CN">/);
    expect(page).toMatch(/<title>[^<]*\p{Script=Han}/u);
  });

  it('its policy loads code only from this site and talks only to this site and the bureau’s git server', () => {
    const policy = getAdminCsp();
    const sources = policy.split(';').flatMap((d) => d.trim().split(/\s+/).slice(1));
    const origins = sources.filter((s) => /^https?:/.test(s));
    expect(origins).toEqual([new URL(CMS_BACKEND.api_root ?? '').origin]);
    expect(policy).toMatch(/script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval';/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).toContain("object-src 'none'");
  });

  it('loads nothing from another origin; its code, chunks and config are files of this site', () => {
    expect(findThirdPartyUrls(page, 'https://yangwang.example.org')).toEqual([]);
    const files = listDistFiles().filter((f) => f.startsWith('admin/'));
    expect(files).toContain('admin/main.js');
    expect(files).toContain('admin/config.json');
    expect(files.some((f) => f.endsWith('.wasm'))).toBe(true);
    // Decap's translations are in its bundle: the Chinese interface needs no download.
    expect(read('admin/main.js').includes('快速新建')).toBe(true);
    const config = JSON.parse(read('admin/config.json')) as { cms: { locale: string; local_backend?: unknown } };
    expect(config.cms.locale).toBe('zh_Hans');
    // The local repository mode is only switched on by `npm run admin`'s server.
    expect(config.cms.local_backend).toBeUndefined();
  });

  it('is disallowed in robots.txt, sent with X-Robots-Tag, and in no sitemap, search index or published-URL list', () => {
    expect(read('robots.txt')).toMatch(/^Disallow: \/admin\/$/m);
    expect(read('_headers')).toMatch(/^\/admin\/\*\n {2}X-Robots-Tag: noindex, nofollow$/m);
    const sitemaps = listDistFiles()
      .filter((f) => /^sitemap.*\.xml$/.test(f))
      .map(read)
      .join('\n');
    expect(sitemaps).not.toContain('/admin/');
    expect(listBuiltUrls(DIST).has('/admin/')).toBe(false);
    expect(readFileSync('content/published-urls.txt', 'utf-8')).not.toMatch(/^\/admin\//m);
    expect(existsInDist('/admin/')).toBe(true);
    const pagefind = listDistFiles().filter((f) => f.startsWith('pagefind/'));
    expect(pagefind.length).toBeGreaterThan(0);
    expect(page).not.toContain('data-pagefind-body');
  });
});
