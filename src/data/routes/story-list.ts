/**
 * The pages of the stories index (`/stories/`, `/stories/page/N/`): which page of how many, and
 * the cards it shows. A new story moves every later card, so every page's key changes with it;
 * an edit to one story's card changes only the page that shows it.
 */
import { SITE } from '../../config/site.ts';
import { splitIntoPages } from '../../lib/paginate.ts';
import { getStories } from '../stories.ts';
import { getStoryCards, type StoryCardData } from './cards.ts';
import { toStaticPath } from './static-paths.ts';

export interface StoryListRoute {
  /** 1-based. */
  current: number;
  total: number;
  stories: StoryCardData[];
}

async function getPages() {
  return splitIntoPages(await getStories(), SITE.storiesPerPage);
}

/** The route data of page `n` (1-based) of the stories index. */
export async function getStoryListRoute(n: number): Promise<StoryListRoute> {
  const pages = await getPages();
  return { current: n, total: pages.length, stories: await getStoryCards(pages[n - 1] ?? []) };
}

/** `getStaticPaths()` of `/stories/page/N/` (N ≥ 2; the first page is `/stories/`). */
export async function getStoryListPaths() {
  const pages = await getPages();
  return Promise.all(
    pages.slice(1).map(async (stories, i) =>
      toStaticPath({ page: String(i + 2) }, {
        current: i + 2,
        total: pages.length,
        stories: await getStoryCards(stories),
      } satisfies StoryListRoute),
    ),
  );
}
