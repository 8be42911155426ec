/**
 * Quality gates over the built site that need no browser: valid HTML, nothing loaded from another
 * origin, a strict Content-Security-Policy on every page, and the files hosts and crawlers read.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { DIST, existsInDist, listDistFiles, listPages, readPage } from './dist.ts';
import { findThirdPartyUrls, findThirdPartyUrlsInCss } from './third-party.ts';

const pages = listPages();
const origin = new URL(/<link rel="canonical" href="([^"]+)"/.exec(readPage('/'))?.[1] ?? '').origin;
const readDist = (path: string) => readFileSync(join(DIST, path), 'utf-8');

describe('HTML validation (html-validate, rules in .htmlvalidate.json)', () => {
  const validator = new HtmlValidate(new FileSystemConfigLoader());

  it('the validator and its configuration catch real mistakes', async () => {
    const report = await validator.validateString(
      '<!doctype html><html lang="zh-CN"><head><title>x</title></head><body><main><img src="a.png"><a href="#">x</a><p><div></div></p></main></body></html>',
      join(DIST, 'probe.html'),
    );
    expect(report.valid).toBe(false);
    expect(report.errorCount).toBeGreaterThanOrEqual(2);
  });

  it('every page has zero errors', async () => {
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateString(page.html, join(DIST, page.path));
      for (const result of report.results) {
        for (const m of result.messages) problems.push(`${page.path}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('nothing is loaded from another origin', () => {
  it('the check finds third-party stylesheets, scripts, images and CSS urls', () => {
    const html = [
      '<link rel="stylesheet" href="https://cdn.example.com/a.css">',
      '<link rel="canonical" href="https://elsewhere.example/">',
      '<script src="//cdn.example.com/a.js"></script>',
      '<img src="/ok.png" srcset="/ok-2x.png 2x, https://img.example.com/b.png 3x" alt="">',
      `<img src="${origin}/same-origin.png" alt="">`,
      '<style>body{background:url("https://img.example.com/bg.png")}</style>',
    ].join('');
    expect(findThirdPartyUrls(html, origin).sort()).toEqual(
      ['//cdn.example.com/a.js', 'https://cdn.example.com/a.css', 'https://img.example.com/b.png', 'https://img.example.com/bg.png'].sort(),
    );
  });

  it('no page loads a resource from another origin', () => {
    const found = pages.flatMap((p) => findThirdPartyUrls(p.html, origin).map((url) => `${p.url}: ${url}`));
    expect(found).toEqual([]);
  });

  it('no stylesheet loads from another origin (fonts included)', () => {
    const found = listDistFiles()
      .filter((f) => f.endsWith('.css'))
      .flatMap((f) => findThirdPartyUrlsInCss(readDist(f), origin).map((url) => `${f}: ${url}`));
    expect(found).toEqual([]);
  });
});

describe('Content-Security-Policy', () => {
  const policyOf = (html: string) => /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
  const directives = (policy: string) =>
    new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map(([name = '', ...values]) => [name, values] as const),
    );
  const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf-8').digest('base64')}'`;

  it.each(pages.map((p) => [p.url, p.html] as const))('%s: a strict policy that allows exactly its inline code', (_url, html) => {
    const policy = policyOf(html);
    expect(policy, 'CSP <meta>').toBeDefined();
    const d = directives(policy ?? '');
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    for (const name of ['script-src', 'style-src', 'img-src', 'font-src', 'connect-src']) {
      expect(d.get(name)?.[0], name).toBe("'self'");
    }
    // Nothing loosened: no inline code without a hash, no eval, no other origin, no data: URLs.
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|\*|https?:|data:|blob:/);
    expect(d.get('script-src')?.filter((v) => !v.startsWith("'sha256-"))).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    // Every inline script and style is allowed by its hash.
    // JSON-LD blocks are data, never run, so CSP does not govern them and they need no hash.
    for (const [, body] of html.matchAll(/<script(?![^>]*\ssrc=)(?![^>]*type="application\/ld\+json")[^>]*>([\s\S]*?)<\/script>/g)) {
      expect(d.get('script-src'), 'inline script hash').toContain(sha256(body ?? ''));
    }
    for (const [, body] of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) {
      expect(d.get('style-src'), 'inline style hash').toContain(sha256(body ?? ''));
    }
    // The policy comes before anything it governs.
    const at = html.indexOf('http-equiv="content-security-policy"');
    // (JSON-LD blocks are data the policy does not govern, so they may come first.)
    for (const tag of [/<style/, /<script(?! type="application\/ld\+json")/, /<link rel="stylesheet"/]) {
      const first = html.search(tag);
      if (first !== -1) expect(at, String(tag)).toBeLessThan(first);
    }
  });

  it('no page has a style attribute or an inline event handler (both would need unsafe-inline)', () => {
    const found = pages.flatMap((p) =>
      [...p.html.matchAll(/<[a-z][^>]*\s(style|on[a-z]+)=["'][^>]*>/g)].map((m) => `${p.url}: ${m[0].slice(0, 120)}`),
    );
    expect(found).toEqual([]);
  });
});

describe('files for hosts, crawlers and security researchers', () => {
  it('robots.txt allows crawling and names the sitemap, which exists', () => {
    const robots = readDist('robots.txt');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).not.toMatch(/^Disallow: \/$/m);
    const sitemap = /^Sitemap: (\S+)$/m.exec(robots)?.[1] ?? '';
    expect(sitemap).toBe(`${origin}/sitemap-index.xml`);
    expect(existsInDist('/sitemap-index.xml')).toBe(true);
  });

  it('every URL in the sitemap is a page of the site', () => {
    const files = listDistFiles().filter((f) => /^sitemap-\d+\.xml$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    const urls = files.flatMap((f) => [...readDist(f).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? ''));
    expect(urls.length).toBeGreaterThan(20);
    const missing = urls.filter((u) => !u.startsWith(`${origin}/`) || !existsInDist(new URL(u).pathname));
    expect(missing).toEqual([]);
  });

  it('security.txt follows RFC 9116: contact, canonical URL, an expiry within a year', () => {
    const text = readDist('.well-known/security.txt');
    expect(text).toMatch(/^Contact: mailto:\S+@\S+$/m);
    expect(text).toMatch(new RegExp(`^Canonical: ${origin}/\\.well-known/security\\.txt$`, 'm'));
    const expires = Date.parse(/^Expires: (\S+)$/m.exec(text)?.[1] ?? '');
    expect(expires).toBeGreaterThan(Date.now());
    expect(expires).toBeLessThan(Date.now() + 366 * 24 * 3600 * 1000);
  });

  it('_headers sends frame-ancestors, the usual security headers and a long cache for hashed assets', () => {
    const headers = readDist('_headers');
    const rules = new Map<string, string[]>();
    let current = '';
    for (const line of headers.split('\n')) {
      if (/^\S/.test(line) && !line.startsWith('#')) rules.set((current = line.trim()), []);
      else if (/^\s+\S/.test(line) && current) rules.get(current)?.push(line.trim());
    }
    const all = rules.get('/*') ?? [];
    expect(all).toContain("Content-Security-Policy: frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'self'");
    expect(all).toContain('X-Content-Type-Options: nosniff');
    expect(all).toContain('Referrer-Policy: strict-origin-when-cross-origin');
    expect(all.some((h) => h.startsWith('Permissions-Policy: camera=()'))).toBe(true);
    // Only hashed file names may be cached for a year; HTML must never be.
    expect(all.some((h) => h.startsWith('Cache-Control'))).toBe(false);
    expect(rules.get('/_astro/*')).toEqual(['Cache-Control: public, max-age=31536000, immutable']);
    const astroFiles = listDistFiles().filter((f) => f.startsWith('_astro/'));
    expect(astroFiles.every((f) => /[._][A-Za-z0-9_-]{5,}\.[a-z0-9]+$/.test(f))).toBe(true);
  });
});
