/**
 * `npm run book -- <volume>`: the print-ready PDF of a volume (cover, 版权页, 前言, 目录,
 * chapters, closing page) at the trim size its YAML gives, with fonts embedded.
 *
 *   npm run book -- yangwang                      # → dist-book/yangwang.pdf
 *   npm run book -- yangwang --bleed              # 3 mm bleed and crop marks, for the printer
 *   npm run book -- yangwang --out /tmp/y.pdf     # another file
 *   npm run book -- yangwang --root <dir>         # another project root (tests)
 *   npm run book -- yangwang --html book.html     # also writes the HTML that is paginated
 *
 * Content with problems, a volume that does not exist or a picture that does not load stop it
 * with a Chinese message naming file and field, exit code 1, and no PDF (not even part of one).
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { getContentDir } from '../src/content-input/tree/check-content.ts';
import { UI } from '../src/i18n/zh-CN.ts';
import { formatProblem } from '../src/content-input/problem.ts';
import { renderQrSvg } from '../src/lib/qr-code.ts';
import { formatTrimSize } from '../src/lib/trim-size.ts';
import { BLEED_MM, getChapterUrl, getFigureWidthMm, getVolumeUrl, layoutBook } from '../src/render/book/layout-book.ts';
import { setPageBoxes } from '../src/render/book/finish-pdf.ts';
import { BookPrintError, printBook } from '../src/render/book/print-book.ts';
import { readVolume } from '../src/render/book/read-volume.ts';

const USAGE = '用法：npm run book -- <文集文件名，例如 yangwang> [--bleed] [--out 文件.pdf]';
/** The same default as astro.config.mjs: the site's address unless SITE_URL says otherwise. */
const DEFAULT_SITE = process.env.SITE_URL ?? 'https://yangwang.example.org';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    bleed: { type: 'boolean', default: false },
    root: { type: 'string', default: process.cwd() },
    content: { type: 'string' },
    site: { type: 'string', default: DEFAULT_SITE },
    html: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const slug = positionals[0];
if (!slug || positionals.length > 1) fail(USAGE);

const started = performance.now();
const root = resolve(values.root);
const contentDir = values.content ?? getContentDir();
const out = resolve(root, values.out ?? `dist-book/${slug}.pdf`);

const read = await readVolume({ root, contentDir, slug });
if (!read.ok) {
  fail(
    [
      `没有生成《${slug}》的 PDF：发现 ${read.problems.length} 个问题。`,
      ...read.problems.map((p) => `  ${formatProblem(p)}`),
      '',
      '每行是：文件:行号  字段  问题和改法。改好后再运行 npm run book。',
    ].join('\n'),
  );
}
const { volume } = read;
const site = values.site.endsWith('/') ? values.site : `${values.site}/`;
const qrCodes = new Map<number, string>();
for (const chapter of volume.chapters) {
  qrCodes.set(chapter.number, await renderQrSvg(getChapterUrl(site, chapter), UI.media.chapterQr(chapter.number), 'chapter-qr'));
}
const volumeQr = await renderQrSvg(getVolumeUrl(site, volume), UI.book.closingOnline, 'volume-qr');
const fontFile = createRequire(import.meta.url).resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');
const html = layoutBook(volume, { site, bleed: values.bleed, fontFile, qrCodes, volumeQr });
const extra = values.bleed ? 2 * BLEED_MM : 0;

// Printers ask for 300 ppi: say which pictures have fewer pixels than that at their printed size.
const thin: string[] = [];
for (const chapter of volume.chapters) {
  for (const figure of chapter.figures) {
    const { width, height } = await sharp(figure.path).metadata();
    const ppi = Math.round(width / (getFigureWidthMm(volume.trim, { width, height }) / 25.4));
    if (ppi < 300) thin.push(`${relative(root, figure.path)}（约 ${ppi} ppi）`);
  }
}
// The document that is paginated, to open in a browser when the layout needs a closer look.
if (values.html) await writeFile(resolve(root, values.html), html);

let printed;
try {
  printed = await printBook(html, { width: volume.trim.width + extra, height: volume.trim.height + extra });
} catch (error) {
  if (error instanceof BookPrintError) fail(`没有生成《${volume.title}》的 PDF：${error.message}`);
  throw error;
}

// Written beside the target and renamed, so a failure never leaves part of a PDF behind.
await mkdir(dirname(out), { recursive: true });
const partial = `${out}.${process.pid}.partial`;
try {
  await writeFile(
    partial,
    await setPageBoxes(printed.pdf, volume.trim, values.bleed ? BLEED_MM : 0, {
      title: `《${volume.title}》`,
      author: volume.editor,
      subject: volume.subtitle,
    }),
  );
  await rename(partial, out);
} finally {
  await rm(partial, { force: true });
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
process.stdout.write(
  `已生成 ${relative(process.cwd(), out) || out}：《${volume.title}》${volume.chapters.length} 篇，${printed.pages} 页，开本 ${formatTrimSize(volume.trim)}` +
    `${values.bleed ? `，四边各加 ${BLEED_MM} mm 出血和裁切线` : ''}（${seconds} 秒）\n`,
);
if (thin.length) {
  process.stdout.write(
    `提示：${thin.length} 张图片印出来不到 300 ppi，可能发虚，付印前最好换成原始照片：\n${thin.map((t) => `  ${t}`).join('\n')}\n`,
  );
}
