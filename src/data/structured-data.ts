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
import type { HonourYear } from './honours.ts';
import type { HonourYearRoute } from './routes/honour-year.ts';
import type { StoryRoute } from './routes/story.ts';
import type { VolumeRoute } from './routes/volume.ts';
import type { TeacherRoute } from './routes/teacher.ts';
import { sortHonoursNewestFirst } from '../lib/honours.ts';

const absolute = (path: string, site: URL) => new URL(path, site).href;

function getPublisher(site: URL): PublisherFacts {
  return {
    name: SITE.publisher,
    url: absolute('/', site),
    logo: { url: absolute('/apple-touch-icon.png', site), width: 180, height: 180 },
  };
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

/** A story: NewsArticle. */
export function getStoryJsonLd(route: StoryRoute, site: URL) {
  const data = route.story;
  const url = absolute(`/stories/${route.id}/`, site);
  const termsUrl = `${url}#reprint`;
  const teachers: PersonFacts[] = route.teachers.map((t) => ({
    name: t.name,
    url: absolute(`/teachers/${t.id}/`, site),
    school: t.school ? { name: t.school.name, url: absolute(`/schools/${t.school.id}/`, site) } : undefined,
  }));
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
    isPartOf: route.places.map((p) => ({ name: `《${p.volume.title}》`, url: absolute(`/collections/${p.volume.id}/`, site) })),
    source: data.source ? { outlet: data.source.outlet, date: data.source.date, url: data.source.url } : undefined,
  });
}

/** A teacher: ProfilePage about the Person. */
export function getTeacherJsonLd(route: TeacherRoute, site: URL, description: string) {
  const data = route.teacher;
  const url = absolute(`/teachers/${route.id}/`, site);
  return buildProfilePage({
    url,
    description,
    name: data.name,
    alternateName: data.pinyin,
    jobTitle: data.jobTitle,
    subject: data.subject,
    school: route.school ? { name: route.school.name, url: absolute(`/schools/${route.school.id}/`, site) } : undefined,
    awards: sortHonoursNewestFirst(data.honours).map((h) => `${h.year}年 ${h.title}（${h.awardedBy}）`),
    image: data.portrait ? toImageFacts(data.portrait, site, absolute('/about/', site)) : undefined,
  });
}

/** A volume: Book with its chapters in order. */
export function getVolumeJsonLd(route: VolumeRoute, site: URL) {
  const data = route.volume;
  const url = absolute(`/collections/${route.id}/`, site);
  return buildBook({
    url,
    name: `《${data.title}》`,
    alternativeHeadline: data.subtitle,
    description: data.description,
    editor: data.editor,
    publisher: data.publisher,
    year: data.year,
    image: data.cover ? toImageFacts(data.cover, site, absolute('/about/', site)) : undefined,
    chapters: route.chapters.map((c) => ({ name: c.title, url: absolute(`/stories/${c.id}/`, site), writer: c.writer })),
  });
}

/** A year's roll: an ItemList of its awards, each an ItemList of the people it names. */
export function getHonourYearJsonLd(route: HonourYearRoute, site: URL) {
  const url = absolute(`/honours/${route.id}/`, site);
  const entries: ListEntry[] = route.awards.map((award) => {
    const people: ListEntry[] = award.recipients.map((r): ListEntry =>
      'teacher' in r
        ? { type: 'Person', name: r.teacher.name, url: absolute(`/teachers/${r.teacher.id}/`, site) }
        : { type: 'Person', name: r.name },
    );
    return {
      list: buildPlainItemList({
        name: `${route.year}年 ${award.title}`,
        url: `${url}#${award.id}`,
        description: `${award.awardedBy}；${UI.honours.count(award.count)}，${award.recipients.length ? UI.honours.named(award.recipients.length) : UI.honours.noneNamed}`,
        // The roll's count, though it may name fewer (schema.org: the whole list's size).
        numberOfItems: award.count,
        entries: people,
      }),
    };
  });
  return buildItemList({
    name: `${route.year} 年表彰`,
    url,
    description: `${UI.honours.source}：${route.source}`,
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
