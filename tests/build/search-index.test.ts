/**
 * The search index the build wrote (dist/pagefind/), read back in Node: exactly the pages that
 * should be found, with the filters, metadata and name forms worked out here from content/.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { UI } from '../../src/i18n/zh-CN.ts';
import { DIST, listPages } from './dist.ts';

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

const BUNDLE = join(DIST, 'pagefind');

/** Pagefind's files are gzip with a 12-byte signature in front of the JSON. */
function readPagefindFile(path: string): Buffer {
  const data = gunzipSync(readFileSync(path));
  expect(data.subarray(0, 12).toString()).toBe('pagefind_dcd');
  return data.subarray(12);
}

interface Manifest {
  parts: { name: string; path: string }[];
}
const manifest = JSON.parse(readFileSync(join(BUNDLE, 'yangwang-parts.json'), 'utf-8')) as Manifest;
const partDirs = manifest.parts.map((p) => join(BUNDLE, p.path));
/** Every page of every part, with the part it is in. */
const fragments: (Fragment & { part: string })[] = manifest.parts.flatMap((part, i) =>
  readdirSync(join(partDirs[i] ?? BUNDLE, 'fragment')).map((name) => ({
    ...(JSON.parse(readPagefindFile(join(partDirs[i] ?? BUNDLE, 'fragment', name)).toString('utf-8')) as Fragment),
    part: part.name,
  })),
);
/** A fragment's text as a reader sees it in an excerpt (Pagefind keeps a zero-width space after each word). */
const plain = (f: Fragment) => f.content.replace(/\u200b/g, '');
const byUrl = new Map(fragments.map((f) => [f.url, f]));

// What content/ says, read independently of the site's code.
function frontmatter(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf-8');
  return parse(text.split(/^---$/m)[1] ?? '') as Record<string, unknown>;
}
const folders = (dir: string) =>
  readdirSync(`content/${dir}`, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
interface TeacherFacts {
  id: string;
  name: string;
  school: string;
  stage?: string;
  subject?: string;
  honours: { year: number; title: string }[];
}
interface StoryFacts {
  id: string;
  teachers: string[];
  published: string;
  draft?: boolean;
}
interface SchoolFacts {
  id: string;
  name: string;
  district?: string;
  stages: string[];
}
const teachers = folders('teachers').map((id) => ({ id, ...frontmatter(`content/teachers/${id}/index.mdx`) }) as TeacherFacts);
const stories = folders('stories')
  .map((id) => ({ id, ...frontmatter(`content/stories/${id}/index.mdx`) }) as StoryFacts)
  .filter((s) => !s.draft);
const schools = parse(readFileSync('content/schools.yaml', 'utf-8')) as SchoolFacts[];
const honourYears = readdirSync('content/honours').filter((f) => f.endsWith('.yaml'));
const volumes = readdirSync('content/collections').filter((f) => f.endsWith('.yaml'));
const schoolOf = (teacherId: string) => schools.find((s) => s.id === teachers.find((t) => t.id === teacherId)?.school);

/** Counts per value of one filter, over the whole index. */
function countFilter(key: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const fragment of fragments) for (const value of fragment.filters[key] ?? []) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

describe('the index holds exactly the pages that should be found', () => {
  const expected = [
    ...stories.map((s) => `/stories/${s.id}/`),
    ...teachers.map((t) => `/teachers/${t.id}/`),
    ...schools.map((s) => `/schools/${s.id}/`),
    ...honourYears.map((f) => `/honours/${f.replace('.yaml', '')}/`),
    ...volumes.map((f) => `/collections/${f.replace('.yaml', '')}/`),
    '/about/',
  ].sort();

  it(`has ${expected.length} pages: every story, teacher, school, honour year, volume and the about page`, () => {
    expect(fragments.map((f) => f.url).sort()).toEqual(expected);
    let pages = 0;
    for (const dir of partDirs) {
      const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf-8')) as {
        languages: Record<string, { page_count: number }>;
      };
      expect(Object.keys(entry.languages)).toEqual(['zh-cn']);
      pages += entry.languages['zh-cn']?.page_count ?? 0;
    }
    expect(pages).toBe(expected.length);
  });

  it('is built in parts: the about page at the root, then people, schools, honours and volumes, stories by year; each page in one part', () => {
    expect(manifest.parts[0]).toEqual({ name: 'site', path: '' });
    expect(manifest.parts[1]).toEqual({ name: 'people', path: 'parts/people/' });
    expect(manifest.parts.length).toBeGreaterThan(2);
    for (const part of manifest.parts.slice(1)) expect(part.path).toBe(`parts/${part.name}/`);
    const partOf = (url: string) => (url.startsWith('/stories/') ? /^stories-/ : url === '/about/' ? /^site$/ : /^people$/);
    for (const f of fragments) expect(f.part, f.url).toMatch(partOf(f.url));
    expect(new Set(fragments.map((f) => f.url)).size).toBe(fragments.length);
  });

  it('leaves out lists, the home page, the print edition, search and 404', () => {
    for (const url of [
      '/',
      '/stories/',
      '/teachers/',
      '/schools/',
      '/honours/',
      '/collections/',
      '/collections/yangwang/print/',
      '/search/',
      '/404.html',
    ]) {
      expect(byUrl.has(url), url).toBe(false);
    }
  });

  it('indexes each page’s article only: one data-pagefind-body, header and footer ignored', () => {
    for (const page of listPages()) {
      const bodies = page.html.match(/\sdata-pagefind-body[\s>]/g)?.length ?? 0;
      expect(bodies, page.url).toBe(byUrl.has(page.url) ? 1 : 0);
      expect(page.html, page.url).toMatch(/<header class="site-header" data-pagefind-ignore="all"/);
      expect(page.html, page.url).toMatch(/<footer class="site-footer" data-pagefind-ignore="all"/);
    }
    // Navigation and related-story lists never reach the indexed text.
    const story = byUrl.get('/stories/shan-li-de-deng/');
    expect(plain(story as Fragment)).not.toContain('相关故事');
    expect(plain(story as Fragment)).not.toContain('优秀教师先进事迹');
  });
});

