/**
 * What a card in a list shows, as plain data: a story card and a teacher card. Route data holds
 * these instead of entries, so a page's cache key changes when a card it shows changes, and not
 * when a field no card shows (a story's body) does.
 */
import type { ImageMetadata } from 'astro';
import type { School } from '../schools.ts';
import type { Story } from '../stories.ts';
import { getSortedHonours, getStoryTeachers, type Teacher } from '../teachers.ts';

/** A story in a list: cover, title, teachers, summary and date. */
export interface StoryCardData {
  id: string;
  title: string;
  summary: string;
  published: string;
  sample: boolean;
  cover: { src: ImageMetadata; alt: string };
  /** The teachers' names, in the story's order. */
  teachers: string[];
}

/** A teacher in a list: portrait, name, school, subject and the two newest honours. */
export interface TeacherCardData {
  id: string;
  name: string;
  sample: boolean;
  subject: string | undefined;
  school: string | undefined;
  portrait: { src: ImageMetadata; alt: string } | undefined;
  /** `YYYY 称号`, newest first, at most two. */
  honours: string[];
}

/** A reference to another page by its title: previous and next chapters. */
export interface StoryLink {
  id: string;
  title: string;
}

/** The names of the teachers a story is about, in the story's order (unknown ids left out). */
export async function getTeacherNames(story: Story): Promise<string[]> {
  return (await getStoryTeachers(story)).map((t) => t.data.name);
}

/** A story's card. */
export async function getStoryCard(story: Story): Promise<StoryCardData> {
  const { data } = story;
  return {
    id: story.id,
    title: data.title,
    summary: data.summary,
    published: data.published,
    sample: data.sample,
    cover: { src: data.cover.src, alt: data.cover.alt },
    teachers: await getTeacherNames(story),
  };
}

/** The cards of some stories, in their order. */
export function getStoryCards(stories: readonly Story[]): Promise<StoryCardData[]> {
  return Promise.all(stories.map(getStoryCard));
}

/** A teacher's card; `school` is the teacher's school, looked up by the caller. */
export function toTeacherCard(teacher: Teacher, school: School | undefined): TeacherCardData {
  const { data } = teacher;
  return {
    id: teacher.id,
    name: data.name,
    sample: data.sample,
    subject: data.subject,
    school: school?.data.name,
    portrait: data.portrait ? { src: data.portrait.src, alt: data.portrait.alt } : undefined,
    honours: getSortedHonours(teacher)
      .slice(0, 2)
      .map((h) => `${h.year} ${h.title}`),
  };
}
