/** Share image of a volume (1200×630 JPEG), for link previews. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getVolumes, type Volume } from '../../../data/collections.ts';
import { getVolumeShareCard } from '../../../data/share-cards.ts';
import { renderShareImage } from '../../../render/share-image.ts';

export const getStaticPaths = (async () => {
  return (await getVolumes()).map((volume) => ({ params: { slug: volume.id }, props: { volume } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ volume: Volume }> = async ({ props }) =>
  new Response(new Uint8Array(await renderShareImage(getVolumeShareCard(props.volume))), {
    headers: { 'Content-Type': 'image/jpeg' },
  });
