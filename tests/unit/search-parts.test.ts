/**
 * How the search index is split into parts (src/integrations/search-index.ts): stable, so a new
 * story or an edit re-indexes one part and every other part is reused from the cache.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, planParts } from '../../src/integrations/search-index.ts';
import { TRADITIONAL_TABLE_FILE } from '../../src/lib/search-query.ts';

const story = (slug: string, year: number) => ({ file: `stories/${slug}/index.html`, storyYear: String(year) });
const other = (file: string) => ({ file });

/** 30 stories a year from 2015 to 2024, and 40 other pages. */
function site() {
  const pages = [];
  for (let year = 2015; year <= 2024; year++) for (let i = 0; i < 30; i++) pages.push(story(`s-${year}-${i}`, year));
  for (let i = 0; i < 40; i++) pages.push(other(`teachers/t-${i}/index.html`));
  return pages;
}

const byName = (parts: ReturnType<typeof planParts>) => new Map(parts.map((p) => [p.name, p.files.join('\n')]));

describe('planParts', () => {
  it('puts everything that is not a story first, then whole years of stories, oldest first, at most N pages a part', () => {
    const parts = planParts(site(), 100);
    expect(parts.map((p) => p.name)).toEqual([
      'people',
      'stories-2015-2017',
      'stories-2018-2020',
      'stories-2021-2023',
      'stories-2024-2024',
    ]);
    expect(parts.map((p) => p.files.length)).toEqual([40, 90, 90, 90, 30]);
    expect(parts.flatMap((p) => p.files).sort()).toEqual(
      site()
        .map((p) => p.file)
        .sort(),
    );
  });

  it('makes the root part of the pages that are no profile, school, honour roll, volume or story', () => {
    // The root part is loaded and searched by every search: with the profiles in it, it cost every
    // first search about 28 KB at 10,000 stories.
    const pages = [
      ...site(),
      other('schools/s-1/index.html'),
      other('about/index.html'),
      other('honours/2023/index.html'),
      other('collections/yangwang-2024/index.html'),
    ];
    const parts = planParts(pages, 100);
    expect(parts.map((p) => p.name).slice(0, 2)).toEqual(['site', 'people']);
    expect(parts[0]?.files).toEqual(['about/index.html']);
    expect(parts[1]?.files).toHaveLength(43);
  });

  it('gives a new story of this year to this year’s part and leaves every other part as it was', () => {
    const before = byName(planParts(site(), 100));
    const after = byName(planParts([...site(), story('new', 2024)], 100));
    for (const [name, files] of before) if (name !== 'stories-2024-2024') expect(after.get(name), name).toBe(files);
    expect(after.get('stories-2024-2024')).toContain('stories/new/index.html');
  });

  it('splits a year or the other pages larger than a part by a hash of the page, so a new page moves no other', () => {
    const big = [
      ...Array.from({ length: 250 }, (_, i) => story(`b-${i}`, 2020)),
      ...Array.from({ length: 150 }, (_, i) => other(`teachers/t-${i}/index.html`)),
    ];
    const parts = planParts(big, 100);
    expect(parts.map((p) => p.name)).toEqual(['people-1', 'people-2', 'stories-2020-1', 'stories-2020-2', 'stories-2020-3']);
    for (const p of parts) expect(p.files.length).toBeLessThanOrEqual(100 * 1.3);
    const again = byName(planParts([...big, story('b-new', 2020)], 100));
    const moved = [...byName(parts)].filter(([name, files]) => again.get(name) !== files).map(([name]) => name);
    expect(moved).toHaveLength(1);
  });

  it('makes one index of everything when the part size is unbounded', () => {
    expect(planParts(site(), Number.POSITIVE_INFINITY)).toEqual([{ name: 'all', files: site().map((p) => p.file) }]);
  });
});

