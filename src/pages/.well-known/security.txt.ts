/** /.well-known/security.txt (RFC 9116): where to report a security problem with the site. */
import type { APIRoute } from 'astro';
import { SITE } from '../../config/site.ts';
import { formatSecurityTxt, getSecurityTxtExpiry } from '../../lib/well-known.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(
    formatSecurityTxt({
      contact: `mailto:${SITE.email}`,
      canonical: new URL('/.well-known/security.txt', site).href,
      languages: ['zh', 'en'],
      expires: getSecurityTxtExpiry(new Date(), process.env.SOURCE_DATE_EPOCH),
    }),
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
