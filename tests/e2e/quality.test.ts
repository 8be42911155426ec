/**
 * Quality gates in a real browser, for one page of every type, on a phone (390×844, light and
 * dark) and a laptop (1280×800): axe-core (WCAG 2.2 AA and best practices) finds nothing; no
 * console error, CSP violation, failed request or request to another origin; no horizontal
 * scrolling on the phone; every image has width and height; nothing shifts once shown (cumulative
 * layout shift under 0.1). Then the keyboard: the skip link,
 * visible focus, and search without a mouse. The site is served with the headers of `_headers`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { startServer, type StaticServer } from './support/server.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf-8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** The first folder name under a dist/ path, sorted, so the list follows the content. */
function first(dir: string, filter: (name: string) => boolean = () => true): string {
  const names = readdirSync(`dist/${dir}`, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'page' && filter(d.name))
    .map((d) => d.name)
    .sort();
  if (!names[0]) throw new Error(`no page under dist/${dir}`);
  return names[0];
}

/** One page of every type the site has. */
const PAGES: Record<string, string> = {
  home: '/',
  'stories index': '/stories/',
  'stories index, page 2': '/stories/page/2/',
  story: `/stories/${first('stories', (n) => existsSync(`dist/stories/${n}/index.html`) && readFileSync(`dist/stories/${n}/index.html`, 'utf-8').includes('yw-figure'))}/`,
  'teachers index': '/teachers/',
  'teacher with portrait': `/teachers/${first('teachers', (n) => readFileSync(`dist/teachers/${n}/index.html`, 'utf-8').includes('class="portrait'))}/`,
  'teacher without portrait': '/teachers/tang-haoying/',
  'schools index': '/schools/',
  school: `/schools/${first('schools')}/`,
  'honours index': '/honours/',
  'honour year': `/honours/${first('honours')}/`,
  'collections index': '/collections/',
  collection: `/collections/${first('collections')}/`,
  'collection, print edition': `/collections/${first('collections')}/print/`,
  about: '/about/',
  'editors guide': '/guide/',
  'not found': '/no-such-page/',
  ...(existsSync('dist/search/index.html') ? { search: '/search/?q=老师' } : {}),
};

interface Setting {
  name: string;
  viewport: { width: number; height: number };
  colorScheme: 'light' | 'dark';
  mobile: boolean;
}
const SETTINGS: Setting[] = [
  { name: 'phone 390×844, light', viewport: { width: 390, height: 844 }, colorScheme: 'light', mobile: true },
  { name: 'phone 390×844, dark', viewport: { width: 390, height: 844 }, colorScheme: 'dark', mobile: true },
  { name: 'laptop 1280×800, light', viewport: { width: 1280, height: 800 }, colorScheme: 'light', mobile: false },
];

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await (browser as Browser | undefined)?.close();
  await (server as StaticServer | undefined)?.close();
});

/** Everything a page did wrong while loading, collected from the browser's events. */
interface Watch {
  problems: string[];
  /** Set just before the test leaves the page: the browser then cancels what the page was still loading (ERR_ABORTED), which is not the page's fault. */
  leaving: boolean;
}

/** Opens a page and records console errors, CSP violations, failed and third-party requests. */
async function openWatched(context: BrowserContext, path: string, expectedStatus = 200): Promise<{ page: Page; watch: Watch }> {
  const page = await context.newPage();
  const watch: Watch = { problems: [], leaving: false };
  await page.addInitScript(() => {
    // Cumulative layout shift, as Lighthouse counts it (content moving after it was shown).
    const shifts = { total: 0 };
    (window as unknown as { __layoutShift: typeof shifts }).__layoutShift = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) shifts.total += (entry as PerformanceEntry & { value: number }).value;
    }).observe({ type: 'layout-shift', buffered: true });
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on('console', (m) => {
    // The 404 page is meant to answer 404; the browser logs that as a failed resource.
    if (m.type() === 'error' && !(expectedStatus === 404 && m.text().includes('status of 404')))
      watch.problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => watch.problems.push(`script error: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(`${server.origin}/`) && !r.url().startsWith('data:'))
      watch.problems.push(`request to another origin: ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    const error = r.failure()?.errorText ?? '';
    if (!(watch.leaving && error === 'net::ERR_ABORTED')) watch.problems.push(`failed: ${r.url()} ${error}`);
  });
  page.on('response', (r) => {
    const isDocument = r.request().resourceType() === 'document' && r.request().isNavigationRequest();
    if (r.status() >= 400 && !(isDocument && r.status() === expectedStatus)) watch.problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  const response = await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
  expect(response?.status(), path).toBe(expectedStatus);
  return { page, watch };
}

/** Runs axe-core in the page (evaluated through the DevTools protocol, so the page's CSP stays on). */
async function runAxe(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{
            violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`).join('\n')}`,
    );
  }, AXE_TAGS);
  return violations;
}