describe('filters', () => {
  it('type: one per page, counted by kind', () => {
    expect(countFilter('type')).toEqual({
      故事: stories.length,
      教师: teachers.length,
      学校: schools.length,
      荣誉: honourYears.length,
      文集: volumes.length,
      关于: 1,
    });
    for (const fragment of fragments) expect(fragment.filters.type, fragment.url).toHaveLength(1);
  });

  it('school and district: the school’s page, its teachers and their stories', () => {
    const schoolCounts = countFilter('school');
    const districtCounts = countFilter('district');
    for (const school of schools) {
      const staff = teachers.filter((t) => t.school === school.id).map((t) => t.id);
      const about = stories.filter((s) => s.teachers.some((t) => staff.includes(t)));
      expect(schoolCounts[school.name] ?? 0, school.name).toBe(1 + staff.length + about.length);
    }
    for (const district of new Set(schools.map((s) => s.district).filter((d) => d !== undefined))) {
      const inDistrict = (teacherId: string) => schoolOf(teacherId)?.district === district;
      const expected =
        schools.filter((s) => s.district === district).length +
        teachers.filter((t) => inDistrict(t.id)).length +
        stories.filter((s) => s.teachers.some(inDistrict)).length;
      expect(districtCounts[district], district).toBe(expected);
    }
  });

  it('year: stories by publication, teachers by honour, rolls and volumes by their year', () => {
    const expected: Record<string, number> = {};
    const add = (year: string | number) => (expected[String(year)] = (expected[String(year)] ?? 0) + 1);
    stories.forEach((s) => add(s.published.slice(0, 4)));
    teachers.forEach((t) => new Set(t.honours.map((h) => h.year)).forEach(add));
    honourYears.forEach((f) => add(f.replace('.yaml', '')));
    volumes.forEach((f) => add((parse(readFileSync(`content/collections/${f}`, 'utf-8')) as { year: number }).year));
    expect(countFilter('year')).toEqual(expected);
  });

  it('honour: the roll of the year and the teachers who hold it', () => {
    const honours = countFilter('honour');
    expect(honours['全市专业技术拔尖人才']).toBe(1 + 3);
    expect(honours['师德标兵']).toBe(1);
    expect(honours['望川区师德标兵']).toBe(2); // 何慧贞 and the story about her
  });

  it('stage and subject: the teachers’ own, on their profiles and stories (and stages on schools)', () => {
    for (const key of ['stage', 'subject'] as const) {
      const counts = countFilter(key);
      const values = new Set(teachers.map((t) => t[key]).filter((v) => v !== undefined));
      for (const value of values) {
        const holders = teachers.filter((t) => t[key] === value).map((t) => t.id);
        const schoolPages = key === 'stage' ? schools.filter((s) => s.stages.includes(value)).length : 0;
        const storyPages = stories.filter((s) => s.teachers.some((t) => holders.includes(t))).length;
        expect(counts[value], `${key} ${value}`).toBe(holders.length + storyPages + schoolPages);
      }
    }
    expect(countFilter('subject')['数学']).toBe(8); // 何慧贞, 许清和, 江一帆, 罗振山 and their four stories
  });
});

