/** RSS 2.0 feed of a volume: its chapters in the book's order. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { SITE } from '../../../config/site.ts';
import { toFeedEntry } from '../../../data/feeds.ts';
import type { RouteProps } from '../../../data/routes/static-paths.ts';
import { getVolumeFeedPaths, type VolumeFeedRoute } from '../../../data/routes/volume.ts';
import { UI } from '../../../i18n/zh-CN.ts';
import { buildRss } from '../../../lib/feeds.ts';

export const getStaticPaths = getVolumeFeedPaths satisfies GetStaticPaths;

export const GET: APIRoute<RouteProps<VolumeFeedRoute>> = async ({ props, site }) => {
  if (!site) throw new Error('astro.config.mjs 里缺少 site');
  const { id, title, stories } = props.route;
  const entries = stories.map((s) => toFeedEntry(s, site));
  const facts = {
    title: `${SITE.name} · ${UI.feeds.volume(title)}`,
    description: UI.feeds.volumeDescription(title),
    home: new URL(`/collections/${id}/`, site).href,
    self: new URL(`/collections/${id}/rss.xml`, site).href,
    copyright: `${SITE.publisher}　${UI.footer.rights}`,
    icon: new URL('/favicon.ico', site).href,
  };
  return new Response(await buildRss(facts, entries), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
