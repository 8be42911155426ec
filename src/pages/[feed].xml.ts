/**
 * The site's feeds of every story, newest first: `/rss.xml` (RSS 2.0) and `/atom.xml` (Atom 1.0).
 * One route for both, with `getStaticPaths()`, so each has a cache key and a rebuild restores it
 * when no story's title, summary, writer, dates, themes or cover changed (src/data/routes/site-pages.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteFeedFacts, toFeedEntry } from '../data/feeds.ts';
import type { RouteProps } from '../data/routes/static-paths.ts';
import { getSiteFeedPaths, type SiteFeedRoute } from '../data/routes/site-pages.ts';
import { buildAtom, buildRss } from '../lib/feeds.ts';

export const getStaticPaths = getSiteFeedPaths satisfies GetStaticPaths;

export const GET: APIRoute<RouteProps<SiteFeedRoute>> = async ({ props, site }) => {
  if (!site) throw new Error('astro.config.mjs 里缺少 site');
  const { feed, stories } = props.route;
  const entries = stories.map((s) => toFeedEntry(s, site));
  const facts = getSiteFeedFacts(site, `/${feed}.xml`);
  return feed === 'rss'
    ? new Response(await buildRss(facts, entries), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } })
    : new Response(buildAtom(facts, entries), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