describe('metadata and name forms', () => {
  it('gives every result a title and type, stories their teachers, school and date', () => {
    for (const fragment of fragments) expect(fragment.meta.title, fragment.url).toBeTruthy();
    expect(byUrl.get('/stories/jie-lai-de-ting-ke-ben/')?.meta).toMatchObject({
      title: '借来的听课本',
      teacher: '许清和、江一帆',
      school: '望川区实验中学',
      date: '2023-09-08',
    });
    expect(byUrl.get('/collections/yangwang/')?.meta.title).toBe('《仰望》');
  });

  it('gives profiles and schools their name, pinyin and initials as metadata, never as page text', () => {
    expect(byUrl.get('/teachers/tang-haoying/')?.meta).toMatchObject({
      name: '唐浩瑛',
      pinyin: 'tanghaoying',
      words: 'tang haoying',
      initials: 'thy',
    });
    expect(byUrl.get('/schools/yunling-qinglan-xiaoxue/')?.meta).toMatchObject({ alias: '青岚小学', words: 'yunling qinglan xiaoxue' });
    for (const fragment of fragments) {
      expect(plain(fragment), fragment.url).not.toMatch(/tanghaoying|qinglanxiaoxue|\bthy\b/);
    }
  });

  it('points thumbnails at small built images, and never at an unrelated picture', () => {
    for (const fragment of fragments) {
      const image = fragment.meta.image;
      if (!image) continue;
      expect(image, fragment.url).toMatch(/^\/_astro\/.+\.webp$/);
      expect(existsSync(join(DIST, image)), image).toBe(true);
    }
    expect(byUrl.get('/stories/man-man-lai/')?.meta.image).toBeTruthy();
    expect(byUrl.get('/schools/yunling-qinglan-xiaoxue/')?.meta.image).toBe('');
  });
});

describe('the indexed text reads as prose (result excerpts are cut from it)', () => {
  it('leaves out labels, bylines, credits, the sample note, monograms and the story’s margin', () => {
    // Labels as the margins and fact lists print them (a label run into its value).
    const labels = /学段(?:小学|初中|高中)|职称(?:[一二]级|高级|正高级)|所在区县|本文人物|主题\.|文／|题图：|收录于《/;
    for (const f of fragments) {
      expect(plain(f), f.url).not.toMatch(labels);
      expect(plain(f), f.url).not.toContain(UI.sampleNote);
    }
    const profile = plain(byUrl.get('/teachers/tang-haoying/') as Fragment);
    // The name, then the profile's own sentences (honours are in the facts metadata).
    expect(profile).toMatch(/^唐浩瑛 唐浩瑛，屯溪现代实验学校教师。/);
    expect(profile).not.toContain('Táng');
    expect(profile).not.toContain('学校屯溪现代实验学校');
    expect(profile).toContain('唐浩瑛，屯溪现代实验学校教师。');
  });

  it('starts a story with its title and then its own sentences', () => {
    const story = plain(byUrl.get('/stories/shan-li-de-deng/') as Fragment);
    expect(story).toMatch(/^山里的灯\. 记云岭县青岚小学教师林秋云\. 1996年，十九岁的林秋云背着铺盖/);
  });

  it('keeps what the margins said searchable as metadata, in the words a query is split into', () => {
    expect(byUrl.get('/stories/shan-li-de-deng/')?.meta).toMatchObject({
      people: '林 秋 云',
      title_words: '山里 的 灯',
      facts: '云岭 县 青 岚 小学 云岭 县',
    });
    expect(typeof byUrl.get('/stories/shan-li-de-deng/')?.meta.writer).toBe('string');
    expect(byUrl.get('/stories/shan-li-de-deng/')?.meta.themes).toContain('乡村 教育');
    expect(byUrl.get('/teachers/tang-haoying/')?.meta).toMatchObject({ name_words: '唐 浩 瑛' });
    expect(byUrl.get('/teachers/tang-haoying/')?.meta.facts).toContain('屯 溪 现代 实验 学校');
    expect(byUrl.get('/collections/yangwang/')?.meta.chapters).toContain('山里 的 灯');
  });
});

describe('the bundle', () => {
  it('ships the search script, worker and WebAssembly once, without Pagefind’s own UIs', () => {
    const files = readdirSync(BUNDLE);
    expect(files).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json']));
    expect(files.some((f) => f.endsWith('.pagefind'))).toBe(true);
    expect(files.filter((f) => /^pagefind-(ui|component-ui|modular-ui|highlight)\./.test(f))).toEqual([]);
    // Merged parts use the root's script and WebAssembly.
    for (const dir of partDirs.slice(1)) {
      expect(
        readdirSync(dir).filter((f) => /^pagefind.*\.js$|\.pagefind$/.test(f)),
        dir,
      ).toEqual([]);
    }
  });

  it('ships the traditional→simplified table for the characters the site uses', () => {
    const table = JSON.parse(readFileSync(join(BUNDLE, 'yangwang-t2s.json'), 'utf-8')) as Record<string, string>;
    expect(table['幹']).toBe('干');
    expect(table['師']).toBe('师');
    expect(Object.keys(table).length).toBeLessThan(2500);
  });
});
