/**
 * What the search index knows about each page besides its text: the filters a reader can narrow
 * by, the metadata a result shows, the date it sorts by, and the name forms that make profiles
 * and schools findable by name, pinyin and initials. Pages render this with `SearchFacets`.
 */
import type { ImageMetadata } from 'astro';
import { UI } from '../i18n/zh-CN.ts';
import type { SearchFilterKey } from '../lib/search-query.ts';
import { getSchoolNameTerms, getTeacherNameTerms, type NameTerms } from '../lib/search-terms.ts';
import type { HonourYear } from './honours.ts';
import { getChapters, type Volume } from './volumes.ts';
import { getSchoolMap, type School } from './schools.ts';
import { getStoriesByTeacher, type Story } from './stories.ts';
import { getStoryTeachers, getTeachersBySchool, type Teacher } from './teachers.ts';

export interface SearchFacets {
  /** Filter values by filter; a page may have several values for one filter. */
  filters: Partial<Record<SearchFilterKey, readonly string[]>>;
  /** Shown with a result: title, teacher, school. */
  meta: { title: string; teacher?: string; school?: string; date?: string };
  /** Name forms for profiles and schools (searched, and weighted above body text). */
  names?: NameTerms;
  /**
   * Searched, never shown: the people a page is about (a story's teachers), the schools and the
   * themes it names in its margins. Pages keep such lists out of their indexed text, so a result's
   * excerpt is a sentence from the page, and these carry the names instead.
   */
  about?: {
    people?: readonly string[];
    /** A story's writer (the byline is not indexed text). */
    writer?: string;
    /** What fact lists show (FactList is not indexed text): schools, districts, subjects, stages, honours. */
    facts?: readonly string[];
    themes?: readonly string[];
    /** A volume's chapter titles (its table of contents is navigation, which Pagefind skips). */
    titles?: readonly string[];
  };
  /** Sort key: `YYYY-MM-DD`, or `YYYY` when only the year is known. */
  date?: string;
  /** The result's thumbnail. */
  image?: ImageMetadata;
}

const TYPE = UI.search.types;

/** Distinct, non-empty values in first-seen order. */
function distinct(values: readonly (string | number | undefined)[]): string[] {
  return [...new Set(values.filter((v) => v !== undefined && v !== '').map(String))];
}

/** The newest of some `YYYY-MM-DD` / `YYYY` strings (string order is date order). */
function newest(dates: readonly string[]): string | undefined {
  return [...dates].sort().at(-1);
}

/** The filters a teacher contributes: school, district, stage, subject, honours. */
function getTeacherFilters(teachers: readonly Teacher[], schools: ReadonlyMap<string, School>) {
  const ofSchool = teachers.map((t) => schools.get(t.data.school.id));
  return {
    school: distinct(ofSchool.map((s) => s?.data.name)),
    district: distinct(ofSchool.map((s) => s?.data.district)),
    stage: distinct(teachers.map((t) => t.data.stage)),
    subject: distinct(teachers.map((t) => t.data.subject)),
    honour: distinct(teachers.flatMap((t) => t.data.honours.map((h) => h.title))),
  };
}

export async function getStorySearchFacets(story: Story): Promise<SearchFacets> {
  const schools = await getSchoolMap();
  const teachers = await getStoryTeachers(story);
  const filters = getTeacherFilters(teachers, schools);
  return {
    filters: { type: [TYPE.story], ...filters, year: [story.data.published.slice(0, 4)] },
    meta: {
      title: story.data.title,
      teacher: teachers.map((t) => t.data.name).join('、'),
      school: filters.school.join('、'),
      date: story.data.published,
    },
    date: story.data.published,
    image: story.data.cover.src,
    about: {
      people: teachers.map((t) => t.data.name),
      writer: story.data.writer,
      facts: [...filters.school, ...filters.district],
      themes: story.data.themes,
    },
  };
}

export async function getTeacherSearchFacets(teacher: Teacher): Promise<SearchFacets> {
  const schools = await getSchoolMap();
  const filters = getTeacherFilters([teacher], schools);
  const stories = await getStoriesByTeacher(teacher.id);
  const honourYears = teacher.data.honours.map((h) => String(h.year));
  // A profile dates from its newest story or honour, so sorting by date keeps it in the list.
  const date = newest([...stories.map((s) => s.data.published), ...honourYears]);
  return {
    filters: { type: [TYPE.teacher], ...filters, year: distinct(honourYears) },
    meta: { title: teacher.data.name, school: filters.school.join('、') },
    names: getTeacherNameTerms(teacher.data.name, teacher.data.pinyin),
    about: { facts: [...filters.school, ...filters.district, ...filters.subject, ...filters.stage, ...filters.honour] },
    ...(date && { date }),
    ...(teacher.data.portrait && { image: teacher.data.portrait.src }),
  };
}

export async function getSchoolSearchFacets(school: School): Promise<SearchFacets> {
  const teachers = await getTeachersBySchool(school.id);
  const teacherDates = await Promise.all(teachers.map(async (t) => (await getTeacherSearchFacets(t)).date));
  const date = newest(distinct(teacherDates));
  return {
    filters: {
      type: [TYPE.school],
      school: [school.data.name],
      district: distinct([school.data.district]),
      stage: distinct(school.data.stages),
    },
    meta: { title: school.data.name },
    about: { facts: distinct([school.data.district, ...school.data.stages]) },
    names: getSchoolNameTerms(school.data.name, school.id, school.data.district),
    ...(date && { date }),
  };
}

export function getHonourYearSearchFacets(roll: HonourYear, title: string): SearchFacets {
  const date = newest(distinct(roll.data.awards.map((a) => a.date))) ?? String(roll.data.year);
  return {
    filters: { type: [TYPE.honour], honour: distinct(roll.data.awards.map((a) => a.title)), year: [String(roll.data.year)] },
    meta: { title },
    about: { facts: distinct(roll.data.awards.map((a) => a.title)) },
    date,
  };
}

export async function getVolumeSearchFacets(volume: Volume): Promise<SearchFacets> {
  const chapters = await getChapters(volume);
  const teachers = await Promise.all(chapters.map((c) => getStoryTeachers(c.story)));
  return {
    filters: { type: [TYPE.volume], year: [String(volume.data.year)] },
    meta: { title: `《${volume.data.title}》` },
    about: { people: distinct(teachers.flat().map((t) => t.data.name)), titles: chapters.map((c) => c.story.data.title) },
    date: String(volume.data.year),
    ...(volume.data.cover && { image: volume.data.cover.src }),
  };
}

/** The site's own prose pages (about). */
export function getPageSearchFacets(title: string): SearchFacets {
  return { filters: { type: [TYPE.page] }, meta: { title } };
}
