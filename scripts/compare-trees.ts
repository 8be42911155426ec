/** Compares two folders file by file: what `npm run check:reproducible` reports. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const TEXT = /\.(html|xml|json|txt|css|js|mjs|svg)$|(^|\/)_headers$/;

function digests(dir: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    map.set(relative(dir, path).split('\\').join('/'), createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return map;
}

/** Where two text files first differ, with a little context on each side. */
function describeDifference(a: string, b: string): string {
  const left = readFileSync(a, 'utf-8');
  const right = readFileSync(b, 'utf-8');
  let i = 0;
  while (i < left.length && left[i] === right[i]) i++;
  const show = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 60), i + 60));
  return ` at character ${i}:\n      ${show(left)}\n      ${show(right)}`;
}

/** Every difference between two folders, one line each (more for text files); empty when identical. */
export function compareTrees(first: string, second: string): { files: number; problems: string[] } {
  const a = digests(first);
  const b = digests(second);
  const problems: string[] = [];
  for (const [file, hash] of a) {
    if (!b.has(file)) problems.push(`only in the first build: ${file}`);
    else if (b.get(file) !== hash) problems.push(`differs: ${file}${TEXT.test(file) ? describeDifference(join(first, file), join(second, file)) : ''}`);
  }
  for (const file of b.keys()) if (!a.has(file)) problems.push(`only in the second build: ${file}`);
  return { files: a.size, problems: problems.sort() };
}