describe('buildSearchIndex with a cache', () => {
  const page = (title: string, year?: number) =>
    `<!doctype html><html lang="zh-CN"><head><title>${title}</title></head><body><article data-pagefind-body>` +
    `<div hidden>${year ? `<span data-pagefind-sort="date[data-date]" data-date="${year}-05-01"></span>` : ''}</div>` +
    `<h1>${title}</h1><p>${title}的老师在山里教书二十年，学生们都记得她。</p></article></body></html>`;

  /** Every file under a folder with its bytes. */
  function readTree(dir: string): Record<string, string> {
    const files: Record<string, string> = {};
    for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (entry.isFile())
        files[relative(dir, join(entry.parentPath, entry.name))] = readFileSync(join(entry.parentPath, entry.name)).toString('base64');
    }
    return files;
  }

  /**
   * A built site of three indexed pages (a profile and two stories, 2019 and 2024) in a temporary
   * folder, removed afterwards; `write` adds or replaces a page.
   */
  async function withSite(run: (site: { root: string; site: string; write: (file: string, html: string) => void }) => Promise<void>) {
    const root = mkdtempSync(join(tmpdir(), 'yangwang-parts-'));
    const site = join(root, 'site');
    const write = (file: string, html: string) => {
      mkdirSync(join(site, file, '..'), { recursive: true });
      writeFileSync(join(site, file), html);
    };
    try {
      write('teachers/lin/index.html', page('林秋云'));
      write('stories/a/index.html', page('山里的灯', 2019));
      write('stories/b/index.html', page('雪地里的灯', 2024));
      await run({ root, site, write });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }

  it('reuses unchanged parts and writes exactly what a clean build writes', async () => {
    await withSite(async ({ root, site, write }) => {
      const cacheDir = join(root, 'cache');
      const first = await buildSearchIndex(site, { cacheDir, partPages: 1 });
      expect(first).toMatchObject({ pageCount: 3, parts: 3, reused: 0 });
      const clean = readTree(join(site, 'pagefind'));
      expect(await buildSearchIndex(site, { cacheDir, partPages: 1 })).toMatchObject({ parts: 3, reused: 3 });
      expect(readTree(join(site, 'pagefind'))).toEqual(clean);

      write('stories/b/index.html', page('雪地里的歌声', 2024));
      expect(await buildSearchIndex(site, { cacheDir, partPages: 1 })).toMatchObject({ parts: 3, reused: 2 });
      const incremental = readTree(join(site, 'pagefind'));
      expect(await buildSearchIndex(site, { partPages: 1 })).toMatchObject({ reused: 0 });
      expect(incremental).toEqual(readTree(join(site, 'pagefind')));
      expect(incremental).not.toEqual(clean);
      // The cache keeps only the parts of the last build (and the record of the pages read).
      expect(readdirSync(cacheDir, { withFileTypes: true }).filter((e) => e.isDirectory())).toHaveLength(3);
    });
  }, 60_000);

  it('reads again only the pages whose file changed, and keeps every page’s Han characters in the table', async () => {
    await withSite(async ({ root, site, write }) => {
      // A page that is not indexed: its characters still belong in the traditional-character table.
      write('stories/page/2/index.html', '<!doctype html><html lang="zh-CN"><body><p>读书</p></body></html>');
      const cacheDir = join(root, 'cache');
      const table = () => JSON.parse(readFileSync(join(site, 'pagefind', TRADITIONAL_TABLE_FILE), 'utf-8')) as Record<string, string>;
      await buildSearchIndex(site, { cacheDir, partPages: 1 });
      const clean = readTree(join(site, 'pagefind'));
      expect(table()['書']).toBe('书');
      expect(table()['燈']).toBe('灯');

      // The record is what decides for a page whose size, time and inode are unchanged: with another
      // digest recorded for stories/a, its part is indexed again though its file was not touched…
      const recordFile = join(cacheDir, 'pages.json');
      const record = JSON.parse(readFileSync(recordFile, 'utf-8')) as { pages: Record<string, { digest: string }> };
      const entry = record.pages['stories/a/index.html'];
      if (!entry) throw new Error('stories/a is not in the record');
      entry.digest = 'not the digest of the page';
      writeFileSync(recordFile, JSON.stringify(record));
      expect(await buildSearchIndex(site, { cacheDir, partPages: 1 })).toMatchObject({ parts: 3, reused: 2 });
      // …and a page written again (a new time) is read again: its real digest, its part as before.
      utimesSync(join(site, 'stories/a/index.html'), new Date(), new Date(Date.now() + 5000));
      expect(await buildSearchIndex(site, { cacheDir, partPages: 1 })).toMatchObject({ parts: 3 });
      expect(readTree(join(site, 'pagefind'))).toEqual(clean);
      // Every part reused: the characters of the indexed pages come from the parts' records.
      expect(await buildSearchIndex(site, { cacheDir, partPages: 1 })).toMatchObject({ parts: 3, reused: 3 });
      expect(readTree(join(site, 'pagefind'))).toEqual(clean);
      expect(table()['燈']).toBe('灯');
      // A part cached before its Han characters (or router keys) were kept with it: both read
      // again from its pages, and the index is still a clean one.
      for (const part of readdirSync(cacheDir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
        rmSync(join(cacheDir, part.name, 'han.txt'));
      }
      expect(await buildSearchIndex(site, { cacheDir, partPages: 1 })).toMatchObject({ parts: 3, reused: 3 });
      expect(readTree(join(site, 'pagefind'))).toEqual(clean);
    });
  }, 60_000);

  it('does not read again a page without data-pagefind-body whose file is unchanged: its recorded characters go into the table', async () => {
    await withSite(async ({ root, site, write }) => {
      const list = 'stories/page/2/index.html';
      write(list, '<!doctype html><html lang="zh-CN"><body><p>读书</p></body></html>');
      const cacheDir = join(root, 'cache');
      const table = () => JSON.parse(readFileSync(join(site, 'pagefind', TRADITIONAL_TABLE_FILE), 'utf-8')) as Record<string, string>;
      const cleanIndex = async () => {
        await buildSearchIndex(site, { partPages: 1 });
        return readTree(join(site, 'pagefind'));
      };
      await buildSearchIndex(site, { cacheDir, partPages: 1 });
      expect(table()['書']).toBe('书');
      expect(table()['龜']).toBeUndefined();
      expect(readTree(join(site, 'pagefind'))).toEqual(await cleanIndex());

      // The record says what the unchanged page holds: a character recorded for it (龟, on no page)
      // reaches the table, so the page was not read.
      const recordFile = join(cacheDir, 'pages.json');
      const record = JSON.parse(readFileSync(recordFile, 'utf-8')) as { pages: Record<string, { han?: string }> };
      const entry = record.pages[list];
      if (entry?.han === undefined) throw new Error(`${list} has no characters in the record`);
      entry.han += '龟';
      writeFileSync(recordFile, JSON.stringify(record));
      await buildSearchIndex(site, { cacheDir, partPages: 1 });
      expect(table()['龜']).toBe('龟');

      // The page changed: read again, its new characters in the table, the index a clean one.
      write(list, '<!doctype html><html lang="zh-CN"><body><p>读书的乌龟</p></body></html>');
      expect(await buildSearchIndex(site, { cacheDir, partPages: 1 })).toMatchObject({ parts: 3, reused: 3 });
      const incremental = readTree(join(site, 'pagefind'));
      expect(table()['龜']).toBe('龟');
      expect(table()['書']).toBe('书');
      expect(incremental).toEqual(await cleanIndex());
      // …and unchanged since: from the record, the same index.
      await buildSearchIndex(site, { cacheDir, partPages: 1 });
      expect(readTree(join(site, 'pagefind'))).toEqual(incremental);
    });
  }, 60_000);

  it('leaves a reused part in its place in the output, and replaces or removes everything else as a clean index writes it', async () => {
    await withSite(async ({ root, site, write }) => {
      write('stories/c/index.html', page('河边的学校', 2021));
      const cacheDir = join(root, 'cache');
      const bundle = join(site, 'pagefind');
      const parts = join(bundle, 'parts');
      // A clean index of the same pages, written elsewhere so that the site's own bundle stays as it is.
      const cleanIndex = async () => {
        rmSync(join(root, 'clean'), { recursive: true, force: true });
        await buildSearchIndex(site, { outputPath: join(root, 'clean'), partPages: 1 });
        return readTree(join(root, 'clean'));
      };
      // Linking or unlinking a file sets its status-change time: unchanged, the file was left alone.
      const changed = (part: string) => statSync(join(parts, part, 'pagefind-entry.json'), { bigint: true }).ctimeNs;
      const build = async () => {
        const summary = await buildSearchIndex(site, { cacheDir, partPages: 1 });
        expect(readTree(bundle)).toEqual(await cleanIndex());
        return summary;
      };
      await build();
      expect(readdirSync(parts).sort()).toEqual(['stories-2019-2019', 'stories-2021-2021', 'stories-2024-2024']);
      const before = { 2019: changed('stories-2019-2019'), 2021: changed('stories-2021-2021'), 2024: changed('stories-2024-2024') };

      write('stories/b/index.html', page('雪地里的歌声', 2024));
      expect(await build()).toMatchObject({ parts: 4, reused: 3 });
      expect(changed('stories-2019-2019')).toBe(before[2019]);
      expect(changed('stories-2021-2021')).toBe(before[2021]);
      expect(changed('stories-2024-2024')).not.toBe(before[2024]);

      // A file planted in a part in place, a file gone from another, a folder of no part: none survives.
      writeFileSync(join(parts, 'stories-2019-2019', 'fragment', 'stale.pf_fragment'), 'stale');
      const fragments = join(parts, 'stories-2021-2021', 'fragment');
      rmSync(join(fragments, readdirSync(fragments)[0] ?? ''));
      mkdirSync(join(parts, 'stories-2009-2009'));
      writeFileSync(join(parts, 'stories-2009-2009', 'pagefind-entry.json'), '{}');
      expect(await build()).toMatchObject({ parts: 4, reused: 4 });
      const after2024 = changed('stories-2024-2024');

      // A change within the clock tick the record was written in (coarse timestamps) leaves the
      // folder's time as recorded: such a part's files are compared one by one with the cache's.
      writeFileSync(join(parts, 'stories-2019-2019', 'stale.txt'), 'stale');
      const placedFile = join(cacheDir, 'placed.json');
      const placed = JSON.parse(readFileSync(placedFile, 'utf-8')) as { parts: Record<string, { folders: Record<string, string> }> };
      const folders = placed.parts['stories-2019-2019']?.folders ?? {};
      for (const folder of Object.keys(folders)) {
        folders[folder] = String(statSync(join(parts, 'stories-2019-2019', folder), { bigint: true }).mtimeNs);
      }
      writeFileSync(placedFile, JSON.stringify(placed));
      utimesSync(placedFile, 1, 1);
      expect(await build()).toMatchObject({ parts: 4, reused: 4 });
      // …and a part unchanged passes that comparison and stays.
      expect(changed('stories-2024-2024')).toBe(after2024);

      // A removed story's part goes.
      rmSync(join(site, 'stories/a'), { recursive: true });
      expect(await build()).toMatchObject({ parts: 3, reused: 3 });
      expect(readdirSync(parts).sort()).toEqual(['stories-2021-2021', 'stories-2024-2024']);
      expect(changed('stories-2024-2024')).toBe(after2024);
    });
  }, 60_000);

  it.skipIf(!existsSync('/dev/shm') || statSync('/dev/shm').dev === statSync(tmpdir()).dev)(
    'copies the parts where the cache is on another file system, and replaces them on every build',
    async () => {
      await withSite(async ({ root, site, write }) => {
        const cacheDir = mkdtempSync(join('/dev/shm', 'yangwang-parts-cache-'));
        try {
          const clean = async () => {
            await buildSearchIndex(site, { outputPath: join(root, 'clean'), partPages: 1 });
            return readTree(join(root, 'clean'));
          };
          await buildSearchIndex(site, { cacheDir, partPages: 1 });
          writeFileSync(join(site, 'pagefind', 'parts', 'stories-2019-2019', 'stale.txt'), 'stale');
          write('stories/b/index.html', page('雪地里的歌声', 2024));
          expect(await buildSearchIndex(site, { cacheDir, partPages: 1 })).toMatchObject({ parts: 3, reused: 2 });
          expect(readTree(join(site, 'pagefind'))).toEqual(await clean());
          expect(JSON.parse(readFileSync(join(cacheDir, 'placed.json'), 'utf-8'))).toMatchObject({ parts: {} });
        } finally {
          rmSync(cacheDir, { recursive: true, force: true });
        }
      });
    },
    60_000,
  );

  it('does not index a page in Astro’s assets folder, and finds one anywhere else', async () => {
    await withSite(async ({ site, write }) => {
      write('_astro/stray.html', page('不是页面'));
      write('share/stories/x/index.html', page('分享的页面'));
      expect(await buildSearchIndex(site, { partPages: 1 })).toMatchObject({ pageCount: 4 });
    });
  }, 60_000);
});
