/**
 * The last step of the book: every page gets exactly the size of the trim (plus the bleed), and
 * the boxes a printer's preflight reads. Chromium prints a page size in steps of 1/300 inch
 * (185 mm came out 184.83 mm), so the content is scaled by that small difference (under 0.1%)
 * and the MediaBox set to the exact size; TrimBox marks the cut, BleedBox the bleed around it.
 */
import { PDFDocument } from 'pdf-lib';
import type { TrimSize } from '../../lib/trim-size.ts';

const POINTS_PER_MM = 72 / 25.4;

/** What the PDF's document properties say (a reader's title bar, a printer's job list). */
export interface BookMetadata {
  title: string;
  author: string;
  subject?: string | undefined;
}

/**
 * The PDF with exact page boxes (MediaBox = BleedBox = trim + 2 × bleed, TrimBox = the trim)
 * and the book's title, editor and language in its document properties.
 */
export async function setPageBoxes(pdf: Uint8Array, trim: TrimSize, bleedMm: number, metadata: BookMetadata): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  document.setAuthor(metadata.author);
  if (metadata.subject) document.setSubject(metadata.subject);
  document.setLanguage('zh-CN');
  const bleed = bleedMm * POINTS_PER_MM;
  const width = trim.width * POINTS_PER_MM + 2 * bleed;
  const height = trim.height * POINTS_PER_MM + 2 * bleed;
  for (const page of document.getPages()) {
    const size = page.getSize();
    const sx = width / size.width;
    const sy = height / size.height;
    page.scaleContent(sx, sy);
    page.scaleAnnotations(sx, sy);
    page.setMediaBox(0, 0, width, height);
    page.setCropBox(0, 0, width, height);
    page.setBleedBox(0, 0, width, height);
    page.setTrimBox(bleed, bleed, width - 2 * bleed, height - 2 * bleed);
  }
  return document.save({ updateFieldAppearances: false });
}
