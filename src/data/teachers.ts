/** Teachers as pages see them, sorted by pinyin. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { getPinyinSortKey } from '../lib/pinyin.ts';

export type Teacher = CollectionEntry<'teachers'>;

let cache: Promise<Teacher[]> | undefined;

/** Every teacher, sorted by the pinyin of the name. */
export function getTeachers(): Promise<Teacher[]> {
  cache ??= getCollection('teachers').then((all) =>
    all.sort((a, b) => getPinyinSortKey(a.data.name).localeCompare(getPinyinSortKey(b.data.name)) || a.id.localeCompare(b.id)),
  );
  return cache;
}

/** The teacher with this id. */
export async function getTeacher(id: string): Promise<Teacher | undefined> {
  return (await getTeachers()).find((t) => t.id === id);
}

/** Teachers of a school. */
export async function getTeachersBySchool(schoolId: string): Promise<Teacher[]> {
  return (await getTeachers()).filter((t) => t.data.school.id === schoolId);
}

/** A teacher's honours, newest first. */
export function getSortedHonours(teacher: Teacher): Teacher['data']['honours'] {
  return [...teacher.data.honours].sort((a, b) => b.year - a.year || a.title.localeCompare(b.title));
}

/** Teachers grouped by honour title (a teacher appears under each honour held), by title. */
export async function getTeachersByHonour(): Promise<{ title: string; teachers: Teacher[] }[]> {
  const groups = new Map<string, Teacher[]>();
  for (const teacher of await getTeachers()) {
    for (const title of new Set(teacher.data.honours.map((h) => h.title))) {
      groups.set(title, [...(groups.get(title) ?? []), teacher]);
    }
  }
  return [...groups.entries()]
    .map(([title, teachers]) => ({ title, teachers }))
    .sort((a, b) => getPinyinSortKey(a.title).localeCompare(getPinyinSortKey(b.title)));
}
