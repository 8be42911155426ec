import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Paths of the files under `dir` (symbolic links included), relative to it with `/`, in the order
 * the folders list them; top-level entries named in `skipTop` are not entered. One `readdirSync`
 * with file types per folder: `readdirSync(dir, { recursive: true })` took five times as long over
 * the 75,000 files of a 10,000-story site, and a `statSync` per entry longer still.
 */
export function listFiles(dir: string, skipTop: ReadonlySet<string> = new Set()): string[] {
  const files: string[] = [];
  const walk = (abs: string, rel: string) => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (!rel && skipTop.has(entry.name)) continue;
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(join(abs, entry.name), path);
      else if (entry.isFile() || entry.isSymbolicLink()) files.push(path);
    }
  };
  walk(dir, '');
  return files;
}
