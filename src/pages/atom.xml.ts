/** Atom 1.0 feed of every story, newest first. */
import type { APIRoute } from 'astro';
import { getSiteFeedFacts, toFeedEntry } from '../data/feeds.ts';
import { getStories } from '../data/stories.ts';
import { buildAtom } from '../lib/feeds.ts';

export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('astro.config.mjs 里缺少 site');
  const entries = (await getStories()).map((s) => toFeedEntry(s, site));
  return new Response(buildAtom(getSiteFeedFacts(site, '/atom.xml'), entries), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
};
