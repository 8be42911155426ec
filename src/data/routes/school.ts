/**
 * A school's page (`/schools/<slug>/`): the school's fields, the cards of its teachers and of the
 * stories about them, the search facets.
 */
import { compareNewestFirst } from '../../lib/dates.ts';
import { getSchools, type School } from '../schools.ts';
import { getSchoolSearchFacets, type SearchFacets } from '../search.ts';
import { getStoriesByTeacher, type Story } from '../stories.ts';
import { getTeachersBySchool } from '../teachers.ts';
import { getStoryCards, toTeacherCard, type StoryCardData, type TeacherCardData } from './cards.ts';
import { toStaticPath } from './static-paths.ts';

export interface SchoolRoute {
  id: string;
  school: School['data'];
  teachers: TeacherCardData[];
  /** Stories about any of its teachers, newest first, each once. */
  stories: StoryCardData[];
  facets: SearchFacets;
}

/** The route data of one school's page. */
export async function getSchoolRoute(school: School): Promise<SchoolRoute> {
  const teachers = await getTeachersBySchool(school.id);
  const stories = new Map<string, Story>();
  for (const teacher of teachers) for (const story of await getStoriesByTeacher(teacher.id)) stories.set(story.id, story);
  // The order of every story list (src/data/stories.ts): newest first, then by id.
  const sorted = [...stories.values()].sort((a, b) => compareNewestFirst(a.data.published, b.data.published) || a.id.localeCompare(b.id));
  return {
    id: school.id,
    school: school.data,
    teachers: teachers.map((t) => toTeacherCard(t, school)),
    stories: await getStoryCards(sorted),
    facets: await getSchoolSearchFacets(school),
  };
}

/** `getStaticPaths()` of `/schools/<slug>/`. */
export async function getSchoolPaths() {
  const schools = await getSchools();
  return Promise.all(schools.map(async (school) => toStaticPath({ slug: school.id }, await getSchoolRoute(school))));
}
