/**
 * Turns the book's HTML into a PDF: Debian's Chromium (through playwright-core; no browser is
 * downloaded) opens the document, Paged.js paginates it by the CSS paged-media rules (page
 * sizes, named pages, running heads, `target-counter` page numbers in the 目录, right-hand
 * chapter openings), and Chromium prints the pages at the size the CSS gives.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.ts';

const require = createRequire(import.meta.url);

export interface PrintedBook {
  pdf: Buffer;
  /** How many pages Paged.js laid out. */
  pages: number;
}

/** Thrown when the book cannot be printed (no Chromium, a picture that does not load …). */
export class BookPrintError extends Error {
  override name = 'BookPrintError';
}

/** Paginates `html` (a whole document; its `file:` pictures and font must exist) and prints it. */
export async function printBook(html: string, page: { width: number; height: number }): Promise<PrintedBook> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new BookPrintError(
      `找不到 Chromium（${CHROMIUM_PATH}）：请先安装，例如 apt-get install -y chromium；或用环境变量 CHROMIUM_PATH 指明它的位置`,
    );
  }
  const folder = await mkdtemp(join(tmpdir(), 'yangwang-book-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const file = join(folder, 'book.html');
    await writeFile(file, html);
    const context = await browser.newContext();
    // The document only reads local files: anything else would be a request to another site.
    await context.route(/^(?!file:)/, (route) => route.abort());
    const tab = await context.newPage();
    const failed: string[] = [];
    tab.on('requestfailed', (request) => failed.push(request.url()));
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.addInitScript(() => {
      (window as unknown as { PagedConfig: object }).PagedConfig = { auto: false };
    });
    await tab.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    // A picture that is there but cannot be decoded fails no request: ask the images themselves.
    const broken = await tab.evaluate(() =>
      [...document.images].filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.src),
    );
    const missing = [...new Set([...failed, ...broken])].map((url) =>
      url.startsWith('file:') ? relative(process.cwd(), fileURLToPath(url)) : url,
    );
    if (missing.length) throw new BookPrintError(`这些图片没能载入（文件坏了，或不是图片）：${missing.join('、')}`);
    await tab.evaluate(() => document.fonts.ready);
    // The package's exports do not list the polyfill bundle: find it beside its main file.
    await tab.addScriptTag({ path: join(dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js') });
    const pages = await tab.evaluate(async () => {
      const paged = (window as unknown as { PagedPolyfill: { preview: () => Promise<{ total: number }> } }).PagedPolyfill;
      const flow = await paged.preview();
      // Paged.js resets the page counter on the page that holds \`counter-reset: page N\`, but
      // in this Chromium the pages after it go on counting from before the reset. Every page
      // gets its number explicitly: the 目录's target-counter() values already count this way.
      let number = 0;
      for (const page of document.querySelectorAll<HTMLElement>('.pagedjs_page')) {
        const reset = page.querySelector<HTMLElement>('[data-counter-page-reset]:not([data-split-from])');
        number = reset ? Number(reset.dataset.counterPageReset) : number + 1;
        page.style.counterReset = `page ${number}`;
        page.style.counterIncrement = 'none';
      }
      return flow.total;
    });
    if (errors.length) throw new BookPrintError(`排版时出错：${errors.join('；')}`);
    const pdf = await tab.pdf({
      width: `${page.width}mm`,
      height: `${page.height}mm`,
      printBackground: true,
      preferCSSPageSize: true,
      margin: { top: '0', right: '0', bottom: '0', left: '0' },
      tagged: true,
      outline: true,
    });
    return { pdf, pages };
  } finally {
    await browser.close();
    await rm(folder, { recursive: true, force: true });
  }
}
