/** Share image of a teacher's profile (1200×630 JPEG), for link previews. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getTeacherShareCardPaths } from '../../../data/routes/share-card.ts';
import type { RouteProps } from '../../../data/routes/static-paths.ts';
import { toShareImageInput, type ShareCardData } from '../../../render/share-card/read-card.ts';
import { renderShareImage } from '../../../render/share-card/draw-card.ts';

export const getStaticPaths = getTeacherShareCardPaths satisfies GetStaticPaths;

export const GET: APIRoute<RouteProps<ShareCardData>> = async ({ props }) =>
  new Response(new Uint8Array(await renderShareImage(toShareImageInput(props.route))), {
    headers: { 'Content-Type': 'image/jpeg' },
  });
