/** Teachers as pages see them, sorted by pinyin, with lookups by id and by school. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { sortHonoursNewestFirst } from '../lib/honours.ts';
import { appendToList } from '../lib/lists.ts';
import { getPinyinSortKey } from '../lib/pinyin.ts';

export type Teacher = CollectionEntry<'teachers'>;

interface TeacherIndex {
  all: Teacher[];
  byId: Map<string, Teacher>;
  bySchool: Map<string, Teacher[]>;
}

let cache: Promise<TeacherIndex> | undefined;

// Every page asks for teachers by id; at 10,000 stories a scan of the list on each lookup made
// page rendering grow with the square of the site (scripts/bench), so lookups go through maps
// built once.
function getIndex(): Promise<TeacherIndex> {
  cache ??= getCollection('teachers').then((entries) => {
    const all = entries
      .map((teacher) => ({ teacher, key: getPinyinSortKey(teacher.data.name) }))
      .sort((a, b) => a.key.localeCompare(b.key) || a.teacher.id.localeCompare(b.teacher.id))
      .map((t) => t.teacher);
    const bySchool = new Map<string, Teacher[]>();
    for (const teacher of all) appendToList(bySchool, teacher.data.school.id, teacher);
    return { all, byId: new Map(all.map((t) => [t.id, t])), bySchool };
  });
  return cache;
}

/** Every teacher, sorted by the pinyin of the name. */
export async function getTeachers(): Promise<Teacher[]> {
  return (await getIndex()).all;
}

/** The teacher with this id. */
export async function getTeacher(id: string): Promise<Teacher | undefined> {
  return (await getIndex()).byId.get(id);
}

/** The teachers a story is about, in the story's order (unknown ids are left out). */
export async function getStoryTeachers(story: { data: { teachers: readonly { id: string }[] } }): Promise<Teacher[]> {
  const { byId } = await getIndex();
  return story.data.teachers.map((t) => byId.get(t.id)).filter((t) => t !== undefined);
}

/** Teachers of a school, by pinyin. */
export async function getTeachersBySchool(schoolId: string): Promise<Teacher[]> {
  return (await getIndex()).bySchool.get(schoolId) ?? [];
}

/** A teacher's honours, newest first. */
export function getSortedHonours(teacher: Teacher): Teacher['data']['honours'] {
  return sortHonoursNewestFirst(teacher.data.honours);
}

/** Teachers grouped by honour title (a teacher appears under each honour held), by title. */
export async function getTeachersByHonour(): Promise<{ title: string; teachers: Teacher[] }[]> {
  const groups = new Map<string, Teacher[]>();
  for (const teacher of await getTeachers()) {
    for (const title of new Set(teacher.data.honours.map((h) => h.title))) appendToList(groups, title, teacher);
  }
  return [...groups.entries()]
    .map(([title, teachers]) => ({ title, teachers }))
    .sort((a, b) => getPinyinSortKey(a.title).localeCompare(getPinyinSortKey(b.title)));
}
