/** The permanent-URL checks: the list file, the built URLs, redirects, and what the build reports. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRedirects } from '../../src/content-input/entry/redirects-file.ts';
import {
  checkPermanentUrls,
  findUnlistedUrls,
  formatUrlProblems,
  getPermanentUrl,
  mergePublishedUrls,
  parsePublishedUrls,
} from '../../src/content-input/rules/permanent-urls.ts';

const files = { list: 'content/published-urls.txt', redirects: 'content/redirects.yaml' };

describe('parsePublishedUrls', () => {
  it('reads one URL a line with its line number, skipping comments and blank lines', () => {
    const { urls, problems } = parsePublishedUrls('# header\n\n/\n/stories/a/\n/rss.xml\n');
    expect(urls).toEqual([
      { url: '/', line: 3 },
      { url: '/stories/a/', line: 4 },
      { url: '/rss.xml', line: 5 },
    ]);
    expect(problems).toEqual([]);
  });
  it('reports lines that are not site paths, and duplicates', () => {
    const { problems } = parsePublishedUrls('/stories/a/\nhttps://x.org/a/\n/stories/a\n/stories/a/\n');
    expect(problems.map((p) => [p.line, p.url])).toEqual([
      [2, 'https://x.org/a/'],
      [3, '/stories/a'],
      [4, '/stories/a/'],
    ]);
    expect(problems[2]?.message).toContain('第 1 行');
  });
});

describe('getPermanentUrl', () => {
  it.each([
    ['index.html', '/'],
    ['stories/shan-li-de-deng/index.html', '/stories/shan-li-de-deng/'],
    ['rss.xml', '/rss.xml'],
    ['atom.xml', '/atom.xml'],
    ['collections/yangwang/rss.xml', '/collections/yangwang/rss.xml'],
    ['sitemap-index.xml', '/sitemap-index.xml'],
  ])('%s → %s', (file, url) => {
    expect(getPermanentUrl(file)).toBe(url);
  });
  it.each(['404.html', '_astro/cover.abc.jpg', 'share/stories/a.jpg', 'sitemap-0.xml', 'stories/page/2/index.html', 'favicon.ico'])(
    'leaves out %s',
    (file) => {
      expect(getPermanentUrl(file)).toBeUndefined();
    },
  );
});

describe('checkPermanentUrls', () => {
  const produced = new Set(['/', '/stories/a/', '/stories/b/', '/rss.xml']);
  const listed = (...urls: string[]) => urls.map((url, i) => ({ url, line: i + 1 }));

  it('passes when every listed URL is produced', () => {
    expect(checkPermanentUrls({ published: listed('/', '/stories/a/'), produced, redirects: [], files })).toEqual([]);
  });

  it('names a listed URL that is gone without a redirect, with its line and the fix', () => {
    const problems = checkPermanentUrls({ published: listed('/', '/stories/old/'), produced, redirects: [], files });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'missing', url: '/stories/old/', file: files.list, line: 2 });
    expect(problems[0]?.message).toContain('content/redirects.yaml');
    expect(formatUrlProblems(problems)).toContain('content/published-urls.txt:2  /stories/old/');
  });

  it('accepts a gone URL that redirects to a page that exists', () => {
    const redirects = [{ from: '/stories/old/', to: '/stories/a/', line: 1 }];
    expect(checkPermanentUrls({ published: listed('/stories/old/'), produced, redirects, files })).toEqual([]);
  });

  it('refuses a redirect to a page that does not exist', () => {
    const redirects = [{ from: '/stories/old/', to: '/stories/missing/', line: 4 }];
    const problems = checkPermanentUrls({ published: listed('/stories/old/'), produced, redirects, files });
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'redirect-target-missing', url: '/stories/old/', file: files.redirects, line: 4 }),
    ]);
    expect(problems[0]?.message).toContain('/stories/missing/');
  });

  it('refuses a redirect to another redirect, naming the final page', () => {
    const redirects = [
      { from: '/stories/x/', to: '/stories/y/', line: 1 },
      { from: '/stories/y/', to: '/stories/a/', line: 5 },
    ];
    const problems = checkPermanentUrls({ published: [], produced, redirects, files });
    expect(problems).toEqual([expect.objectContaining({ kind: 'redirect-chain', url: '/stories/x/' })]);
    expect(problems[0]?.message).toContain('/stories/a/');
  });

  it('refuses a redirect from a page that still exists', () => {
    const redirects = [{ from: '/stories/b/', to: '/stories/a/', line: 1 }];
    expect(checkPermanentUrls({ published: [], produced, redirects, files })).toEqual([
      expect.objectContaining({ kind: 'redirect-shadows-page', url: '/stories/b/' }),
    ]);
  });

  it('finds the produced URLs not listed yet', () => {
    expect(findUnlistedUrls(['/', '/stories/a/'], produced)).toEqual(['/rss.xml', '/stories/b/']);
  });
});

describe('mergePublishedUrls', () => {
  it('keeps the header, adds new URLs, sorts, never drops one', () => {
    const before = '# 说明\n# 第二行\n\n/stories/z/\n/\n/gone/\n';
    expect(mergePublishedUrls(before, ['/stories/a/', '/'])).toBe('# 说明\n# 第二行\n\n/\n/gone/\n/stories/a/\n/stories/z/\n');
  });
});

describe('loadRedirects (content/redirects.yaml)', () => {
  const write = (text: string) => {
    const file = join(mkdtempSync(join(tmpdir(), 'redirects-')), 'redirects.yaml');
    writeFileSync(file, text);
    return file;
  };

  it('reads redirects with their lines; a file of comments is an empty list; a missing file too', () => {
    const file = write("# note\n- from: /stories/old/\n  to: /stories/new/\n  date: '2025-03-01'\n  reason: 改名\n");
    expect(loadRedirects(file)).toEqual({ redirects: [{ from: '/stories/old/', to: '/stories/new/', line: 2 }], problems: [] });
    expect(loadRedirects(write('# 只有注释\n'))).toEqual({ redirects: [], problems: [] });
    expect(loadRedirects('/nonexistent/redirects.yaml')).toEqual({ redirects: [], problems: [] });
  });

  it('reports malformed entries with line and field, in Chinese', () => {
    const file = write(
      "- from: stories/old\n  to: /stories/new/\n  date: '2025-02-30'\n- from: /a/\n  to: /a/\n  date: '2025-03-01'\n  colour: red\n",
    );
    const { problems } = loadRedirects(file);
    const byField = Object.fromEntries(problems.map((p) => [p.field, p]));
    expect(byField['0.from']).toMatchObject({ line: 1 });
    expect(byField['0.from']?.message).toContain('以 / 开头');
    expect(byField['0.date']).toMatchObject({ line: 3 });
    expect(byField['1.colour']?.message).toContain('不认识的字段');
    expect(byField['1.to']?.message).toContain('相同');
  });

  it('reports an old address written twice', () => {
    const file = write("- from: /a/\n  to: /b/\n  date: '2025-03-01'\n- from: /a/\n  to: /c/\n  date: '2025-03-01'\n");
    const { problems } = loadRedirects(file);
    expect(problems).toEqual([expect.objectContaining({ field: 'from', line: 4 })]);
  });
});
