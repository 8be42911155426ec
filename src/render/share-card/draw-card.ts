/**
 * Draws share images (1200×630 JPEG) at build time from a card (read-card.ts, layout-card.ts): satori lays out the card with Noto Serif SC
 * (from the npm package `@expo-google-fonts/noto-serif-sc`, so nothing is fetched), sharp draws it
 * over the picture. Results are cached by content (in Astro's cache folder): a rebuild renders
 * only the cards that changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import satori from 'satori';
import sharp, { type OverlayOptions } from 'sharp';
import { buildShareCardTree, getPanelWidth, PAPER, SHARE_HEIGHT, SHARE_WIDTH, type ShareCard } from './layout-card.ts';

/** Bump when the layout or the rendering changes, so cached images are redrawn. */
const RENDERER_VERSION = 8;

/** Written into this module by Vite when the site builds (cache-integration.ts): a folder in Astro's cache. */
declare const __YANGWANG_SHARE_CACHE_DIR__: string | undefined;

/** Where cards are cached: the folder the build gives, else Astro's default cache folder. */
function getDefaultCacheDir(): string {
  return typeof __YANGWANG_SHARE_CACHE_DIR__ === 'string'
    ? __YANGWANG_SHARE_CACHE_DIR__
    : join(process.cwd(), 'node_modules', '.astro', 'share-images');
}
const FONT_PACKAGE = '@expo-google-fonts/noto-serif-sc';

// Resolved from the project root: the built page modules live elsewhere (dist/, a temp folder).
const require = createRequire(join(process.cwd(), 'package.json'));

type SatoriFonts = Parameters<typeof satori>[1]['fonts'];

let fonts: Promise<{ fonts: SatoriFonts; version: string }> | undefined;

/**
 * The whole fonts, read once and handed to satori as the same array on every call: satori parses
 * a font once per array and keeps it. Subsetting the 15 MB fonts to each card's characters instead
 * (HarfBuzz) cost about 30 ms a card, and satori then parsed each new subset again: together about
 * 80 ms of a card's 95 ms (scripts/bench/share-images.ts).
 */
function loadFonts() {
  fonts ??= Promise.resolve().then(() => {
    const font = (weight: 400 | 700, file: string) => ({
      name: 'Noto Serif SC',
      data: readFileSync(require.resolve(`${FONT_PACKAGE}/${file}`)),
      weight,
      style: 'normal' as const,
    });
    return {
      fonts: [font(400, '400Regular/NotoSerifSC_400Regular.ttf'), font(700, '700Bold/NotoSerifSC_700Bold.ttf')],
      version: (JSON.parse(readFileSync(require.resolve(`${FONT_PACKAGE}/package.json`), 'utf-8')) as { version: string }).version,
    };
  });
  return fonts;
}

/** A card with the file of its picture, if any. */
export interface ShareImageInput {
  card: ShareCard;
  /** Path of the picture file (a story's cover, a teacher's portrait). */
  pictureFile?: string | undefined;
}

/** The JPEG of a card, from the cache when nothing has changed. */
export async function renderShareImage({ card, pictureFile }: ShareImageInput, cacheDir = getDefaultCacheDir()): Promise<Buffer> {
  const { fonts, version } = await loadFonts();
  const picture = pictureFile ? readFileSync(pictureFile) : undefined;
  const key = createHash('sha256')
    .update(JSON.stringify({ RENDERER_VERSION, version, card }))
    .update(picture ?? '')
    .digest('hex');
  const cached = join(cacheDir, `${key}.jpg`);
  if (existsSync(cached)) return readFileSync(cached);

  const svg = await satori(buildShareCardTree(card) as unknown as Parameters<typeof satori>[0], {
    width: SHARE_WIDTH,
    height: SHARE_HEIGHT,
    fonts,
  });
  // The card itself is the canvas and the picture goes under its transparent panel: a quarter
  // (with a picture) to a half (without) less CPU in sharp than compositing both onto a blank
  // canvas, measured apart (BENCHMARKS.md, Share images). sharp
  // flattens before it composites, so the flattening (and dropping the alpha channel, which
  // no card needs) is a second step.
  const layers: OverlayOptions[] = [];
  const panel = getPanelWidth(card);
  if (picture && card.picture) {
    const fitted = await sharp(picture).rotate().resize(panel, SHARE_HEIGHT, { fit: 'cover', position: 'centre' }).toBuffer();
    layers.push({ input: fitted, left: SHARE_WIDTH - panel, top: 0, blend: 'dest-over' });
  }
  const drawn = await sharp(Buffer.from(svg)).ensureAlpha().composite(layers).raw().toBuffer();
  // JPEG, not PNG: less than half the bytes over a photograph (53 KB a card instead of 124; the
  // PNGs were 3.1 GB of a 10,000-story dist/), and every app that shows link previews reads it.
  // Full-resolution colour (4:4:4) keeps the red and grey text sharp.
  const jpeg = await sharp(drawn, { raw: { width: SHARE_WIDTH, height: SHARE_HEIGHT, channels: 4 } })
    .flatten({ background: PAPER })
    .jpeg({ quality: 85, chromaSubsampling: '4:4:4' })
    .toBuffer();

  mkdirSync(cacheDir, { recursive: true });
  const temporary = `${cached}.${process.pid}.tmp`;
  writeFileSync(temporary, jpeg);
  renameSync(temporary, cached);
  return jpeg;
}
