/**
 * The rules the content check runs before the build on the site's addresses and pictures:
 * links between the site's pages, redirect loops, and pictures that do not decode whole.
 */
import { readFileSync } from 'node:fs';
import sharp, { type Create } from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkPermanentUrls } from '../../src/content-input/rules/permanent-urls.ts';
import { checkSiteLink } from '../../src/content-input/rules/site-links.ts';
import { getSitePages } from '../../src/content-input/rules/site-pages.ts';
import { decode } from '../../src/content-input/tree/image-files.ts';

const pages = getSitePages([
  { collection: 'stories', id: 'shan-li-de-deng', data: {} },
  { collection: 'stories', id: 'cao-gao', data: { draft: true } },
  { collection: 'teachers', id: 'lin-qiuyun', data: {} },
  { collection: 'volumes', id: 'yangwang', data: {} },
]);

describe('getSitePages', () => {
  it('has the fixed pages, one page per entry, a volume’s print edition and feed, and no draft', () => {
    expect(pages.has('/')).toBe(true);
    expect(pages.has('/stories/shan-li-de-deng/')).toBe(true);
    expect(pages.has('/stories/cao-gao/')).toBe(false);
    expect(pages.has('/collections/yangwang/print/')).toBe(true);
    expect(pages.has('/collections/yangwang/rss.xml')).toBe(true);
  });
});

describe('checkSiteLink', () => {
  const redirected = new Set(['/stories/old-name/']);
  it.each([
    'https://example.org/stories/nowhere/',
    'mailto:office@example.org',
    '/stories/shan-li-de-deng/',
    '/stories/shan-li-de-deng/#第一节',
    '/stories/old-name/',
    '/stories/page/3/',
    '/share/stories/shan-li-de-deng.jpg',
    '#note-1',
  ])('accepts %s', (url) => {
    expect(checkSiteLink(url, pages, redirected)).toBeUndefined();
  });
  it('reports a page that does not exist, with the closest page of the same kind', () => {
    expect(checkSiteLink('/teachers/lin-qiuyn/', pages, redirected)).toBe(
      '链接到本站的 /teachers/lin-qiuyn/，但网站没有这个页面：是否想写 /teachers/lin-qiuyun/？',
    );
    expect(checkSiteLink('/stories/cao-gao/', pages, redirected)).toContain('网站没有这个页面');
    expect(checkSiteLink('/zzz/', pages, redirected)).toContain('请检查地址');
  });
  it('asks for the trailing slash of a page address', () => {
    expect(checkSiteLink('/stories/shan-li-de-deng#a', pages, redirected)).toBe(
      '本站的页面地址以 / 结尾：请写成 /stories/shan-li-de-deng/#a',
    );
  });
});

describe('redirect loops', () => {
  it('are named as loops, each from its own line', () => {
    const problems = checkPermanentUrls({
      published: [],
      produced: pages,
      redirects: [
        { from: '/a/', to: '/b/', line: 1 },
        { from: '/b/', to: '/c/', line: 4 },
        { from: '/c/', to: '/a/', line: 7 },
        { from: '/d/', to: '/a/', line: 10 },
      ],
      files: { list: 'l', redirects: 'r' },
    });
    expect(problems.map((p) => [p.kind, p.line])).toEqual([
      ['redirect-loop', 1],
      ['redirect-loop', 4],
      ['redirect-loop', 7],
      ['redirect-chain', 10],
    ]);
    expect(problems[0]?.message).toContain('/a/ → /b/ → /c/ → /a/');
  });
});

describe('decode (sharp 0.35, failOn: truncated)', () => {
  const jpeg = readFileSync('tests/fixtures/checks/base/content/stories/shan-li-de-deng/cover.jpg');
  it('accepts whole JPEG and PNG files', async () => {
    const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#336699' } })
      .png()
      .toBuffer();
    for (const buffer of [jpeg, png]) expect((await decode(buffer)).error).toBe(false);
    const facts = await decode(jpeg);
    expect(Object.keys(facts).sort()).toEqual(['error', 'height', 'width']);
    expect(facts.error).toBe(false);
    expect(facts.width).toBeGreaterThan(0);
    expect(facts.height).toBeGreaterThan(0);
  });
  it('finds a JPEG and a PNG cut short, whose header still reads', async () => {
    const noise: Create = { width: 400, height: 300, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 30 } };
    const png = await sharp({ create: noise }).png().toBuffer();
    const bigJpeg = await sharp({ create: noise }).jpeg().toBuffer();
    for (const whole of [bigJpeg, png]) {
      const cut = whole.subarray(0, Math.floor(whole.length * 0.9));
      expect((await sharp(cut).metadata()).width).toBe(400);
      expect((await decode(cut)).error).toBe('damaged');
    }
    expect((await decode(jpeg.subarray(0, Math.floor(jpeg.length * 0.6)))).error).toBe('damaged');
  });
  it('reports a file that is no picture at all as one that does not open', async () => {
    expect((await decode(Buffer.from('这不是图片'))).error).toBe('open');
  });
});
