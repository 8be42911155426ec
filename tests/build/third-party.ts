/**
 * Finds resources a page would load from another origin: stylesheets, scripts, images, media,
 * frames, and `url()`/`@import` in inline styles. The site must load everything from itself.
 */

/** `<link rel>` values whose `href` the browser fetches as a resource. */
const RESOURCE_RELS = new Set([
  'stylesheet',
  'icon',
  'apple-touch-icon',
  'mask-icon',
  'manifest',
  'preload',
  'modulepreload',
  'prefetch',
  'preconnect',
  'dns-prefetch',
]);

/** Tag and attribute pairs that load something. */
const LOADING_ATTRIBUTES: readonly (readonly [string, string])[] = [
  ['script', 'src'],
  ['img', 'src'],
  ['img', 'srcset'],
  ['source', 'src'],
  ['source', 'srcset'],
  ['video', 'src'],
  ['video', 'poster'],
  ['audio', 'src'],
  ['track', 'src'],
  ['iframe', 'src'],
  ['embed', 'src'],
  ['object', 'data'],
  ['input', 'src'],
];

/** Is this URL (as written in the page) on another origin than `origin`? Relative URLs are not. */
function isOtherOrigin(url: string, origin: string): boolean {
  const trimmed = url.trim();
  if (/^data:|^blob:/i.test(trimmed)) return false;
  if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(trimmed)) return false;
  try {
    return new URL(trimmed, origin).origin !== origin;
  } catch {
    return true;
  }
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3] ?? '').replace(/&amp;/g, '&') : undefined;
}

/** Every URL the page would load from an origin other than `origin` (the site's own). */
export function findThirdPartyUrls(html: string, origin: string): string[] {
  const found: string[] = [];
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rels = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attribute(tag, 'href');
    if (href !== undefined && rels.some((r) => RESOURCE_RELS.has(r)) && isOtherOrigin(href, origin)) found.push(href);
  }
  for (const [tagName, name] of LOADING_ATTRIBUTES) {
    for (const tag of html.match(new RegExp(`<${tagName}\\b[^>]*>`, 'gi')) ?? []) {
      const value = attribute(tag, name);
      if (value === undefined) continue;
      const urls = name === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
      found.push(...urls.filter((u) => isOtherOrigin(u, origin)));
    }
  }
  for (const css of [...(html.match(/<style\b[^>]*>[\s\S]*?<\/style>/gi) ?? []), ...(html.match(/\sstyle="[^"]*"/gi) ?? [])]) {
    found.push(...findThirdPartyUrlsInCss(css, origin));
  }
  return found;
}

/** URLs in `url(…)` and `@import` of a stylesheet that point at another origin. */
export function findThirdPartyUrlsInCss(css: string, origin: string): string[] {
  const urls = [...css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/gi)].map(
    (m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '',
  );
  return urls.filter((u) => isOtherOrigin(u, origin));
}
