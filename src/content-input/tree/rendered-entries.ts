/**
 * The one handoff between the content check and the MDX loader: what the check rendered, so a
 * build parses each story once, not twice. The check runs when Astro loads its configuration
 * and the loader runs later in the content layer's own module graph, so they share no memory;
 * the check keeps each entry it read without problems in the project's cache folder, one file
 * per entry, and the loader takes an entry only when its text, the files in its folder and the
 * rules are exactly what it would render now. A missing or stale entry costs only time: the
 * loader renders it itself.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { LoadedMdx } from '../entry/mdx-entry.ts';
import { CACHE_FOLDER, getFolderListing, getRulesVersion } from './check-cache.ts';

const FOLDER = join(CACHE_FOLDER, 'rendered');

/** What is kept: everything the loader stores, nothing the check alone needs. */
type Kept = Pick<LoadedMdx, 'id' | 'data' | 'html' | 'headings' | 'characterCount'>;

function pathFor(absoluteFile: string): string {
  return join(FOLDER, `${createHash('sha256').update(absoluteFile).digest('hex').slice(0, 32)}.json`);
}

/** What the kept entry must match: the rules, the file's place and text, its folder. */
function keyFor(rules: string, absoluteFile: string, source: string): string {
  return createHash('sha256')
    .update(rules)
    .update(`\u0000${absoluteFile}\u0000${source}`)
    .update(getFolderListing(dirname(absoluteFile)))
    .digest('hex');
}

/**
 * The version of the rules (tree/check-cache.ts) to key entries by: read once per check run or
 * per loader run, not once per entry (it reads every rule's source).
 */
export const getRenderedEntriesVersion = getRulesVersion;

/** Keeps an entry the check read without problems, for the loader. `rules`: getRenderedEntriesVersion(). */
export async function keepRenderedEntry(rules: string, absoluteFile: string, source: string, loaded: LoadedMdx): Promise<void> {
  const { id, data, html, headings, characterCount } = loaded;
  const kept: Kept = { id, data, html, headings, characterCount };
  try {
    await mkdir(FOLDER, { recursive: true });
    await writeFile(pathFor(absoluteFile), JSON.stringify({ key: keyFor(rules, absoluteFile, source), entry: kept }));
  } catch {
    // Not kept: the loader renders the entry itself.
  }
}

/** The entry the check rendered from exactly this text; undefined when there is none or it is stale. */
export async function takeRenderedEntry(rules: string, absoluteFile: string, file: string, source: string): Promise<LoadedMdx | undefined> {
  let held: { key: string; entry: Kept };
  try {
    held = JSON.parse(await readFile(pathFor(absoluteFile), 'utf-8')) as { key: string; entry: Kept };
  } catch {
    return undefined;
  }
  if (held.key !== keyFor(rules, absoluteFile, source)) return undefined;
  return { ...held.entry, file, problems: [], frontmatter: undefined, texts: [], figureSources: [], links: [] };
}
