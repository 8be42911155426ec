/**
 * The site's own pages that show data from every collection: the home page and the site's feeds.
 * Each is a route with `getStaticPaths()` (the home page a rest parameter that is undefined, the
 * feeds one parameter for both), so it has a cache key and a rebuild restores it when what it shows
 * did not change: a page without `getStaticPaths()` renders on every build (at 10,000 stories the
 * two feeds of every story, 10 MB each, and the home page took about 3 s of a one-story rebuild).
 */
import { getHonourYears } from '../honours.ts';
import { toFeedStory, type FeedStory } from '../feeds.ts';
import { getStories } from '../stories.ts';
import { getChapters, getVolumes, type Volume } from '../volumes.ts';
import { getStoryCards, type StoryCardData } from './cards.ts';
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
