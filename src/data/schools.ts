/** Schools as pages see them. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { getPinyinSortKey } from '../lib/pinyin.ts';

export type School = CollectionEntry<'schools'>;

let cache: Promise<School[]> | undefined;

/** Every school, sorted by pinyin of the name. */
export function getSchools(): Promise<School[]> {
  cache ??= getCollection('schools').then((all) =>
    all.sort((a, b) => getPinyinSortKey(a.data.name).localeCompare(getPinyinSortKey(b.data.name))),
  );
  return cache;
}

/** The school with this id. */
export async function getSchool(id: string): Promise<School | undefined> {
  return (await getSchools()).find((s) => s.id === id);
}

/** Schools by id, for lookups while rendering lists. */
export async function getSchoolMap(): Promise<Map<string, School>> {
  return new Map((await getSchools()).map((s) => [s.id, s]));
}
