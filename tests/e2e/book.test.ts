/**
 * `npm run book` on the sample volume, read back from the PDF: the 目录's page numbers, chapters
 * on right-hand pages, page size and boxes, embedded fonts (no Type 3), each chapter's QR code,
 * text inside the type area, Chinese line breaking; and bad input that must not give a PDF.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import jsQR from 'jsqr';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMargins } from '../../src/render/book/layout-book.ts';
import { countPages, readFonts, readLines, readPageBoxes, readPageText, renderPage, type PdfLine } from './support/pdf.ts';

const ROOT = resolve('.');
const SITE = 'https://book-test.example.org/';
const MM = 72 / 25.4;
const volume = parse(readFileSync('content/collections/yangwang.yaml', 'utf8')) as { title: string; chapters: string[] };
const work = mkdtempSync(join(tmpdir(), 'yangwang-book-test-'));

/** Runs `npm run book` (its script, on this Node) and returns what it printed. */
function runBook(args: string[], root = ROOT) {
  const result = spawnSync(process.execPath, [resolve('scripts/book.ts'), ...args, '--root', root, '--site', SITE], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of the content folder to spoil. */
function copyContent(name: string): string {
  const root = join(work, name);
  cpSync('content', join(root, 'content'), { recursive: true });
  return root;
}

const pagesOf = (file: string) => Array.from({ length: countPages(file) }, (_, i) => ({ page: i + 1, lines: readLines(file, i + 1) }));
/** The folio: the last line of a page when it is a number (arabic or roman). */
const folioOf = (lines: PdfLine[]) =>
  lines
    .at(-1)
    ?.text.trim()
    .match(/^(\d+|[IVXLC]+)$/)?.[1];

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the book of the sample volume, 16开', () => {
  const file = join(work, 'yangwang.pdf');
  let pages: { page: number; lines: PdfLine[] }[];
  let titles: Map<number, string>;
  let entries: { number: number; title: string; folio: string }[];
  let stdout: string;

  beforeAll(() => {
    const run = runBook(['yangwang', '--out', file]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    stdout = run.stdout;
    pages = pagesOf(file);
    const contents = pages.find((p) => p.lines.some((l) => l.text.replace(/\s/g, '') === '目录'));
    entries = (contents?.lines ?? []).flatMap((l) => {
      const m = /^第 ?(\d+) ?篇 (.+?) (\d+)$/.exec(l.text.trim());
      return m ? [{ number: Number(m[1]), title: m[2] ?? '', folio: m[3] ?? '' }] : [];
    });
    titles = new Map(entries.map((e) => [e.number, e.title]));
  });

  it('prints in the 目录 the page on which each chapter opens, and every chapter opens on a right-hand (odd) page', () => {
    expect(entries.map((e) => e.number)).toEqual(volume.chapters.map((_, i) => i + 1));
    for (const entry of entries) {
      const opener = pages.find(
        (p) => folioOf(p.lines) === entry.folio && p.lines.some((l) => l.text.replace(/\s/g, '') === `第${entry.number}篇`),
      );
      expect(opener, `第 ${entry.number} 篇 “${entry.title}” should open on the page numbered ${entry.folio}`).toBeDefined();
      expect(opener?.lines.some((l) => l.text === entry.title)).toBe(true);
      // Right-hand: an odd page of the PDF, and an odd number printed on it.
      expect(opener && opener.page % 2, `第 ${entry.number} 篇 opens on PDF page ${opener?.page}`).toBe(1);
      expect(Number(entry.folio) % 2).toBe(1);
      // No running head on an opener: its first line is the chapter's number.
      expect(opener?.lines[0]?.text.replace(/\s/g, '')).toBe(`第${entry.number}篇`);
    }
  });

  it('has running heads: the book title on left-hand pages, the chapter title on right-hand pages', () => {
    const first = pages.findIndex((p) => p.lines.some((l) => l.text.replace(/\s/g, '') === '第1篇'));
    // From the first chapter to the closing page, leaving out openers and blank pages.
    const heads = pages.slice(first, -1).filter((p) => !p.lines.some((l) => /^第 ?\d+ ?篇$/.test(l.text.trim())) && p.lines.length > 2);
    expect(heads.length).toBeGreaterThan(10);
    for (const { page, lines } of heads) {
      const head = lines[0]?.text;
      if (page % 2 === 0) expect(head, `page ${page}`).toBe(volume.title);
      else expect([...titles.values()], `page ${page}`).toContain(head);
    }
  });

  it('has pages exactly the trim size, 185 × 260 mm, with the TrimBox on the edge', () => {
    for (const [i, box] of readPageBoxes(file).entries()) {
      expect(box.media.width, `page ${i + 1}`).toBeCloseTo(185 * MM, 1);
      expect(box.media.height, `page ${i + 1}`).toBeCloseTo(260 * MM, 1);
      expect(box.trim).toEqual(box.media);
    }
  });

  it('prints the originals and names those with fewer than 300 ppi at their printed size', () => {
    // The sample's photographs are 1,200 pixels wide: 211 ppi across the 16开 type area.
    expect(stdout).toContain('content/stories/shan-li-de-deng/photo-1.jpg（约 211 ppi）');
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(images.length).toBeGreaterThan(0);
    // The original JPEG files themselves (Chromium embeds a JPEG as it is), at their full size.
    for (const row of images) {
      const columns = row.trim().split(/\s+/);
      expect(columns[3], row).toMatch(/^(1200|1600)$/);
      expect(columns[8], row).toBe('jpeg');
    }
  });

  it('embeds every font as a TrueType (CID) subset, never Type 3', () => {
    const fonts = readFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.type, font.name).not.toMatch(/Type 3/);
      expect(font.name).toMatch(/^[A-Z]{6}\+/);
    }
  });

  it('ends each chapter with a QR code that opens its web page', async () => {
    for (const [i, slug] of volume.chapters.entries()) {
      const url = `${SITE}stories/${slug}/`;
      const page = pages.find((p) => p.lines.some((l) => l.text.includes(url)));
      expect(page, `第 ${i + 1} 篇: ${url}`).toBeDefined();
      const image = await renderPage(file, page?.page ?? 0, 150);
      expect(jsQR(image.data, image.width, image.height)?.data).toBe(url);
    }
  });

  it('keeps all text inside the type area (running heads and folios in their margins)', () => {
    const m = getMargins({ width: 185, height: 260 });
    const width = 185 * MM;
    const height = 260 * MM;
    for (const { page, lines } of pages) {
      // Odd pages are right-hand pages: the inner margin is on the left.
      const left = (page % 2 ? m.inner : m.outer) * MM;
      const right = width - (page % 2 ? m.outer : m.inner) * MM;
      for (const { text, words } of lines) {
        for (const w of words) {
          expect(w.xMin, `page ${page}: “${text}”`).toBeGreaterThanOrEqual(left - 1);
          // Closing punctuation at the end of a full line is set half-width (text-spacing-trim:
          // allow-end); pdftotext still measures its full width.
          const hanging = /[。，、；：？！”」』）》]$/u.test(w.text) ? 10.5 / 2 + 1 : 1;
          expect(w.xMax, `page ${page}: “${text}”`).toBeLessThanOrEqual(right + hanging);
          const inArea = w.yMin >= m.top * MM - 1 && w.yMax <= height - m.bottom * MM + 1;
          if (!inArea)
            expect([volume.title, ...titles.values(), folioOf([{ text, words }])], `page ${page}: “${text}” is in the margin`).toContain(
              text,
            );
        }
      }
    }
  });

  it('breaks lines the Chinese way: no closing punctuation first, no opening punctuation last, no one-character last line', () => {
    for (const { page, lines } of pages) {
      for (const { text } of lines) {
        expect(text, `page ${page}`).not.toMatch(/^[。，、；：？！”」』）》]/u);
        expect(text, `page ${page}`).not.toMatch(/[“「『（《]$/u);
        expect(text, `page ${page}`).not.toMatch(/^\p{Script=Han}[\p{P}]*$/u);
      }
    }
  });

  it('spaces Western digits from Chinese text and indents paragraphs by two characters', () => {
    const opener = pages.find((p) => p.lines.some((l) => l.text.replace(/\s/g, '') === '第1篇'));
    const byline = opener?.lines.find((l) => l.text.startsWith('文／'));
    // “2024年9月8日”: the digits stand apart from 年, 月 and 日.
    const date = byline?.words.filter((w) => /^(2024|年|9|月|8|日)/.test(w.text)) ?? [];
    expect(date.length).toBeGreaterThanOrEqual(3);
    const body = opener?.lines.filter((l) => l.text.length > 20) ?? [];
    const left = Math.min(...body.map((l) => l.words[0]?.xMin ?? 0));
    const indented = body.filter((l) => (l.words[0]?.xMin ?? 0) - left > 15);
    expect(indented.length).toBeGreaterThan(0);
    // 10.5 pt type: two characters are 21 pt.
    for (const l of indented) expect((l.words[0]?.xMin ?? 0) - left).toBeCloseTo(21, 0);
  });
});

