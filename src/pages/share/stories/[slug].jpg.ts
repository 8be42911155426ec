/** Share image of a story (1200×630 JPEG), for link previews. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStoryShareCard } from '../../../data/share-cards.ts';
import { getStories, type Story } from '../../../data/stories.ts';
import { renderShareImage } from '../../../render/share-image.ts';

export const getStaticPaths = (async () => {
  return (await getStories()).map((story) => ({ params: { slug: story.id }, props: { story } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ story: Story }> = async ({ props }) =>
  new Response(new Uint8Array(await renderShareImage(await getStoryShareCard(props.story))), {
    headers: { 'Content-Type': 'image/jpeg' },
  });
