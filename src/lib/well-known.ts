/** The small plain-text files crawlers and security researchers look for: robots.txt and security.txt. */

/** robots.txt: everything may be crawled; the sitemap is named with its absolute URL. */
export function formatRobotsTxt(sitemapUrl: string, disallow: readonly string[] = []): string {
  return ['User-agent: *', 'Allow: /', ...disallow.map((path) => `Disallow: ${path}`), '', `Sitemap: ${sitemapUrl}`, ''].join('\n');
}

export interface SecurityTxt {
  /** `mailto:` or `https:` address where vulnerabilities are reported. */
  contact: string;
  /** The file's own absolute URL. */
  canonical: string;
  /** Languages the contact reads, e.g. `['zh', 'en']`. */
  languages: readonly string[];
  /** When the file stops being valid. */
  expires: Date;
}

/** security.txt in the format of RFC 9116. */
export function formatSecurityTxt({ contact, canonical, languages, expires }: SecurityTxt): string {
  return [
    `Contact: ${contact}`,
    `Expires: ${expires.toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
    `Preferred-Languages: ${languages.join(', ')}`,
    `Canonical: ${canonical}`,
    '',
  ].join('\n');
}

/**
 * RFC 9116 asks for an `Expires` less than a year ahead. The site is rebuilt whenever content
 * changes, so the file expires 360 days after the day of the build. The day is the UTC day of
 * `SOURCE_DATE_EPOCH` (seconds) when it is set, as reproducible builds expect, else of `now`.
 */
export function getSecurityTxtExpiry(now: Date, sourceDateEpoch?: string): Date {
  const base = sourceDateEpoch && /^\d+$/.test(sourceDateEpoch) ? new Date(Number(sourceDateEpoch) * 1000) : now;
  return new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate() + 360));
}
