/** The site's share image (1200×630 JPEG), for pages without one of their own. */
import type { APIRoute } from 'astro';
import { getSiteShareCard, toShareImageInput } from '../../render/share-card/read-card.ts';
import { renderShareImage } from '../../render/share-card/draw-card.ts';

export const GET: APIRoute = async () =>
  new Response(new Uint8Array(await renderShareImage(toShareImageInput(getSiteShareCard()))), {
    headers: { 'Content-Type': 'image/jpeg' },
  });
