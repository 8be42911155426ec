/**
 * A story's page: everything `/stories/<slug>/` shows, as plain data. The page and its components
 * render only from this; its digest is the page's cache key.
 */
import { getChapterPlaces } from '../volumes.ts';
import { getSchoolMap } from '../schools.ts';
import { getStorySearchFacets, type SearchFacets } from '../search.ts';
import { getCharacterCount, getRelatedStories, getStories, type Story } from '../stories.ts';
import { getStoryTeachers } from '../teachers.ts';
import { estimateReadingMinutes } from '../../lib/reading-time.ts';
import { getStoryCards, type StoryCardData, type StoryLink } from './cards.ts';
import { toStaticPath } from './static-paths.ts';
import { bodyOf, type BodyRef } from '../../content-input/entry/body-files.ts';

/** A teacher as a story page names them: linked, with the school. */
export interface StoryTeacher {
  id: string;
  name: string;
  school: { id: string; name: string } | undefined;
}

/** Where the story stands in a volume that holds it. */
export interface StoryPlace {
  volume: { id: string; title: string };
  number: number;
  previous: StoryLink | undefined;
  next: StoryLink | undefined;
}

export interface StoryRoute {
  id: string;
  /** The story's own fields (title, dates, cover, figures, themes, corrections …). */
  story: Story['data'];
  /** The body as the loader rendered it, read when the page renders (content-input/entry/body-files.ts). */
  body: BodyRef;
  readingMinutes: number;
  teachers: StoryTeacher[];
  places: StoryPlace[];
  related: StoryCardData[];
  facets: SearchFacets;
}

const toLink = (story: Story | undefined): StoryLink | undefined => (story ? { id: story.id, title: story.data.title } : undefined);

/** The route data of one story's page. */
export async function getStoryRoute(story: Story): Promise<StoryRoute> {
  const schools = await getSchoolMap();
  const teachers = (await getStoryTeachers(story)).map((t): StoryTeacher => {
    const school = schools.get(t.data.school.id);
    return { id: t.id, name: t.data.name, school: school ? { id: school.id, name: school.data.name } : undefined };
  });
  const places = (await getChapterPlaces(story)).map((p): StoryPlace => ({
    volume: { id: p.volume.id, title: p.volume.data.title },
    number: p.number,
    previous: toLink(p.previous),
    next: toLink(p.next),
  }));
  return {
    id: story.id,
    story: story.data,
    body: bodyOf(story),
    readingMinutes: estimateReadingMinutes(getCharacterCount(story)),
    teachers,
    places,
    related: await getStoryCards(await getRelatedStories(story)),
    facets: await getStorySearchFacets(story),
  };
}

/** `getStaticPaths()` of `/stories/<slug>/`. */
export async function getStoryPaths() {
  const stories = await getStories();
  return Promise.all(stories.map(async (story) => toStaticPath({ slug: story.id }, await getStoryRoute(story))));
}
