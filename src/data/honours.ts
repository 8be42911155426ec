/** Honour rolls as pages see them, newest year first. */
import { getCollection, type CollectionEntry } from 'astro:content';

export type HonourYear = CollectionEntry<'honours'>;

/** Every year's roll, newest first. */
export async function getHonourYears(): Promise<HonourYear[]> {
  return (await getCollection('honours')).sort((a, b) => b.data.year - a.data.year);
}

/** The roll of a year. */
export async function getHonourYear(year: string): Promise<HonourYear | undefined> {
  return (await getHonourYears()).find((h) => h.id === year);
}
