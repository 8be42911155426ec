/**
 * Renders share images (1200×630 PNG) at build time: satori lays out the card with Noto Serif SC
 * (from the npm package `@expo-google-fonts/noto-serif-sc`, subset per card with HarfBuzz, so
 * nothing is fetched), sharp draws it over the picture. Rendering costs tens of milliseconds
 * per card, so results are cached by content (in Astro's cache folder): a rebuild renders only the
 * cards that changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import satori from 'satori';
import sharp, { type OverlayOptions } from 'sharp';
import subsetFont from 'subset-font';
import { buildShareCardTree, getCardText, getPanelWidth, SHARE_HEIGHT, SHARE_WIDTH, type ShareCard } from '../lib/share-card.ts';

/** Bump when the layout or the rendering changes, so cached images are redrawn. */
const RENDERER_VERSION = 7;

/** Set by src/integrations/share-images.ts to a folder in Astro's cache; read at each call. */
function getCacheDir(): string {
  return process.env.YANGWANG_SHARE_CACHE_DIR ?? join(process.cwd(), 'node_modules', '.astro', 'share-images');
}
const FONT_PACKAGE = '@expo-google-fonts/noto-serif-sc';

// Resolved from the project root: the built page modules live elsewhere (dist/, a temp folder).
const require = createRequire(join(process.cwd(), 'package.json'));

let fonts: Promise<{ regular: Buffer; bold: Buffer; version: string }> | undefined;

function loadFonts() {
  fonts ??= Promise.resolve().then(() => ({
    regular: readFileSync(require.resolve(`${FONT_PACKAGE}/400Regular/NotoSerifSC_400Regular.ttf`)),
    bold: readFileSync(require.resolve(`${FONT_PACKAGE}/700Bold/NotoSerifSC_700Bold.ttf`)),
    version: (JSON.parse(readFileSync(require.resolve(`${FONT_PACKAGE}/package.json`), 'utf-8')) as { version: string }).version,
  }));
  return fonts;
}

/** A card with the file of its picture, if any. */
export interface ShareImageInput {
  card: ShareCard;
  /** Path of the picture file (a story's cover, a teacher's portrait). */
  pictureFile?: string | undefined;
}

/** The PNG of a card, from the cache when nothing has changed. */
export async function renderShareImage({ card, pictureFile }: ShareImageInput): Promise<Buffer> {
  const { regular, bold, version } = await loadFonts();
  const picture = pictureFile ? readFileSync(pictureFile) : undefined;
  const key = createHash('sha256')
    .update(JSON.stringify({ RENDERER_VERSION, version, card }))
    .update(picture ?? '')
    .digest('hex');
  const cacheDir = getCacheDir();
  const cached = join(cacheDir, `${key}.png`);
  if (existsSync(cached)) return readFileSync(cached);

  const text = getCardText(card);
  const [regularSubset, boldSubset] = await Promise.all([
    subsetFont(regular, text, { targetFormat: 'sfnt' }),
    subsetFont(bold, text, { targetFormat: 'sfnt' }),
  ]);
  const svg = await satori(buildShareCardTree(card) as unknown as Parameters<typeof satori>[0], {
    width: SHARE_WIDTH,
    height: SHARE_HEIGHT,
    fonts: [
      { name: 'Noto Serif SC', data: regularSubset, weight: 400, style: 'normal' },
      { name: 'Noto Serif SC', data: boldSubset, weight: 700, style: 'normal' },
    ],
  });
  const layers: OverlayOptions[] = [];
  const panel = getPanelWidth(card);
  if (picture && card.picture) {
    const fitted = await sharp(picture).rotate().resize(panel, SHARE_HEIGHT, { fit: 'cover', position: 'centre' }).toBuffer();
    layers.push({ input: fitted, left: SHARE_WIDTH - panel, top: 0 });
  }
  layers.push({ input: Buffer.from(svg), left: 0, top: 0 });
  const png = await sharp({ create: { width: SHARE_WIDTH, height: SHARE_HEIGHT, channels: 3, background: '#fbf9f4' } })
    .composite(layers)
    .png({ compressionLevel: 6 })
    .toBuffer();

  mkdirSync(cacheDir, { recursive: true });
  const temporary = `${cached}.${process.pid}.tmp`;
  writeFileSync(temporary, png);
  renameSync(temporary, cached);
  return png;
}
