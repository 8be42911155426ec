/**
 * Reads a PDF back as a printer or reader would see it, with poppler-utils (`pdfinfo`,
 * `pdftotext`, `pdffonts`, `pdftoppm`; `.ci/run` installs them): page boxes, the words on each
 * page with their positions, lines rebuilt from those positions, the fonts, a page as pixels.
 */
import { execFileSync } from 'node:child_process';
import sharp from 'sharp';

export interface PdfBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PdfPageBoxes {
  media: PdfBox;
  trim: PdfBox;
  bleed: PdfBox;
}

/** A word (for Chinese: a run of characters) and its box, in points from the top left. */
export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfLine {
  text: string;
  words: PdfWord[];
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

/** Number of pages. */
export function countPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

/** The MediaBox, TrimBox and BleedBox of every page, in points. */
export function readPageBoxes(file: string): PdfPageBoxes[] {
  const pages = countPages(file);
  const info = execFileSync('pdfinfo', ['-box', '-f', '1', '-l', String(pages), file], { encoding: 'utf8' });
  const boxes: PdfPageBoxes[] = [];
  const read = (page: number, name: string): PdfBox => {
    const match = new RegExp(`^Page\\s+${page} ${name}:\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)`, 'm').exec(info);
    if (!match) throw new Error(`pdfinfo: no ${name} for page ${page}`);
    const [x0, y0, x1, y1] = match.slice(1, 5).map(Number) as [number, number, number, number];
    return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  };
  for (let page = 1; page <= pages; page++) {
    boxes.push({ media: read(page, 'MediaBox'), trim: read(page, 'TrimBox'), bleed: read(page, 'BleedBox') });
  }
  return boxes;
}

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

/** The words of one page (1-based) with their boxes. */
export function readWords(file: string, page: number): PdfWord[] {
  const xml = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
  const words: PdfWord[] = [];
  for (const m of xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    words.push({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      text: (m[5] ?? '').replace(/&(?:amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e] ?? e),
    });
  }
  return words;
}

/**
 * The lines of one page, top to bottom, rebuilt from word positions (pdftotext's own line
 * breaking splits a line where Chromium tightened punctuation such as ”，). Words whose
 * baselines are within 2 pt are one line; a gap wider than 2 pt becomes a space.
 */
export function readLines(file: string, page: number): PdfLine[] {
  const words = readWords(file, page).sort((a, b) => a.yMax - b.yMax || a.xMin - b.xMin);
  const lines: PdfWord[][] = [];
  for (const word of words) {
    const line = lines.at(-1);
    if (line && Math.abs((line[0]?.yMax ?? 0) - word.yMax) < 2) line.push(word);
    else lines.push([word]);
  }
  return lines.map((line) => {
    const sorted = line.sort((a, b) => a.xMin - b.xMin);
    let text = '';
    sorted.forEach((w, i) => {
      const previous = sorted[i - 1];
      text += previous && w.xMin - previous.xMax > 2 ? ` ${w.text}` : w.text;
    });
    return { text, words: sorted };
  });
}

/** The text of one page, line by line. */
export function readPageText(file: string, page: number): string {
  return readLines(file, page)
    .map((l) => l.text)
    .join('\n');
}

/** Every font of the document as pdffonts lists it. */
export function readFonts(file: string): PdfFont[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  // Columns: name, type (may hold spaces), encoding, emb, sub, uni, object, ID.
  return out.map((row) => {
    const match = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(row.trim());
    if (!match) throw new Error(`pdffonts: cannot read “${row}”`);
    return { name: match[1] ?? '', type: match[2] ?? '', embedded: match[4] === 'yes' };
  });
}

/** One page as RGBA pixels (for QR codes), at `dpi`. */
export async function renderPage(
  file: string,
  page: number,
  dpi: number,
): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const png = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-png', file]);
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
}
