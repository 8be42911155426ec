/**
 * Entries the content check has already read and rendered, handed to the MDX loader in the same
 * process, so a build parses each story once, not twice. The check runs when Astro loads its
 * configuration and the loader runs in the content layer's own module graph, so the two meet on
 * `globalThis`. An entry is taken only if its text is exactly what the loader reads now.
 */
import type { LoadedMdx } from './mdx-loader.ts';

const KEY = Symbol.for('yangwang.checkedMdxEntries');

type Handoff = Map<string, { source: string; loaded: LoadedMdx }>;

function getHandoff(): Handoff {
  const holder = globalThis as { [KEY]?: Handoff };
  holder[KEY] ??= new Map();
  return holder[KEY];
}

/** Keeps a checked entry (without problems) for the loader. */
export function offerCheckedEntry(absoluteFile: string, source: string, loaded: LoadedMdx): void {
  getHandoff().set(absoluteFile, { source, loaded: { ...loaded, frontmatter: undefined, texts: [], figureSources: [] } });
}

/** The checked entry for this file and text, once; undefined when there is none or the text changed. */
export function takeCheckedEntry(absoluteFile: string, source: string): LoadedMdx | undefined {
  const handoff = getHandoff();
  const held = handoff.get(absoluteFile);
  handoff.delete(absoluteFile);
  return held && held.source === source ? held.loaded : undefined;
}

/** Drops whatever is left (entries the loader did not need). */
export function clearCheckedEntries(): void {
  getHandoff().clear();
}
