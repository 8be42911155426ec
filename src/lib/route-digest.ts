/**
 * The digest of a page's route data: what the page shows, serialised the same way every build
 * (object keys sorted, images by what a page can show of them), then SHA-256. Routes return it as
 * `cacheKey` from `getStaticPaths()`, so Astro's incremental build restores a page exactly when
 * what it shows did not change (its code is covered by Astro's own hash of the page's modules).
 */
import { createHash } from 'node:crypto';

/** An image as Astro hands it to pages (`ImageMetadata`); `fsPath` and the rest are not shown. */
interface ImageLike {
  src: string;
  width: number;
  height: number;
  format: string;
}

function isImage(value: object): value is ImageLike {
  const v = value as Partial<ImageLike>;
  return typeof v.src === 'string' && typeof v.width === 'number' && typeof v.height === 'number' && typeof v.format === 'string';
}

/** Plain data in a stable order: object keys sorted, `undefined` dropped, images as src/width/height/format. */
function toStable(value: unknown, path: string): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`route data ${path}: ${value} cannot be digested`);
    return value;
  }
  if (Array.isArray(value)) return value.map((v, i) => (v === undefined ? null : toStable(v, `${path}[${i}]`)));
  if (typeof value === 'object') {
    // The image's file is named by a hash of its content in a build, so `src` changes with it.
    if (isImage(value)) return { src: value.src, width: value.width, height: value.height, format: value.format };
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      throw new Error(`route data ${path}: only plain objects can be digested, not ${value.constructor.name}`);
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = toStable(v, `${path}.${key}`);
    }
    return out;
  }
  throw new Error(`route data ${path}: a ${typeof value} cannot be digested`);
}

/** The stable serialisation the digest is taken of (exported for tests and for reading a key's input). */
export function serializeRouteData(value: unknown): string {
  return JSON.stringify(toStable(value, 'route'));
}

/** SHA-256 (base64url) of the route data's stable serialisation. */
export function digestRouteData(value: unknown): string {
  return createHash('sha256').update(serializeRouteData(value)).digest('base64url');
}
