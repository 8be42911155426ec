/**
 * Lays out the book of a volume as one HTML document for a CSS paged-media engine (Paged.js):
 * cover, 版权页, 前言, 目录 (page numbers by `target-counter`), the chapters (each opening on a
 * right-hand page, ending with the QR code of its web page), and a closing page. Pure: it takes
 * what `readVolume` read and returns text; the pictures are the original files (`file:` URLs).
 */
import { pathToFileURL } from 'node:url';
import { SITE } from '../../config/site.ts';
import { UI } from '../../i18n/zh-CN.ts';
import { formatChineseDate } from '../../lib/dates.ts';
import { formatTrimSize, type TrimSize } from '../../lib/trim-size.ts';
import { FIGURE_PLACEHOLDER } from '../../content-input/entry/hast.ts';
import type { BookChapter, BookPicture, BookVolume } from './read-volume.ts';

/** The bleed printers ask for, in millimetres. */
export const BLEED_MM = 3;

export interface BookLayoutOptions {
  /** The site's address, e.g. `https://yangwang.example.org/`: the QR codes and the 版权页 use it. */
  site: string;
  /** 3 mm of bleed and crop marks around every page. */
  bleed: boolean;
  /** The TrueType font file to embed (absolute path). */
  fontFile: string;
  /** Each chapter's QR code as inline SVG, by chapter number. */
  qrCodes: ReadonlyMap<number, string>;
  /** The QR code of the volume's web page (on the closing page). */
  volumeQr: string;
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ENTITIES[c] ?? c);
}

/** A CSS string literal, safe inside a `<style>` element (`<` and `>` as escapes). */
function cssString(text: string): string {
  return `"${text
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/</g, '\\3c ')
    .replace(/>/g, '\\3e ')
    .replace(/\n/g, ' ')}"`;
}

/** The address of a chapter's web page. */
export function getChapterUrl(site: string, chapter: Pick<BookChapter, 'id'>): string {
  return new URL(`/stories/${chapter.id}/`, site).href;
}

/** The address of the volume's web page. */
export function getVolumeUrl(site: string, volume: Pick<BookVolume, 'id'>): string {
  return new URL(`/collections/${volume.id}/`, site).href;
}

/** Page margins in millimetres, in proportion to the trim so small books keep their balance. */
export function getMargins(trim: TrimSize): { top: number; bottom: number; inner: number; outer: number } {
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    top: round(trim.height * 0.085),
    bottom: round(trim.height * 0.09),
    inner: round(trim.width * 0.12),
    outer: round(trim.width * 0.1),
  };
}

/** The type area (the page less its margins), in millimetres. */
export function getTypeArea(trim: TrimSize): { width: number; height: number } {
  const m = getMargins(trim);
  return { width: trim.width - m.inner - m.outer, height: Math.floor((trim.height - m.top - m.bottom) * 10) / 10 - 1 };
}

/** How wide a body figure of `width` × `height` pixels is printed, in millimetres (see `.yw-figure img`). */
export function getFigureWidthMm(trim: TrimSize, pixels: { width: number; height: number }): number {
  const area = getTypeArea(trim);
  return Math.min(area.width, Math.round(area.height * 0.55) * (pixels.width / pixels.height));
}

/** The whole book as an HTML document. */
export function layoutBook(volume: BookVolume, options: BookLayoutOptions): string {
  const parts = [
    renderCover(volume),
    renderCopyright(volume, options),
    volume.preface ? renderPreface(volume.preface) : '',
    renderContents(volume),
    ...volume.chapters.map((chapter) => renderChapter(chapter, options)),
    renderClosing(volume, options),
  ];
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`《${volume.title}》`)}</title>
<style>${renderStyle(volume, options)}</style>
</head>
<body>
${parts.join('\n')}
</body>
</html>
`;
}

function renderCover(volume: BookVolume): string {
  const image = volume.cover
    ? `<div class="cover-image"><img src="${fileUrl(volume.cover)}" alt="${escapeHtml(volume.cover.alt)}"></div>`
    : '';
  return `<section class="cover" aria-label="${UI.book.cover}">
