/** The site's share image (1200×630 JPEG), for pages without one of their own. */
import type { APIRoute } from 'astro';
import { getSiteShareCard, toShareImageInput } from '../../data/share-cards.ts';
import { renderShareImage } from '../../render/share-image.ts';

export const GET: APIRoute = async () =>
  new Response(new Uint8Array(await renderShareImage(toShareImageInput(getSiteShareCard()))), { headers: { 'Content-Type': 'image/jpeg' } });
