/** /robots.txt: crawlers may read everything but the web editor (/admin/); it points them at the sitemap. */
import type { APIRoute } from 'astro';
import { ADMIN_PATH } from '../config/cms.ts';
import { formatRobotsTxt } from '../lib/well-known.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(formatRobotsTxt(new URL('/sitemap-index.xml', site).href, [ADMIN_PATH]), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
