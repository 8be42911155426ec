/**
 * The JSON-LD of each page type, joined from the collections: pages pass their entry and the
 * site URL, and get schema.org objects back (the builders are pure, in src/lib/structured-data.ts).
 */
import type { ImageMetadata } from 'astro';
import { SITE } from '../config/site.ts';
import { UI } from '../i18n/zh-CN.ts';
import {
  buildBook,
  buildItemList,
  buildNewsArticle,
  buildPlainItemList,
  buildProfilePage,
  buildWebSite,
  type ImageFacts,
  type ListEntry,
  type PersonFacts,
  type PublisherFacts,
} from '../lib/structured-data.ts';
import { getChapterPlaces, getChapters, type Volume } from './collections.ts';
import type { HonourYear } from './honours.ts';
import { getSchool } from './schools.ts';
import type { Story } from './stories.ts';
import { getSortedHonours, getTeacher, type Teacher } from './teachers.ts';

const absolute = (path: string, site: URL) => new URL(path, site).href;

function getPublisher(site: URL): PublisherFacts {
  return { name: SITE.publisher, url: absolute('/', site), logo: { url: absolute('/apple-touch-icon.png', site), width: 180, height: 180 } };
}

/** An image with its facts; `termsUrl` is where reuse terms are stated. */
export function toImageFacts(
  image: { src: ImageMetadata; alt: string; credit: string; licence?: string | undefined; caption?: string | undefined },
  site: URL,
  termsUrl: string,
): ImageFacts {
  return {
    url: absolute(image.src.src, site),
    width: image.src.width,
    height: image.src.height,
    caption: image.caption ?? image.alt,
    credit: image.credit,
    licence: image.licence,
    termsUrl,
  };
}

async function getPersonFacts(teacherId: string, site: URL): Promise<PersonFacts | undefined> {
  const teacher = await getTeacher(teacherId);
  if (!teacher) return undefined;
  const school = await getSchool(teacher.data.school.id);
  return {
    name: teacher.data.name,
    url: absolute(`/teachers/${teacher.id}/`, site),
    school: school ? { name: school.data.name, url: absolute(`/schools/${school.id}/`, site) } : undefined,
  };
}

/** A story: NewsArticle. */
export async function getStoryJsonLd(story: Story, site: URL) {
  const { data } = story;
  const url = absolute(`/stories/${story.id}/`, site);
  const termsUrl = `${url}#reprint`;
  const teachers = (await Promise.all(data.teachers.map((t) => getPersonFacts(t.id, site)))).filter((t) => t !== undefined);
  const places = await getChapterPlaces(story);
  return buildNewsArticle({
    url,
    headline: data.title,
    alternativeHeadline: data.subtitle,
    description: data.summary,
    datePublished: data.published,
    dateModified: data.updated ?? data.published,
    writer: data.writer,
    teachers,
    publisher: getPublisher(site),
    images: [toImageFacts(data.cover, site, termsUrl), ...data.figures.map((f) => toImageFacts(f, site, termsUrl))],
    copyrightNotice: SITE.reprint,
    termsUrl,
    keywords: data.themes,
    isPartOf: places.map((p) => ({ name: `《${p.volume.data.title}》`, url: absolute(`/collections/${p.volume.id}/`, site) })),
    source: data.source ? { outlet: data.source.outlet, date: data.source.date, url: data.source.url } : undefined,
  });
}

/** A teacher: ProfilePage about the Person. */
export async function getTeacherJsonLd(teacher: Teacher, site: URL, description: string) {
  const { data } = teacher;
  const url = absolute(`/teachers/${teacher.id}/`, site);
  const school = await getSchool(data.school.id);
  return buildProfilePage({
    url,
    description,
    name: data.name,
    alternateName: data.pinyin,
    jobTitle: data.jobTitle,
    subject: data.subject,
    school: school ? { name: school.data.name, url: absolute(`/schools/${school.id}/`, site) } : undefined,
    awards: getSortedHonours(teacher).map((h) => `${h.year}年 ${h.title}（${h.awardedBy}）`),
    image: data.portrait ? toImageFacts(data.portrait, site, absolute('/about/', site)) : undefined,
  });
}

/** A volume: Book with its chapters in order. */
export async function getVolumeJsonLd(volume: Volume, site: URL) {
  const { data } = volume;
  const url = absolute(`/collections/${volume.id}/`, site);
  return buildBook({
    url,
    name: `《${data.title}》`,
    alternativeHeadline: data.subtitle,
    description: data.description,
    editor: data.editor,
    publisher: data.publisher,
    year: data.year,
    image: data.cover ? toImageFacts(data.cover, site, absolute('/about/', site)) : undefined,
    chapters: (await getChapters(volume)).map((c) => ({
      name: c.story.data.title,
      url: absolute(`/stories/${c.story.id}/`, site),
      writer: c.story.data.writer,
    })),
  });
}

/** A year's roll: an ItemList of its awards, each an ItemList of the people it names. */
export async function getHonourYearJsonLd(roll: HonourYear, site: URL) {
  const url = absolute(`/honours/${roll.id}/`, site);
  const entries: ListEntry[] = await Promise.all(
    roll.data.awards.map(async (award) => {
      const people: ListEntry[] = await Promise.all(
        award.recipients.map(async (r): Promise<ListEntry> => {
          if ('teacher' in r) {
            const teacher = await getTeacher(r.teacher.id);
            return { type: 'Person', name: teacher?.data.name ?? r.teacher.id, url: absolute(`/teachers/${r.teacher.id}/`, site) };
          }
          return { type: 'Person', name: r.name };
        }),
      );
      return {
        list: buildPlainItemList({
          name: `${roll.data.year}年 ${award.title}`,
          url: `${url}#${award.id}`,
          description: `${award.awardedBy}；${UI.honours.count(award.count)}，${award.recipients.length ? UI.honours.named(award.recipients.length) : UI.honours.noneNamed}`,
          // The roll's count, though it may name fewer (schema.org: the whole list's size).
          numberOfItems: award.count,
          entries: people,
        }),
      };
    }),
  );
  return buildItemList({
    name: `${roll.data.year} 年表彰`,
    url,
    description: `${UI.honours.source}：${roll.data.source}`,
    numberOfItems: entries.length,
    entries,
  });
}

/** The honours index: an ItemList of the years. */
export function getHonourYearsJsonLd(rolls: readonly HonourYear[], site: URL) {
  return buildItemList({
    name: UI.honours.title,
    url: absolute('/honours/', site),
    description: UI.honours.description,
    numberOfItems: rolls.length,
    entries: rolls.map((r) => ({ name: `${r.data.year} 年表彰`, url: absolute(`/honours/${r.id}/`, site) })),
  });
}

/** The home page: the WebSite. */
export function getWebSiteJsonLd(site: URL) {
  return buildWebSite({ url: absolute('/', site), name: SITE.name, description: SITE.description, publisher: getPublisher(site) });
}
