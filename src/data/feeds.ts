/** Stories as feed entries, and the facts of each feed. */
import { statSync } from 'node:fs';
import { SITE } from '../config/site.ts';
import { UI } from '../i18n/zh-CN.ts';
import type { FeedEntry, FeedFacts } from '../lib/feeds.ts';
import { getImageFile } from '../lib/image-file.ts';
import type { Story } from './stories.ts';

const MIME: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
};

/** What a feed shows of a story. */
export interface FeedStory {
  id: string;
  data: Pick<Story['data'], 'title' | 'summary' | 'writer' | 'published' | 'updated' | 'themes' | 'cover'>;
}

/** What a feed shows of a story, from the story (route data holds this, not the entry). */
export function toFeedStory(story: Story): FeedStory {
  const { title, summary, writer, published, updated, themes, cover } = story.data;
  return { id: story.id, data: { title, summary, writer, published, updated, themes, cover } };
}

/** A story as a feed entry; `site` is the site's URL. */
export function toFeedEntry(story: FeedStory, site: URL): FeedEntry {
  const { data } = story;
  const cover = data.cover.src;
  return {
    title: data.title,
    url: new URL(`/stories/${story.id}/`, site).href,
    summary: data.summary,
    writer: data.writer,
    published: data.published,
    modified: data.updated ?? data.published,
    themes: data.themes,
    cover: {
      url: new URL(cover.src, site).href,
      length: statSync(getImageFile(cover)).size,
      type: MIME[cover.format] ?? `image/${cover.format}`,
      alt: data.cover.alt,
    },
  };
}

/** The site-wide feed's facts; `self` is the feed's own path. */
export function getSiteFeedFacts(site: URL, self: string): FeedFacts {
  return {
    title: `${SITE.name} · ${UI.feeds.allStories}`,
    description: UI.feeds.allStoriesDescription,
    home: new URL('/', site).href,
    self: new URL(self, site).href,
    copyright: `${SITE.publisher}　${UI.footer.rights}`,
    icon: new URL('/favicon.ico', site).href,
  };
}
