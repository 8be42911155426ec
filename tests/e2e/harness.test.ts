/** The shared browser-test harness itself: the static server behaves like a real host, Chromium starts. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { startServer, type StaticServer } from './support/server.ts';

describe('static server', () => {
  let root: string;
  let server: StaticServer;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'yangwang-server-'));
    mkdirSync(join(root, 'stories/a'), { recursive: true });
    mkdirSync(join(root, 'pagefind'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>home</title>');
    writeFileSync(join(root, '404.html'), '<!doctype html><title>missing</title>');
    writeFileSync(join(root, 'stories/a/index.html'), '<!doctype html><title>a</title>');
    writeFileSync(join(root, 'pagefind/x.wasm'), Buffer.from([0, 97, 115, 109]));
    writeFileSync(join(root, 'pagefind/x.pf_meta'), Buffer.from([31, 139]));
    writeFileSync(
      join(root, '_headers'),
      "# comment\n/*\n  X-Content-Type-Options: nosniff\n/stories/*\n  Content-Security-Policy: frame-ancestors 'none'\n",
    );
    server = await startServer(root);
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
  it('serves /x/ from /x/index.html as HTML', async () => {
    const res = await fetch(`${server.origin}/stories/a/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('<title>a</title>');
  });
  it('redirects a folder without its slash', async () => {
    const res = await fetch(`${server.origin}/stories/a`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/stories/a/');
  });
  it('answers a miss with 404.html and status 404', async () => {
    const res = await fetch(`${server.origin}/nothing/here/`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('<title>missing</title>');
  });
  it('gives WebAssembly its type and leaves Pagefind files uncompressed', async () => {
    const wasm = await fetch(`${server.origin}/pagefind/x.wasm`);
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    const meta = await fetch(`${server.origin}/pagefind/x.pf_meta`, { headers: { 'accept-encoding': 'gzip' } });
    expect(meta.headers.get('content-encoding')).toBeNull();
    expect(meta.headers.get('content-type')).toBe('application/octet-stream');
  });
  it("sends the headers of the site's _headers file for the paths they match", async () => {
    const story = await fetch(`${server.origin}/stories/a/`);
    expect(story.headers.get('x-content-type-options')).toBe('nosniff');
    expect(story.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    const home = await fetch(`${server.origin}/`);
    expect(home.headers.get('x-content-type-options')).toBe('nosniff');
    expect(home.headers.get('content-security-policy')).toBeNull();
  });
  it('records each request with the body bytes it sent, compressed when gzipped', async () => {
    server.requests.length = 0;
    const plain = await fetch(`${server.origin}/pagefind/x.pf_meta`);
    await plain.arrayBuffer();
    const page = await fetch(`${server.origin}/stories/a/`, { headers: { 'accept-encoding': 'gzip' } });
    expect(page.headers.get('content-encoding')).toBe('gzip');
    await page.text();
    expect(server.requests.map((r) => [r.path, r.status])).toEqual([
      ['/pagefind/x.pf_meta', 200],
      ['/stories/a/', 200],
    ]);
    expect(server.requests[0]?.bytes).toBe(2);
    // A gzip stream has at least its 10-byte header and 8-byte trailer.
    expect(server.requests[1]?.bytes).toBeGreaterThan(18);
  });

  it('never serves files outside its folder', async () => {
    const res = await fetch(`${server.origin}/..%2f..%2fetc%2fpasswd`);
    expect(res.status).toBe(404);
  });
});

describe('browser', () => {
  it('opens the built home page in Chromium', async () => {
    const server = await startServer();
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const response = await page.goto(`${server.origin}/`);
      expect(response?.status()).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
