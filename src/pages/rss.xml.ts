/** RSS 2.0 feed of every story, newest first. */
import type { APIRoute } from 'astro';
import { getSiteFeedFacts, toFeedEntry } from '../data/feeds.ts';
import { getStories } from '../data/stories.ts';
import { buildRss } from '../lib/feeds.ts';

export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('astro.config.mjs 里缺少 site');
  const entries = (await getStories()).map((s) => toFeedEntry(s, site));
  return new Response(await buildRss(getSiteFeedFacts(site, '/rss.xml'), entries), {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' },
  });
};
