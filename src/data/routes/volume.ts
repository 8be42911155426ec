/**
 * A volume's pages: `/collections/<slug>/` (the table of contents), `/collections/<slug>/print/`
 * (the whole volume on one page) and `/collections/<slug>/rss.xml` (its chapters as a feed).
 */
import { getChapters, getVolumes, type Volume } from '../volumes.ts';
import { getVolumeSearchFacets, type SearchFacets } from '../search.ts';
import type { Story } from '../stories.ts';
import { toFeedStory, type FeedStory } from '../feeds.ts';
import { getTeacherNames } from './cards.ts';
import { toStaticPath } from './static-paths.ts';
import { bodyOf, type BodyRef } from '../../content-input/entry/body-files.ts';

/** A line of the table of contents. */
export interface ChapterEntry {
  number: number;
  id: string;
  title: string;
  writer: string;
  /** The teachers' names, in the story's order. */
  teachers: string[];
}

/** A chapter of the print edition: its line in the contents, and the whole story. */
export interface PrintChapter extends ChapterEntry {
  subtitle: string | undefined;
  published: string;
  /** The rendered body, read when the page renders (content-input/entry/body-files.ts). */
  body: BodyRef;
  figures: Story['data']['figures'];
}

export interface VolumeRoute {
  id: string;
  volume: Volume['data'];
  chapters: ChapterEntry[];
  facets: SearchFacets;
}

export interface VolumePrintRoute {
  id: string;
  volume: Volume['data'];
  chapters: PrintChapter[];
}

export interface VolumeFeedRoute {
  id: string;
  title: string;
  /** The chapters in the book's order. */
  stories: FeedStory[];
}

async function toChapterEntry(number: number, story: Story): Promise<ChapterEntry> {
  return { number, id: story.id, title: story.data.title, writer: story.data.writer, teachers: await getTeacherNames(story) };
}

/** The route data of a volume's page. */
export async function getVolumeRoute(volume: Volume): Promise<VolumeRoute> {
  const chapters = await Promise.all((await getChapters(volume)).map((c) => toChapterEntry(c.number, c.story)));
  return { id: volume.id, volume: volume.data, chapters, facets: await getVolumeSearchFacets(volume) };
}

/** The route data of a volume's print edition. */
export async function getVolumePrintRoute(volume: Volume): Promise<VolumePrintRoute> {
  const chapters = await Promise.all(
    (await getChapters(volume)).map(async ({ number, story }): Promise<PrintChapter> => ({
      ...(await toChapterEntry(number, story)),
      subtitle: story.data.subtitle,
      published: story.data.published,
      body: bodyOf(story),
      figures: story.data.figures,
    })),
  );
  return { id: volume.id, volume: volume.data, chapters };
}

/** The route data of a volume's feed. */
export async function getVolumeFeedRoute(volume: Volume): Promise<VolumeFeedRoute> {
  const stories = (await getChapters(volume)).map(({ story }) => toFeedStory(story));
  return { id: volume.id, title: volume.data.title, stories };
}

/** `getStaticPaths()` of `/collections/<slug>/`. */
export async function getVolumePaths() {
  return Promise.all((await getVolumes()).map(async (v) => toStaticPath({ slug: v.id }, await getVolumeRoute(v))));
}

/** `getStaticPaths()` of `/collections/<slug>/print/`. */
export async function getVolumePrintPaths() {
  return Promise.all((await getVolumes()).map(async (v) => toStaticPath({ slug: v.id }, await getVolumePrintRoute(v))));
}

/** `getStaticPaths()` of `/collections/<slug>/rss.xml`. */
export async function getVolumeFeedPaths() {
  return Promise.all((await getVolumes()).map(async (v) => toStaticPath({ slug: v.id }, await getVolumeFeedRoute(v))));
}
