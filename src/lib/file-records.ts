/**
 * What the build's records in the cache folder share: a file's key (did it change since it was
 * read?) and writing a record whole or not at all.
 */
import { mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A file's size, modification time (ns) and inode, `size:mtimeNs:ino`; undefined when there is no
 * file. A page Astro leaves in place or restores keeps all three; a page written again changes them.
 */
export function fileKey(path: string): string | undefined {
  const stat = statSync(path, { bigint: true, throwIfNoEntry: false });
  return stat && `${stat.size}:${stat.mtimeNs}:${stat.ino}`;
}

/** Writes `value` as JSON to `file` whole or not at all: a build interrupted while writing leaves the old file. */
export function writeJsonWhole(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.partial`, JSON.stringify(value));
  renameSync(`${file}.partial`, file);
}