for (const setting of SETTINGS) {
  describe(setting.name, () => {
    let context: BrowserContext;
    beforeAll(async () => {
      context = await browser.newContext({
        viewport: setting.viewport,
        colorScheme: setting.colorScheme,
        isMobile: setting.mobile,
        hasTouch: setting.mobile,
        deviceScaleFactor: setting.mobile ? 3 : 1,
      });
    });
    afterAll(async () => (context as BrowserContext | undefined)?.close());

    it.each(Object.entries(PAGES))('%s (%s): accessible, quiet, self-contained, fits the screen', async (_type, path) => {
      const { page, watch } = await openWatched(context, path, path === '/no-such-page/' ? 404 : 200);
      try {
        // Nothing moves once shown (the search page's results arrive after the first paint):
        // under 0.1, what Lighthouse and Core Web Vitals call good.
        await page.waitForLoadState('networkidle');
        const shift = await page.evaluate(() => (window as unknown as { __layoutShift: { total: number } }).__layoutShift.total);
        expect(shift, 'cumulative layout shift').toBeLessThan(0.1);
        // Bring lazy images in, so their requests are checked too.
        await page.evaluate(async () => {
          for (let y = 0; y < document.documentElement.scrollHeight; y += 500) {
            window.scrollTo(0, y);
            await new Promise((r) => setTimeout(r, 20));
          }
          window.scrollTo(0, 0);
        });
        await page.waitForLoadState('networkidle');
        expect((await runAxe(page)).join('\n'), 'axe violations').toBe('');
        const layout = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
          imagesWithoutSize: [...document.images]
            .filter((i) => !i.getAttribute('width') || !i.getAttribute('height'))
            .map((i) => i.currentSrc || i.src),
          brokenImages: [...document.images].filter((i) => i.complete && i.naturalWidth === 0).map((i) => i.currentSrc || i.src),
        }));
        expect(layout.scrollWidth, 'horizontal scrolling').toBeLessThanOrEqual(layout.innerWidth);
        expect(layout.imagesWithoutSize).toEqual([]);
        expect(layout.brokenImages).toEqual([]);
        expect(watch.problems.join('\n')).toBe('');
      } finally {
        await page.close();
      }
    });
  });
}