describe('the book at A5 with bleed and crop marks', () => {
  it('has pages of the trim plus 3 mm on every side, and the TrimBox 3 mm in', () => {
    const root = copyContent('a5');
    const yaml = join(root, 'content/collections/yangwang.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^year: 2023$/m, 'year: 2023\ntrim: A5'));
    const file = join(work, 'a5.pdf');
    const run = runBook(['yangwang', '--bleed', '--out', file], root);
    expect(run.status, run.stderr).toBe(0);
    for (const box of readPageBoxes(file)) {
      expect(box.media.width).toBeCloseTo((148 + 6) * MM, 1);
      expect(box.media.height).toBeCloseTo((210 + 6) * MM, 1);
      expect(box.trim.x).toBeCloseTo(3 * MM, 1);
      expect(box.trim.width).toBeCloseTo(148 * MM, 1);
      expect(box.trim.height).toBeCloseTo(210 * MM, 1);
    }
    const text = readPageText(file, 2);
    expect(text).toContain('148 × 210 mm');
  });
});

describe('bad input gives a Chinese message naming what and where, exit code 1, and no PDF', () => {
  it('a volume that does not exist', () => {
    const out = join(work, 'missing.pdf');
    const run = runBook(['yangwan', '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('content/collections/yangwan.yaml  文集  找不到文集 “yangwan”');
    expect(run.stderr).toContain('是否想写 yangwang？');
    expect(existsSync(out)).toBe(false);
  });

  it('a chapter whose picture file is missing', () => {
    const root = copyContent('no-picture');
    rmSync(join(root, 'content/stories/man-man-lai/photo-1.jpg'));
    const out = join(root, 'book.pdf');
    const run = runBook(['yangwang', '--out', out], root);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/content\/stories\/man-man-lai\/index\.mdx:\d+ {2}<Figure> src {2}\.\/photo-1\.jpg：找不到这个图片文件/);
    expect(existsSync(out)).toBe(false);
  });

  it('a trim size that is not a size', () => {
    const root = copyContent('bad-trim');
    const yaml = join(root, 'content/collections/yangwang.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^year: 2023$/m, 'year: 2023\ntrim: 185x'));
    const out = join(root, 'book.pdf');
    const run = runBook(['yangwang', '--out', out], root);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/content\/collections\/yangwang\.yaml:\d+ {2}trim {2}“185x” 不是开本尺寸：请写 宽×高/);
    expect(existsSync(out)).toBe(false);
  });
});
