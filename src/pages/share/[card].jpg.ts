/**
 * The site's share image (1200×630 JPEG, `/share/site.jpg`), for pages without one of their own.
 * A route with `getStaticPaths()`, so a rebuild restores it instead of drawing it again.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteShareCardPaths } from '../../data/routes/share-card.ts';
import type { RouteProps } from '../../data/routes/static-paths.ts';
import { toShareImageInput, type ShareCardData } from '../../render/share-card/read-card.ts';
import { renderShareImage } from '../../render/share-card/draw-card.ts';

export const getStaticPaths = getSiteShareCardPaths satisfies GetStaticPaths;

export const GET: APIRoute<RouteProps<ShareCardData>> = async ({ props }) =>
  new Response(new Uint8Array(await renderShareImage(toShareImageInput(props.route))), {
    headers: { 'Content-Type': 'image/jpeg' },
  });
