/**
 * The site's own pages that show data from a whole collection: the home page, the site's feeds,
 * the indexes of teachers, schools and stories. Each is a route with `getStaticPaths()` (an index
 * is a rest parameter that is undefined, the feeds one parameter for both), so it has a cache key
 * and a rebuild restores it when what it shows did not change: a page without `getStaticPaths()`
 * renders on every build (at 10,000 stories the two feeds of every story, 10 MB each, the home page
 * and the indexes of 5,000 teachers and 400 schools took about 4 s of a one-story rebuild).
 */
import { appendToList } from '../../lib/lists.ts';
import { getHonourYears } from '../honours.ts';
import { toFeedStory, type FeedStory } from '../feeds.ts';
import { getSchoolMap, getSchools } from '../schools.ts';
import { getStories } from '../stories.ts';
import { getTeachers, getTeachersByHonour, type Teacher } from '../teachers.ts';
import { getChapters, getVolumes, type Volume } from '../volumes.ts';
import { getStoryCards, toTeacherCard, type StoryCardData, type TeacherCardData } from './cards.ts';
import { getStoryListRoute } from './story-list.ts';
import { toStaticPath } from './static-paths.ts';

/** The site's feeds: `/rss.xml` (RSS 2.0) and `/atom.xml` (Atom 1.0). */
export const SITE_FEEDS = ['rss', 'atom'] as const;
export type SiteFeed = (typeof SITE_FEEDS)[number];

/** The route data of a site feed: every story, newest first. */
export interface SiteFeedRoute {
  feed: SiteFeed;
  stories: FeedStory[];
}

/** `getStaticPaths()` of `/<feed>.xml`. */
export async function getSiteFeedPaths() {
  const stories = (await getStories()).map(toFeedStory);
  return SITE_FEEDS.map((feed) => toStaticPath({ feed }, { feed, stories } satisfies SiteFeedRoute));
}

/** The route data of the home page. */
export interface HomeRoute {
  /** The six newest stories. */
  latest: StoryCardData[];
  /** The newest volume and how many chapters it has. */
  volume: (Pick<Volume['data'], 'title' | 'subtitle' | 'description' | 'cover'> & { id: string; chapterCount: number }) | undefined;
  /** The newest honour roll's awards, with the year and the source. */
  latestRoll: { id: string; year: number; source: string; awards: { id: string; title: string; count: number }[] } | undefined;
}

/** The route data of the home page (`/`). */
export async function getHomeRoute(): Promise<HomeRoute> {
  const volume = (await getVolumes())[0];
  const roll = (await getHonourYears())[0];
  return {
    latest: await getStoryCards((await getStories()).slice(0, 6)),
    volume: volume && {
      id: volume.id,
      title: volume.data.title,
      subtitle: volume.data.subtitle,
      description: volume.data.description,
      cover: volume.data.cover,
      chapterCount: (await getChapters(volume)).length,
    },
    latestRoll: roll && {
      id: roll.id,
      year: roll.data.year,
      source: roll.data.source,
      awards: roll.data.awards.map(({ id, title, count }) => ({ id, title, count })),
    },
  };
}

/** `getStaticPaths()` of the home page: `[...home].astro` with the parameter undefined is `/`. */
export async function getHomePaths() {
  return [toStaticPath({ home: undefined }, await getHomeRoute())];
}

/** The route data of the teachers' index (`/teachers/`): every teacher by school, and by honour. */
export interface TeacherIndexRoute {
  bySchool: { school: { id: string; name: string; district: string | undefined }; teachers: TeacherCardData[] }[];
  byHonour: { title: string; teachers: TeacherCardData[] }[];
}

/** `getStaticPaths()` of `/teachers/` (`teachers/[...index].astro`, the parameter undefined). */
export async function getTeacherIndexPaths() {
  const teachers = await getTeachers();
  const schoolMap = await getSchoolMap();
  const bySchool = new Map<string, Teacher[]>();
  for (const teacher of teachers) appendToList(bySchool, teacher.data.school.id, teacher);
  const route: TeacherIndexRoute = {
    bySchool: (await getSchools()).flatMap((school) => {
      const group = bySchool.get(school.id) ?? [];
      return group.length === 0
        ? []
        : [
            {
              school: { id: school.id, name: school.data.name, district: school.data.district },
              teachers: group.map((teacher) => toTeacherCard(teacher, school)),
            },
          ];
    }),
    byHonour: (await getTeachersByHonour()).map(({ title, teachers: group }) => ({
      title,
      teachers: group.map((teacher) => toTeacherCard(teacher, schoolMap.get(teacher.data.school.id))),
    })),
  };
  return [toStaticPath({ index: undefined }, route)];
}

/** The route data of the schools' index (`/schools/`). */
export interface SchoolIndexRoute {
  schools: { id: string; name: string; sample: boolean; district: string | undefined; stages: string[]; teacherCount: number }[];
}

/** `getStaticPaths()` of `/schools/` (`schools/[...index].astro`, the parameter undefined). */
export async function getSchoolIndexPaths() {
  const counts = new Map<string, number>();
  for (const teacher of await getTeachers()) counts.set(teacher.data.school.id, (counts.get(teacher.data.school.id) ?? 0) + 1);
  const route: SchoolIndexRoute = {
    schools: (await getSchools()).map((school) => ({
      id: school.id,
      name: school.data.name,
      sample: school.data.sample,
      district: school.data.district,
      stages: school.data.stages,
      teacherCount: counts.get(school.id) ?? 0,
    })),
  };
  return [toStaticPath({ index: undefined }, route)];
}

/** `getStaticPaths()` of `/stories/`, the first page of the stories index (`stories/[...index].astro`). */
export async function getStoryIndexPaths() {
  return [toStaticPath({ index: undefined }, await getStoryListRoute(1))];
}
