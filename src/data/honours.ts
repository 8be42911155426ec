/** Honour rolls as pages see them, newest year first. */
import { getCollection, type CollectionEntry } from 'astro:content';

export type HonourYear = CollectionEntry<'honours'>;

let cache: Promise<HonourYear[]> | undefined;

/** Every year's roll, newest first (two files of one year by id). */
export function getHonourYears(): Promise<HonourYear[]> {
  cache ??= getCollection('honours').then((all) => all.sort((a, b) => b.data.year - a.data.year || a.id.localeCompare(b.id)));
  return cache;
}

/** The roll of a year. */
export async function getHonourYear(year: string): Promise<HonourYear | undefined> {
  return (await getHonourYears()).find((h) => h.id === year);
}
