/** Share image of a volume (1200×630 JPEG), for link previews. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getVolumeShareCardPaths } from '../../../data/routes/share-card.ts';
import type { RouteProps } from '../../../data/routes/static-paths.ts';
import { toShareImageInput, type ShareCardData } from '../../../render/share-card/read-card.ts';
import { renderShareImage } from '../../../render/share-card/draw-card.ts';

export const getStaticPaths = getVolumeShareCardPaths satisfies GetStaticPaths;

export const GET: APIRoute<RouteProps<ShareCardData>> = async ({ props }) =>
  new Response(new Uint8Array(await renderShareImage(toShareImageInput(props.route))), {
    headers: { 'Content-Type': 'image/jpeg' },
  });
