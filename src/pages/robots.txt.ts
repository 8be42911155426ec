/** /robots.txt: crawlers may read everything; it points them at the sitemap. */
import type { APIRoute } from 'astro';
import { formatRobotsTxt } from '../lib/well-known.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(formatRobotsTxt(new URL('/sitemap-index.xml', site).href), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
