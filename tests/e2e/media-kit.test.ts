/**
 * The journalist's tools on a story, in a real browser: with JavaScript the copy buttons appear
 * and copy, and the citation gets the reader's date; without it, every text is still there and
 * no button is shown that would do nothing.
 */
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { startServer, type StaticServer } from './support/server.ts';

const STORY = '/stories/shan-li-de-deng/';
const PERMALINK = new URL(STORY, process.env.SITE_URL ?? 'https://yangwang.example.org').href;
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  server = await startServer(resolve('dist'));
  browser = await launchBrowser();
});
afterAll(async () => {
  await (browser as Browser | undefined)?.close();
  await (server as StaticServer | undefined)?.close();
});

describe('the media kit under a story', () => {
  it('with JavaScript: copy and print buttons, the reader’s date in the citation, copying works', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${server.origin}${STORY}`);
    await expect(page.locator('[data-copy="permalink"]').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-print]').isVisible()).resolves.toBe(true);
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    const gbt = (await page.locator('#cite-gbt').textContent()) ?? '';
    expect(gbt).toContain(`(2025-01-15)[${today}]`);
    await expect(page.locator('[data-access-note]').isVisible()).resolves.toBe(false);

    await page.locator('[data-copy="permalink"]').click();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(PERMALINK);
    await expect(page.locator('[data-copy-status]').textContent()).resolves.toBe('已复制');
    await page.locator('[data-copy="cite-gbt"]').click();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(gbt.trim());
    await context.close();
  });

  it('without JavaScript: the link, both citations and the reprint terms are text; no dead buttons', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}${STORY}`);
    expect(await page.locator('#permalink').textContent()).toBe(PERMALINK);
    expect(await page.locator('#cite-gbt').textContent()).toContain('[引用日期]');
    await expect(page.locator('[data-access-note]').isVisible()).resolves.toBe(true);
    expect(await page.locator('#cite-plain').textContent()).toContain(PERMALINK);
    expect(await page.locator('#reprint').textContent()).toContain('欢迎转载');
    for (const button of await page.locator('.media-kit button').all()) expect(await button.isVisible()).toBe(false);
    await expect(page.locator('.media-kit svg.qr-code').isVisible()).resolves.toBe(true);
    await context.close();
  });
});
