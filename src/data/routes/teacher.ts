/**
 * A teacher's profile (`/teachers/<slug>/`): the teacher's fields and profile, the school, which of
 * the honours have a roll page, the cards of the stories about the teacher, the search facets.
 */
import { getHonourYears } from '../honours.ts';
import { getSchool } from '../schools.ts';
import { getTeacherSearchFacets, type SearchFacets } from '../search.ts';
import { getStoriesByTeacher } from '../stories.ts';
import { getTeachers, type Teacher } from '../teachers.ts';
import { getStoryCards, type StoryCardData } from './cards.ts';
import { toStaticPath } from './static-paths.ts';
import { bodyOf, type BodyRef } from '../../content-input/entry/body-files.ts';

export interface TeacherRoute {
  id: string;
  teacher: Teacher['data'];
  /** The rendered body, read when the page renders (content-input/entry/body-files.ts). */
  body: BodyRef;
  school: { id: string; name: string } | undefined;
  /** The years of the teacher's honours that have a roll page. */
  rollYears: number[];
  stories: StoryCardData[];
  facets: SearchFacets;
}

/** The route data of one teacher's profile. */
export async function getTeacherRoute(teacher: Teacher): Promise<TeacherRoute> {
  const school = await getSchool(teacher.data.school.id);
  const held = new Set(teacher.data.honours.map((h) => h.year));
  return {
    id: teacher.id,
    teacher: teacher.data,
    body: bodyOf(teacher),
    school: school ? { id: school.id, name: school.data.name } : undefined,
    rollYears: (await getHonourYears()).map((h) => h.data.year).filter((year) => held.has(year)),
    stories: await getStoryCards(await getStoriesByTeacher(teacher.id)),
    facets: await getTeacherSearchFacets(teacher),
  };
}

/** `getStaticPaths()` of `/teachers/<slug>/`. */
export async function getTeacherPaths() {
  const teachers = await getTeachers();
  return Promise.all(teachers.map(async (teacher) => toStaticPath({ slug: teacher.id }, await getTeacherRoute(teacher))));
}
