/** RSS 2.0 feed of a volume: its chapters in the book's order. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { SITE } from '../../../config/site.ts';
import { getChapters, getVolumes, type Volume } from '../../../data/collections.ts';
import { toFeedEntry } from '../../../data/feeds.ts';
import { UI } from '../../../i18n/zh-CN.ts';
import { buildRss } from '../../../lib/feeds.ts';

export const getStaticPaths = (async () => {
  return (await getVolumes()).map((volume) => ({ params: { slug: volume.id }, props: { volume } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ volume: Volume }> = async ({ props, site }) => {
  if (!site) throw new Error('astro.config.mjs 里缺少 site');
  const { volume } = props;
  const entries = (await getChapters(volume)).map((c) => toFeedEntry(c.story, site));
  const facts = {
    title: `${SITE.name} · ${UI.feeds.volume(volume.data.title)}`,
    description: UI.feeds.volumeDescription(volume.data.title),
    home: new URL(`/collections/${volume.id}/`, site).href,
    self: new URL(`/collections/${volume.id}/rss.xml`, site).href,
    copyright: `${SITE.publisher}　${UI.footer.rights}`,
    icon: new URL('/favicon.ico', site).href,
  };
  return new Response(await buildRss(facts, entries), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
