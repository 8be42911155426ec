/**
 * What an image file is, for the content check: its size in pixels, and whether it can be
 * decoded whole. Reading the header alone (`sharp().metadata()`) accepts a file that was cut
 * short, and Astro then publishes it with its lower part grey; so every image is decoded to
 * the end with `failOn: 'truncated'` (sharp 0.35: a JPEG cut short fails with "premature end of
 * JPEG image", a PNG with "libpng read error"). A JPEG is decoded at 1/8 scale (libjpeg still
 * reads every byte of it), which costs a fifth of a full decode.
 *
 * Results are cached per file: reused while its size and time are unchanged, and by the hash
 * of its bytes otherwise (a file copied or checked out again is not decoded again).
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import sharp, { type Metadata } from 'sharp';

/** What the check knows of one image file. */
export interface ImageFacts {
  bytes: number;
  width: number;
  height: number;
  /** `open`: not an image sharp can read; `damaged`: the header reads but the picture does not decode whole. */
  error: false | 'open' | 'damaged';
}

/** The cached part, per file (by size and time) and per content hash. */
export interface ImageCache {
  files: Record<string, { key: string; hash: string }>;
  hashes: Record<string, Omit<ImageFacts, 'bytes'>>;
}

/** At most this many files are read and decoded at once (memory stays bounded at any corpus size). */
const AT_ONCE = 4;

/** Inspects image files, each once, a few at a time, sharing the cache between runs. */
export function createImageInspector(
  cache: ImageCache,
  next: ImageCache,
): (absolute: string, file: string) => Promise<ImageFacts | undefined> {
  const started = new Map<string, Promise<ImageFacts | undefined>>();
  let running = 0;
  const waiting: (() => void)[] = [];
  const slot = async () => {
    if (running >= AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
  };
  const release = () => {
    running--;
    waiting.shift()?.();
  };

  const inspect = async (absolute: string, file: string): Promise<ImageFacts | undefined> => {
    const size = await stat(absolute).catch(() => undefined);
    if (!size?.isFile()) return undefined;
    const key = `${size.size}\u0000${size.mtimeMs}`;
    const known = cache.files[file];
    const byKey = known?.key === key ? (next.hashes[known.hash] ?? cache.hashes[known.hash]) : undefined;
    if (known && byKey) {
      next.files[file] = known;
      next.hashes[known.hash] = byKey;
      return { bytes: size.size, ...byKey };
    }
    await slot();
    try {
      const buffer = await readFile(absolute);
      const hash = createHash('sha256').update(buffer).digest('hex');
      const facts = next.hashes[hash] ?? cache.hashes[hash] ?? (await decode(buffer));
      next.files[file] = { key, hash };
      next.hashes[hash] = facts;
      return { bytes: size.size, ...facts };
    } finally {
      release();
    }
  };

  return (absolute, file) => {
    let promise = started.get(absolute);
    if (!promise) {
      // A file that cannot be read is reported as one that cannot be opened.
      promise = inspect(absolute, file).catch((): ImageFacts => ({ bytes: 0, width: 0, height: 0, error: 'open' }));
      started.set(absolute, promise);
    }
    return promise;
  };
}

/** Reads the header, then decodes the whole picture. */
export async function decode(buffer: Buffer): Promise<Omit<ImageFacts, 'bytes'>> {
  let meta: Metadata;
  try {
    meta = await sharp(buffer).metadata();
  } catch {
    return { width: 0, height: 0, error: 'open' };
  }
  const { width, height, format } = meta;
  // Too large to publish anyway (rules/images.ts reports it): not worth the memory of a decode.
  if (width * height > 64_000_000) return { width, height, error: false };
  try {
    let image = sharp(buffer, { failOn: 'truncated' });
    // libjpeg's shrink-on-load: still reads the whole file, decodes an eighth of the pixels.
    if (format === 'jpeg')
      image = image.resize({
        width: Math.max(1, Math.ceil(width / 8)),
        height: Math.max(1, Math.ceil(height / 8)),
        fit: 'fill',
        kernel: 'nearest',
      });
    await image.raw().toBuffer();
  } catch {
    return { width, height, error: 'damaged' };
  }
  return { width, height, error: false };
}
