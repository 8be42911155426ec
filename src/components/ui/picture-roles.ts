/**
 * How each kind of picture on the site is encoded and offered: one entry per role, spread into
 * `<Picture {...PICTURE_ROLES.x} />`, so a role looks the same everywhere. Components import
 * `Picture` from here too: the site's own (./Picture.astro, Astro's markup without putting alt
 * texts into the incremental build's manifest), and one import keeps a page's imports in number and
 * order: Astro orders a page's component styles by the position of each import.
 *
 * Every picture is AVIF with WebP for browsers without it: every browser in use reads WebP, so no
 * JPEG. Widths are shared where they can be (a story's card and its page ask for 480 and 800 of the
 * same cover), so each size of a file is encoded once.
 */
import type { ImageMetadata, ImageOutputFormat } from 'astro';
import { getImage } from 'astro:assets';

export { default as Picture } from './Picture.astro';

/** What `<Picture>` needs to know about a role besides the image itself. */
export interface PictureRole {
  formats: ImageOutputFormat[];
  fallbackFormat: ImageOutputFormat;
  widths: number[];
  /** The `sizes` attribute: how wide the picture is shown at each viewport width. */
  sizes: string;
}

function avifWithWebp(widths: number[], sizes: string): PictureRole {
  return { formats: ['avif'], fallbackFormat: 'webp', widths, sizes };
}

export const PICTURE_ROLES = {
  /**
   * A story's cover at the top of its page, the width of the 68rem column. 1200 px at most covers a
   * phone at 3× and the column at 1×; a 1600 px copy cost more encoding time than the three smaller
   * ones together (scripts/bench).
   */
  storyCover: avifWithWebp([480, 800, 1200], '(min-width: 72rem) 68rem, 100vw'),
  /** A figure in a story's or profile's body, the width of the 36em text column. */
  bodyFigure: avifWithWebp([480, 800, 1200], '(min-width: 48rem) 36em, 100vw'),
  /** A story's cover on its card in a list (one to three columns); widths the story page also uses. */
  cardCover: avifWithWebp([480, 800], '(min-width: 64rem) 22rem, (min-width: 40rem) 45vw, 100vw'),
  /** A volume's cover on its own page. */
  volumeCover: avifWithWebp([240, 480, 720], '(min-width: 48rem) 240px, 50vw'),
  /** A volume's cover on the home page. */
  homeVolumeCover: avifWithWebp([200, 400], '200px'),
  /** A volume's cover in the list of volumes. */
  volumeListCover: avifWithWebp([160, 320], '160px'),
  /** A teacher's portrait, shown `size` CSS pixels wide (1× and 2×). */
  portrait: (size: number): PictureRole => avifWithWebp([size, size * 2], `${size}px`),
} as const;

/** A search result's thumbnail: 2× a 64×48 box, cropped, WebP. */
export function getSearchThumbnail(src: ImageMetadata) {
  return getImage({ src, width: 128, height: 96, fit: 'cover', format: 'webp' });
}
