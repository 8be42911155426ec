/**
 * Feeds of stories, from plain values: RSS 2.0 through `@astrojs/rss` and Atom 1.0 through
 * `feed`. Every link is absolute, every item carries its full summary, its writer and its cover
 * (with byte length, as RSS requires). Dates are the stories' own, never the build time, so two
 * builds of the same content write the same feeds.
 */
import { getRssString } from '@astrojs/rss';
import { Feed } from 'feed';

/** A story as a feed item. */
export interface FeedEntry {
  title: string;
  /** Absolute URL of the story. */
  url: string;
  /** The story's summary, whole. */
  summary: string;
  writer: string;
  /** `YYYY-MM-DD`. */
  published: string;
  /** `YYYY-MM-DD`: updated, or published. */
  modified: string;
  themes: readonly string[];
  /** The cover: absolute URL of the full-size file, its size in bytes and its type. */
  cover: { url: string; length: number; type: string; alt: string };
}

/** The feed itself. */
export interface FeedFacts {
  title: string;
  description: string;
  /** Absolute URL of the page the feed follows (the home page, a volume). */
  home: string;
  /** Absolute URL of this feed. */
  self: string;
  /** `© …` line. */
  copyright: string;
  /** Absolute URL of the site icon. */
  icon: string;
}

/** Stories are dated by day; the day starts in China's time zone. */
export function toFeedDate(isoDay: string): Date {
  return new Date(`${isoDay}T00:00:00+08:00`);
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** The newest date among the entries: the feed's own date. */
function getLatest(entries: readonly FeedEntry[]): string {
  return entries.reduce((latest, e) => (e.modified > latest ? e.modified : latest), '1970-01-01');
}

/** RSS 2.0. */
export async function buildRss(facts: FeedFacts, entries: readonly FeedEntry[]): Promise<string> {
  return getRssString({
    title: facts.title,
    description: facts.description,
    site: facts.home,
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/', media: 'http://search.yahoo.com/mrss/' },
    customData: [
      '<language>zh-cn</language>',
      `<copyright>${escapeXml(facts.copyright)}</copyright>`,
      `<lastBuildDate>${toFeedDate(getLatest(entries)).toUTCString()}</lastBuildDate>`,
      `<atom:link href="${escapeXml(facts.self)}" rel="self" type="application/rss+xml"/>`,
    ].join(''),
    items: entries.map((e) => ({
      title: e.title,
      link: e.url,
      pubDate: toFeedDate(e.published),
      description: e.summary,
      categories: [...e.themes],
      enclosure: { url: e.cover.url, length: e.cover.length, type: e.cover.type },
      customData: [
        `<dc:creator>${escapeXml(e.writer)}</dc:creator>`,
        `<media:content url="${escapeXml(e.cover.url)}" medium="image" type="${escapeXml(e.cover.type)}"><media:description>${escapeXml(e.cover.alt)}</media:description></media:content>`,
      ].join(''),
    })),
  });
}

/** Atom 1.0. */
export function buildAtom(facts: FeedFacts, entries: readonly FeedEntry[]): string {
  const feed = new Feed({
    id: facts.self,
    title: facts.title,
    description: facts.description,
    link: facts.home,
    language: 'zh-CN',
    updated: toFeedDate(getLatest(entries)),
    generator: false,
    feedLinks: { atom: facts.self },
    copyright: facts.copyright,
    favicon: facts.icon,
  });
  for (const e of entries) {
    feed.addItem({
      id: e.url,
      title: e.title,
      link: e.url,
      date: toFeedDate(e.modified),
      published: toFeedDate(e.published),
      description: e.summary,
      author: [{ name: e.writer }],
      category: e.themes.map((name) => ({ name, term: name })),
      image: { url: e.cover.url, length: e.cover.length, type: e.cover.type, title: e.cover.alt },
    });
  }
  return feed.atom1();
}