<div class="cover-title">
<h1>${escapeHtml(volume.title)}</h1>
${volume.subtitle ? `<p class="cover-subtitle">${escapeHtml(volume.subtitle)}</p>` : ''}
</div>
${image}
<div class="cover-imprint">
<p>${escapeHtml(UI.book.editedBy(volume.editor))}</p>
<p>${escapeHtml(volume.publisher)}</p>
<p>${volume.year}</p>
</div>
</section>`;
}

function renderCopyright(volume: BookVolume, options: BookLayoutOptions): string {
  const rows: [string, string][] = [
    [UI.book.title, `《${volume.title}》${volume.subtitle ? `——${volume.subtitle}` : ''}`],
    [UI.book.editor, volume.editor],
    [UI.book.publisher, volume.publisher],
    [UI.book.date, volume.printed ? formatChineseDate(volume.printed) : `${volume.year}年`],
    ...(volume.printRun ? [[UI.book.printRun, UI.book.copies(volume.printRun)] as [string, string]] : []),
    [UI.book.trim, formatTrimSize(volume.trim)],
    [UI.book.online, getVolumeUrl(options.site, volume)],
  ];
  const cover = volume.cover ? `<p>${escapeHtml(UI.book.coverCredit(volume.cover.credit))}</p>` : '';
  const samples = volume.chapters.some((c) => c.sample) ? `<p>${escapeHtml(volume.description)}</p>` : '';
  return `<section class="copyright" aria-label="${UI.book.copyright}">
<div class="copyright-body">
${samples}
<dl>
${rows.map(([term, value]) => `<div><dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd></div>`).join('\n')}
</dl>
<p>${escapeHtml(volume.licence ?? SITE.reprint)}</p>
${cover}
</div>
</section>`;
}

function renderPreface(preface: string): string {
  const paragraphs = preface
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, '').trim())
    .filter(Boolean);
  return `<section class="preface" aria-labelledby="preface-title">
