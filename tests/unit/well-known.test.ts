import { describe, expect, it } from 'vitest';
import { formatRobotsTxt, formatSecurityTxt, getSecurityTxtExpiry } from '../../src/lib/well-known.ts';

describe('robots.txt', () => {
  it('allows everything and names the sitemap', () => {
    expect(formatRobotsTxt('https://x.org/sitemap-index.xml')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://x.org/sitemap-index.xml\n',
    );
    expect(formatRobotsTxt('https://x.org/sitemap-index.xml', ['/admin/'])).toBe(
      'User-agent: *\nAllow: /\nDisallow: /admin/\n\nSitemap: https://x.org/sitemap-index.xml\n',
    );
  });
});

describe('security.txt', () => {
  it('writes the RFC 9116 fields, Expires in UTC without milliseconds', () => {
    const text = formatSecurityTxt({
      contact: 'mailto:a@b.org',
      canonical: 'https://b.org/.well-known/security.txt',
      languages: ['zh', 'en'],
      expires: new Date(Date.UTC(2027, 0, 2)),
    });
    expect(text).toBe(
      'Contact: mailto:a@b.org\nExpires: 2027-01-02T00:00:00Z\nPreferred-Languages: zh, en\nCanonical: https://b.org/.well-known/security.txt\n',
    );
  });
  it('expires 360 days after the UTC day of the build, whatever the hour', () => {
    expect(getSecurityTxtExpiry(new Date('2026-11-24T23:59:00Z')).toISOString()).toBe('2027-11-19T00:00:00.000Z');
    expect(getSecurityTxtExpiry(new Date('2026-11-24T00:01:00Z')).toISOString()).toBe('2027-11-19T00:00:00.000Z');
  });
  it('takes the day from SOURCE_DATE_EPOCH when set (reproducible builds)', () => {
    const epoch = String(Date.UTC(2025, 5, 1, 12) / 1000);
    expect(getSecurityTxtExpiry(new Date('2026-11-24T10:00:00Z'), epoch).toISOString()).toBe('2026-05-27T00:00:00.000Z');
    expect(getSecurityTxtExpiry(new Date('2026-11-24T10:00:00Z'), 'garbage').toISOString()).toBe('2027-11-19T00:00:00.000Z');
  });
});
