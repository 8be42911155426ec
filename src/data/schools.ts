/** Schools as pages see them. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { getPinyinSortKey } from '../lib/pinyin.ts';

export type School = CollectionEntry<'schools'>;

let cache: Promise<{ all: School[]; byId: ReadonlyMap<string, School> }> | undefined;

function getIndex() {
  cache ??= getCollection('schools').then((entries) => {
    const all = entries
      .map((school) => ({ school, key: getPinyinSortKey(school.data.name) }))
      .sort((a, b) => a.key.localeCompare(b.key) || a.school.id.localeCompare(b.school.id))
      .map((s) => s.school);
    return { all, byId: new Map(all.map((s) => [s.id, s])) };
  });
  return cache;
}

/** Every school, sorted by pinyin of the name (names that read alike by id). */
export async function getSchools(): Promise<School[]> {
  return (await getIndex()).all;
}

/** The school with this id. */
export async function getSchool(id: string): Promise<School | undefined> {
  return (await getIndex()).byId.get(id);
}

/** Schools by id, for lookups while rendering lists (built once, shared: do not change it). */
export async function getSchoolMap(): Promise<ReadonlyMap<string, School>> {
  return (await getIndex()).byId;
}