<h2 id="preface-title">${UI.book.preface}</h2>
${keepLastCharactersTogether(paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'))}
</section>`;
}

function renderContents(volume: BookVolume): string {
  return `<nav class="contents" aria-labelledby="contents-title">
<h2 id="contents-title">${UI.book.contents}</h2>
<ol>
${volume.chapters
  .map(
    (c) =>
      `<li><a href="#chapter-${c.number}"><span class="toc-number">${escapeHtml(UI.book.chapterNumber(c.number))}</span><span class="toc-title">${escapeHtml(c.title)}</span></a></li>`,
  )
  .join('\n')}
</ol>
</nav>`;
}

function renderChapter(chapter: BookChapter, options: BookLayoutOptions): string {
  const url = getChapterUrl(options.site, chapter);
  const byline = [`${UI.story.by}／${chapter.writer}`, chapter.teachers.join('、'), formatChineseDate(chapter.published)].join('　');
  return `<article class="chapter" id="chapter-${chapter.number}" aria-labelledby="chapter-${chapter.number}-title">
<header class="chapter-opener">
<p class="chapter-number">${escapeHtml(UI.book.chapterNumber(chapter.number))}</p>
<h2 class="chapter-title" id="chapter-${chapter.number}-title">${escapeHtml(chapter.title)}</h2>
${chapter.subtitle ? `<p class="chapter-subtitle">${escapeHtml(chapter.subtitle)}</p>` : ''}
<p class="chapter-byline">${escapeHtml(byline)}</p>
${chapter.sample ? `<p class="chapter-sample">${escapeHtml(UI.sampleNote)}</p>` : ''}
</header>
<div class="prose">
${keepLastCharactersTogether(placeFigures(chapter))}
</div>
<footer class="chapter-link">
${options.qrCodes.get(chapter.number) ?? ''}
<p><span>${UI.media.chapterQrCaption}</span><span class="chapter-url">${escapeHtml(url)}</span></p>
</footer>
</article>`;
}

/**
 * No paragraph ends with a line of one character: its last two Chinese characters, and the
 * punctuation after them, are kept on one line (a paragraph that ends in markup is left alone).
 */
export function keepLastCharactersTogether(html: string): string {
  return html.replace(/((?:\p{Script=Han}[^<>\p{Script=Han}]*){2})<\/p>/gu, '<span class="nobreak">$1</span></p>');
}

/** Every figure placeholder of the body becomes the original picture. */
function placeFigures(chapter: BookChapter): string {
  const pattern = new RegExp(`<${FIGURE_PLACEHOLDER} data-index="(\\d+)"></${FIGURE_PLACEHOLDER}>`, 'g');
  return chapter.html.replace(pattern, (_match, index: string) => {
    const figure = chapter.figures[Number(index)];
    return figure ? `<img src="${fileUrl(figure)}" alt="${escapeHtml(figure.alt)}">` : '';
  });
}

function renderClosing(volume: BookVolume, options: BookLayoutOptions): string {
  return `<section class="closing" aria-label="${UI.book.closing}">
<div class="closing-body">
<p class="closing-title">${escapeHtml(`《${volume.title}》`)}</p>
<p>${escapeHtml(volume.publisher)}</p>
${options.volumeQr}
<p>${escapeHtml(UI.book.closingOnline)}</p>
<p class="chapter-url">${escapeHtml(getVolumeUrl(options.site, volume))}</p>
</div>
</section>`;
}

function fileUrl(picture: BookPicture): string {
  return escapeHtml(pathToFileURL(picture.path).href);
}

/** The paged-media stylesheet, sized from the trim. */
function renderStyle(volume: BookVolume, options: BookLayoutOptions): string {
  const { trim } = volume;
  const m = getMargins(trim);
  const bleed = options.bleed ? `bleed: ${BLEED_MM}mm; marks: crop;` : '';
  // The type area's height: what the cover, 版权页 and closing page fill with flex boxes, so
  // their spacing follows the trim instead of fixed millimetres.
  const areaHeight = getTypeArea(trim).height;
  const title = cssString(volume.title);
  return `
@font-face {
  font-family: 'Book Serif';
  src: url('${pathToFileURL(options.fontFile).href}') format('truetype');
  font-weight: 100 900;
}
@page {
  size: ${trim.width}mm ${trim.height}mm;
  margin: ${m.top}mm ${m.outer}mm ${m.bottom}mm ${m.inner}mm;
  ${bleed}
  @top-left { content: none; }
  @top-right { content: none; }
  @bottom-left { content: none; }
  @bottom-right { content: none; }
}
@page :left {
  margin-left: ${m.outer}mm;
  margin-right: ${m.inner}mm;
}
@page :right {
  margin-left: ${m.inner}mm;
  margin-right: ${m.outer}mm;
}
@page cover { @bottom-left { content: none; } @bottom-right { content: none; } }
@page front:left { @bottom-left { content: counter(page, upper-roman); } }
@page front:right { @bottom-right { content: counter(page, upper-roman); } }
@page chapter:left {
  @top-left { content: ${title}; }
  @bottom-left { content: counter(page); }
}
@page chapter:right {
  @top-right { content: string(chapter-title); }
  @bottom-right { content: counter(page); }
}
@page chapter:first {
  @top-left { content: none; }
  @top-right { content: none; }
}
@page closing { @bottom-left { content: none; } @bottom-right { content: none; } }
@page :blank {
  @top-left { content: none; }
  @top-right { content: none; }
  @bottom-left { content: none; }
  @bottom-right { content: none; }
}
@page {
  @top-left, @top-right, @bottom-left, @bottom-right { font-family: 'Book Serif', serif; font-size: 8pt; color: #444; }
}
@page :left { @top-left { vertical-align: bottom; padding-bottom: 3mm; } @bottom-left { vertical-align: top; padding-top: 3mm; } }
@page :right { @top-right { vertical-align: bottom; padding-bottom: 3mm; } @bottom-right { vertical-align: top; padding-top: 3mm; } }

html { font-family: 'Book Serif', serif; font-size: 10.5pt; line-height: 1.75; color: #000; }
body { margin: 0; }
*, *::before, *::after { box-sizing: border-box; }
p, h1, h2, h3, li, dd, dt, figcaption, blockquote {
  line-break: strict;
  text-autospace: normal;
  text-spacing-trim: normal;
  overflow-wrap: break-word;
}
h1, h2, h3 { font-weight: 700; line-height: 1.4; margin: 0; break-after: avoid; }
p { margin: 0; }
.nobreak { white-space: nowrap; }

.cover { page: cover; height: ${areaHeight}mm; display: flex; flex-direction: column; justify-content: space-between; align-items: center; text-align: center; }
.cover-title { padding-top: 8%; }
.cover h1 { font-size: 2.6em; letter-spacing: 0.4em; margin-right: -0.4em; }
.cover-subtitle { font-size: 1.25em; margin-top: 1.2em; letter-spacing: 0.1em; }
.cover-image { flex: 1 1 auto; min-height: 0; display: flex; align-items: center; justify-content: center; margin: 6% 0; width: 100%; }
.cover-image img { max-width: 78%; max-height: 100%; object-fit: contain; }
.cover-imprint p { margin: 0.3em 0; }

.copyright { page: front; break-before: page; min-height: ${areaHeight}mm; display: flex; flex-direction: column; justify-content: flex-end; font-size: 0.86em; }
.copyright-body { border-top: 0.5pt solid #000; padding-top: 1em; }
.copyright-body > p { margin: 0.6em 0; text-align: justify; }
.copyright dl { margin: 0.6em 0; }
.copyright dl div { display: flex; gap: 1em; }
.copyright dt { flex: none; width: 5em; text-align-last: justify; }
.copyright dd { margin: 0; word-break: break-all; }

.preface, .contents { page: front; break-before: right; }
.preface h2, .contents h2 { font-size: 1.6em; text-align: center; letter-spacing: 1em; margin-right: -1em; margin: 2em 0 2em; }
.preface p { text-indent: 2em; text-align: justify; margin-bottom: 0.3em; }
.contents ol { list-style: none; margin: 0; padding: 0; }
.contents li { margin: 0 0 0.8em; }
.contents a { display: flex; align-items: baseline; color: inherit; text-decoration: none; }
.contents .toc-number { flex: none; width: 4.5em; }
.contents .toc-title { flex: 0 1 auto; }
.contents a::after { content: target-counter(attr(href), page); flex: 1 0 auto; text-align: right; padding-left: 1em;
  background: radial-gradient(circle, #000 0.5pt, transparent 0.6pt) repeat-x left 0.6em / 0.6em 0.3em; background-clip: content-box; }

.chapter { page: chapter; break-before: right; }
#chapter-1 { counter-reset: page 1; }
.chapter-opener { padding-top: 18%; margin-bottom: 3em; }
.chapter-number { font-size: 0.95em; letter-spacing: 0.3em; margin-bottom: 1em; }
.chapter-title { font-size: 1.9em; string-set: chapter-title content(text); margin-bottom: 0.5em; }
.chapter-subtitle { font-size: 1.15em; margin-bottom: 1em; }
.chapter-byline, .chapter-sample { font-size: 0.86em; color: #333; }

.prose > p, .prose li > p, .prose blockquote p { text-indent: 2em; text-align: justify; }
.prose h2 { font-size: 1.2em; margin: 1.6em 0 0.8em; }
.prose h3 { font-size: 1.05em; margin: 1.2em 0 0.6em; }
.prose :is(ul, ol) { margin: 0.6em 0; padding-left: 2em; }
.prose a { color: inherit; text-decoration: none; }
.prose table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; width: 100%; break-inside: avoid; }
.prose :is(th, td) { border: 0.5pt solid #000; padding: 0.3em 0.5em; text-align: left; }
.prose blockquote { margin: 1em 2em; }
.prose hr { border: 0; text-align: center; margin: 1em 0; }
.prose hr::after { content: '＊　＊　＊'; }
.yw-figure { margin: 1.2em 0; break-inside: avoid; text-align: center; }
.yw-figure img { display: block; margin: 0 auto; max-width: 100%; max-height: ${Math.round(areaHeight * 0.55)}mm; object-fit: contain; }
.yw-figure figcaption { font-size: 0.8em; margin-top: 0.5em; text-align: center; }
.yw-figure-caption::after { content: '　'; }
.yw-pullquote { margin: 1.5em 2em; break-inside: avoid; }
.yw-pullquote blockquote { margin: 0; font-size: 1.15em; font-weight: 700; }
.yw-pullquote blockquote p { text-indent: 0; }
.yw-pullquote figcaption { text-align: right; font-size: 0.9em; margin-top: 0.4em; }
.yw-aside { margin: 1.2em 0; padding: 0.8em 1em; border: 0.5pt solid #000; font-size: 0.9em; break-inside: avoid; }
.yw-aside-title { font-weight: 700; margin-bottom: 0.3em; }
.yw-aside p:not(.yw-aside-title) { text-indent: 2em; }
.yw-letter { margin: 1.2em 2em; font-size: 0.95em; }
.yw-letter-title { font-weight: 700; text-align: center; margin-bottom: 0.5em; }
.yw-letter blockquote { margin: 0; }
.yw-letter blockquote p:first-child { text-indent: 0; }
.yw-letter figcaption { text-align: right; margin-top: 0.4em; }
.yw-timeline { margin: 1.2em 0; break-inside: avoid; }
.yw-timeline-title { font-weight: 700; margin-bottom: 0.5em; }
.yw-timeline ol { list-style: none; margin: 0; padding: 0 0 0 1em; border-left: 0.5pt solid #000; }
.yw-timeline li { display: flex; gap: 1em; margin-bottom: 0.4em; }
.yw-event-date { flex: none; min-width: 6em; font-weight: 700; }
.yw-event-text p { text-indent: 0; }
.yw-honour-badge { border: 0.5pt solid #000; padding: 0 0.3em; margin: 0 0.2em; }
.yw-honour-badge-meta::before { content: '　'; }

.chapter-link { display: flex; align-items: center; gap: 1.2em; margin-top: 2.5em; padding-top: 1em; border-top: 0.5pt solid #000; break-inside: avoid; font-size: 0.8em; }
.chapter-link svg, .closing svg { flex: none; width: 22mm; height: 22mm; }
.chapter-link p { display: flex; flex-direction: column; }
.chapter-url { word-break: break-all; }

.closing { page: closing; break-before: left; min-height: ${areaHeight}mm; display: flex; flex-direction: column; justify-content: flex-end; align-items: center; text-align: center; font-size: 0.9em; }
.closing-body { display: flex; flex-direction: column; align-items: center; gap: 0.6em; }
.closing-title { font-size: 1.4em; font-weight: 700; letter-spacing: 0.3em; margin-right: -0.3em; }
`;
}