describe('the checks themselves', () => {
  it('a CSP violation and a console error are caught', async () => {
    const context = await browser.newContext();
    try {
      const { page, watch } = await openWatched(context, '/');
      // A style attribute set from a script needs 'unsafe-inline', which the policy does not allow.
      await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
      await page.waitForTimeout(100);
      expect(watch.problems.some((p) => p.includes('CSP violation: style-src-attr'))).toBe(true);
      expect(await page.evaluate(() => getComputedStyle(document.body).color)).not.toBe('rgb(255, 0, 0)');
    } finally {
      await context.close();
    }
  });

  it('axe reports a real problem', async () => {
    const context = await browser.newContext();
    try {
      const { page } = await openWatched(context, '/');
      await page.evaluate(() => {
        const img = document.createElement('img');
        img.src = '/favicon.svg';
        document.querySelector('main')?.append(img);
      });
      expect((await runAxe(page)).some((v) => v.startsWith('image-alt'))).toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe('headers from _headers', () => {
  it('another site cannot frame a page (CSP frame-ancestors), and responses carry nosniff', async () => {
    // A page on another origin (another port) that tries to frame the site.
    const framer = createServer((_req, res) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><title>framer</title><iframe src="${server.origin}/about/"></iframe>`);
    });
    await new Promise<void>((ready) => framer.listen(0, '127.0.0.1', ready));
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => errors.push(m.text()));
      const response = await page.goto(`http://127.0.0.1:${(framer.address() as AddressInfo).port}/`);
      expect(response?.ok()).toBe(true);
      await page.waitForTimeout(500);
      const frame = page.frames().find((f) => f !== page.mainFrame());
      const framedTitle = await frame?.evaluate(() => document.title).catch(() => undefined);
      expect(framedTitle ?? '', 'the framed page must not render').not.toContain('关于');
      expect(errors.some((e) => e.includes('frame-ancestors'))).toBe(true);
      const headers = (await fetch(`${server.origin}/about/`)).headers;
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    } finally {
      await context.close();
      framer.closeAllConnections();
      await new Promise((done) => framer.close(done));
    }
  });
});

describe('keyboard', () => {
  for (const setting of [SETTINGS[0], SETTINGS[2]] as Setting[]) {
    it(`${setting.name}: the skip link comes first, shows, and moves focus to the main content`, async () => {
      const context = await browser.newContext({ viewport: setting.viewport, isMobile: setting.mobile, reducedMotion: 'reduce' });
      try {
        const { page, watch } = await openWatched(context, PAGES.story ?? '/');
        await page.keyboard.press('Tab');
        const skip = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const box = el.getBoundingClientRect();
          return {
            href: el.getAttribute('href'),
            inView: box.top >= 0 && box.bottom <= window.innerHeight && box.width > 0,
            outline: getComputedStyle(el).outlineStyle,
          };
        });
        expect(skip).toEqual({ href: '#main', inView: true, outline: 'solid' });
        await page.keyboard.press('Enter');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
        // The next Tab goes to the first link inside the main content, not back to the header.
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
        expect(watch.problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('every element reached with Tab shows a visible focus indicator and is on screen', async () => {
    // Reduced motion: the site scrolls smoothly otherwise, and the check would run mid-scroll.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, reducedMotion: 'reduce' });
    try {
      const { page } = await openWatched(context, PAGES.story ?? '/');
      const problems: string[] = [];
      let reached = 0;
      for (; reached < 80; reached++) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return undefined;
          // The indicator may be drawn by the element or, for a card whose link covers it, by
          // the card (:focus-within) a few levels up.
          const drawn = (node: Element) => {
            const style = getComputedStyle(node);
            return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
          };
          let indicator = false;
          for (let node: Element | null = el, depth = 0; node && depth < 5 && !indicator; node = node.parentElement, depth++)
            indicator = drawn(node);
          const box = el.getBoundingClientRect();
          return {
            name: `${el.tagName.toLowerCase()} “${el.textContent.trim().slice(0, 20)}” ${el.getAttribute('href') ?? ''}`,
            indicator,
            onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight,
          };
        });
        if (!focus) break;
        if (!focus.indicator || !focus.onScreen) problems.push(`${focus.name} indicator=${focus.indicator} onScreen=${focus.onScreen}`);
      }
      expect(reached, 'tab stops before focus leaves the page').toBeGreaterThan(10);
      expect(problems.join('\n')).toBe('');
    } finally {
      await context.close();
    }
  });

  it.skipIf(!existsSync('dist/search/index.html'))('search works without a mouse: type a query, reach a result, open it', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, reducedMotion: 'reduce' });
    try {
      const { page, watch } = await openWatched(context, '/search/');
      // Tab from the top until the search field has focus.
      let inField = false;
      for (let i = 0; i < 30 && !inField; i++) {
        await page.keyboard.press('Tab');
        inField = await page.evaluate(
          () => document.activeElement instanceof HTMLInputElement && ['search', 'text'].includes(document.activeElement.type),
        );
      }
      expect(inField, 'the search field is reachable with Tab').toBe(true);
      await page.keyboard.type('老师');
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () => document.querySelectorAll('main a[href^="/stories/"], main a[href^="/teachers/"]').length > 0,
        undefined,
        { timeout: 15_000 },
      );
      // Tab on until a result link has focus, then open it with Enter.
      let onResult = false;
      for (let i = 0; i < 30 && !onResult; i++) {
        await page.keyboard.press('Tab');
        onResult = await page.evaluate(() => /^\/(stories|teachers)\/[a-z]/.test(document.activeElement?.getAttribute('href') ?? ''));
      }
      expect(onResult, 'a result is reachable with Tab').toBe(true);
      // Result pictures still loading when Enter opens the result are cancelled by the browser.
      watch.leaving = true;
      await Promise.all([page.waitForURL(/\/(stories|teachers)\/[a-z0-9-]+\/(\?[^#]*)?$/), page.keyboard.press('Enter')]);
      expect(watch.problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
