/**
 * The first searches both search benchmarks measure (`npm run bench:search`'s cost tables and the
 * bytes-only list of `npm run bench:relevance`), picked the same way from a built bench site: a
 * teacher's and a school's name, pinyin initials no page has, common words, a stop word, a story's
 * title with 的, and two words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FirstSearchQuery {
  query: string;
  kind: string;
}

/** Queries for a synthetic corpus: a rare name, a school, common words, 的, and a title with 的. */
export function pickFirstSearchQueries(site: string): FirstSearchQuery[] {
  const teacherPages = readdirSync(join(site, 'teachers'), { withFileTypes: true }).filter((d) => d.isDirectory());
  const schoolPages = readdirSync(join(site, 'schools'), { withFileTypes: true }).filter((d) => d.isDirectory());
  const title = (dir: string) => /<h1[^>]*>([^<]+)/.exec(readFileSync(join(dir, 'index.html'), 'utf-8'))?.[1]?.trim() ?? '';
  const teacher = title(join(site, 'teachers', teacherPages[Math.floor(teacherPages.length / 2)]?.name ?? ''));
  const school = title(join(site, 'schools', schoolPages[Math.floor(schoolPages.length / 3)]?.name ?? ''));
  const story = readdirSync(join(site, 'stories'), { withFileTypes: true }).find(
    (d) => d.isDirectory() && !/^\d+$/.test(d.name) && d.name !== 'page',
  );
  const storyTitle = story ? title(join(site, 'stories', story.name)) : '山里的灯';
  return [
    { kind: 'rare: a teacher’s name', query: teacher },
    { kind: 'rare: a school', query: school },
    { kind: 'rare: pinyin initials', query: 'zzzz' },
    { kind: 'common: 学生', query: '学生' },
    { kind: 'common: 孩子', query: '孩子' },
    { kind: 'stop word: 的', query: '的' },
    { kind: 'title with 的', query: storyTitle },
    { kind: 'two words', query: '乡村 数学' },
  ];
}
