/**
 * A cache of the content check's per-file results, so a rebuild after editing one story checks
 * one story, not ten thousand. A file's result is reused only when nothing it depends on
 * changed: its bytes, the files in its folder (images it may refer to), the rules (the source of
 * the checks, loaders, schemas and configuration, and the locked library versions) and the
 * options. Anything that spans files (references, duplicates) is recomputed on every run.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImageCache } from './image-files.ts';

/** Folders whose code decides what a check finds. */
const RULE_SOURCES = ['src/content-input', 'src/lib', 'src/schemas', 'src/config'];
const PROJECT = fileURLToPath(new URL('../../..', import.meta.url)).replace(/\/$/, '');

/** The project's own cache folder for the content check. */
export const CACHE_FOLDER = join(PROJECT, 'node_modules/.cache/yangwang');

/** Where results for one content folder are cached: the project's own node_modules/.cache. */
export function getDefaultCachePath(contentRoot: string): string {
  const name = createHash('sha256').update(contentRoot).digest('hex').slice(0, 16);
  return join(CACHE_FOLDER, `content-check-${name}.json`);
}

export interface CacheFile<T> {
  version: string;
  files: Record<string, { key: string; result: T }>;
  images: ImageCache;
}

/** A digest of the rules: every source file that shapes a result, and the lock file. */
export async function getRulesVersion(): Promise<string> {
  const hash = createHash('sha256');
  const files: string[] = [];
  for (const dir of RULE_SOURCES) files.push(...(await listRecursive(join(PROJECT, dir))));
  files.push(join(PROJECT, 'package-lock.json'));
  for (const file of files.sort()) {
    hash.update(file.slice(PROJECT.length));
    hash.update(await readFile(file).catch(() => ''));
  }
  return hash.digest('hex');
}

/**
 * A key for one file's result: its text, the listing of its folder (when it may refer to images
 * there), and extra inputs (options).
 */
export function getFileKey(source: string, folder: string | undefined, extra: string): string {
  return createHash('sha256')
    .update(extra)
    .update('\u0000')
    .update(source)
    .update(folder ? getFolderListing(folder) : '')
    .digest('hex');
}

/**
 * The files of a folder with their sizes and times: what an entry's images may have become.
 * Read with synchronous calls: a folder holds a few files, and the asynchronous ones wait for
 * libuv's thread pool, which the image decoding (tree/image-files.ts) keeps busy.
 */
export function getFolderListing(folder: string): string {
  let listing = '';
  for (const file of listRecursiveSync(folder)) {
    const s = statSync(file, { throwIfNoEntry: false });
    listing += `\u0000${file}\u0000${s?.size ?? -1}\u0000${s?.mtimeMs ?? -1}`;
  }
  return listing;
}

export async function readCache<T>(path: string, version: string): Promise<CacheFile<T>> {
  try {
    const cache = JSON.parse(await readFile(path, 'utf-8')) as CacheFile<T>;
    if (cache.version === version) return cache;
  } catch {
    // No cache yet, or an unreadable one: start afresh.
  }
  return { version, files: {}, images: { files: {}, hashes: {} } };
}

export async function writeCache<T>(path: string, cache: CacheFile<T>): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, JSON.stringify(cache));
  } catch {
    // A cache that cannot be written only costs time next run.
  }
}

async function listRecursive(dir: string): Promise<string[]> {
  const out: string[] = [];
  const dirents = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const d of dirents) {
    const full = join(dir, d.name);
    if (d.isDirectory()) out.push(...(await listRecursive(full)));
    else if (d.isFile()) out.push(full);
  }
  return out.sort();
}

function listRecursiveSync(dir: string): string[] {
  const out: string[] = [];
  let dirents: Dirent[];
  try {
    dirents = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const d of dirents) {
    const full = join(dir, d.name);
    if (d.isDirectory()) out.push(...listRecursiveSync(full));
    else if (d.isFile()) out.push(full);
  }
  return out.sort();
}
