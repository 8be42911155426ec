/**
 * schema.org JSON-LD for every page type, from plain values. Search engines and news aggregators
 * read these blocks to show the article, its subject, its dates and its image credits correctly.
 * Types come from `schema-dts`, so a misspelt property does not compile.
 */
import type {
  Book,
  BreadcrumbList,
  ImageObject,
  ItemList,
  ListItem,
  NewsArticle,
  Organization,
  Person,
  ProfilePage,
  WebSite,
  WithContext,
} from 'schema-dts';

const CONTEXT = 'https://schema.org';

/** An image as the page shows it, with the facts a reuser needs. */
export interface ImageFacts {
  /** Absolute URL of the full-size file. */
  url: string;
  width: number;
  height: number;
  /** Alt text or caption. */
  caption: string;
  /** Who made it (credit line). */
  credit: string;
  /** Licence as written by the editor (`CC BY-NC-ND 4.0`, `版权所有` …). */
  licence: string | undefined;
  /** Page where the terms of reuse are stated. */
  termsUrl: string;
}

/** A link with a name: a breadcrumb, a chapter, a person's page. */
export interface NamedLink {
  name: string;
  url: string;
}

/** The organisation that publishes the site. */
export interface PublisherFacts {
  name: string;
  url: string;
  logo: { url: string; width: number; height: number };
}

/** The page address of a Creative Commons licence written as `CC BY-NC-ND 4.0`, or undefined. */
export function getLicenceUrl(licence: string | undefined): string | undefined {
  if (!licence) return undefined;
  const text = licence.trim().toUpperCase().replace(/\s+/g, ' ');
  if (/^CC0( 1\.0)?$/.test(text)) return 'https://creativecommons.org/publicdomain/zero/1.0/';
  const match = /^CC ((?:BY)(?:-(?:NC|ND|SA))*) (\d\.\d)$/.exec(text);
  if (!match) return undefined;
  return `https://creativecommons.org/licenses/${match[1]?.toLowerCase()}/${match[2]}/`;
}

/**
 * The person's name inside a writer line: `仰望编辑部 周南` → 周南 (a Chinese name after the
 * affiliation); anything else is kept whole. Several writers are separated by 、 or ，.
 */
export function getWriterNames(writer: string): string[] {
  return writer
    .split(/[、，,]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => /^.+?\s+(\p{Script=Han}{2,4})$/u.exec(part)?.[1] ?? part);
}

/** An ImageObject with credit, licence and copyright notice. */
export function buildImageObject(image: ImageFacts): ImageObject {
  const licenceUrl = getLicenceUrl(image.licence);
  return {
    '@type': 'ImageObject',
    url: image.url,
    contentUrl: image.url,
    width: { '@type': 'QuantitativeValue', value: image.width, unitCode: 'E37' },
    height: { '@type': 'QuantitativeValue', value: image.height, unitCode: 'E37' },
    caption: image.caption,
    creditText: image.credit,
    license: licenceUrl ?? image.termsUrl,
    acquireLicensePage: image.termsUrl,
    copyrightNotice: image.licence ? `${image.credit}（${image.licence}）` : image.credit,
  };
}

/** BreadcrumbList from the home page down to the current page. */
export function buildBreadcrumbList(trail: readonly NamedLink[]): WithContext<BreadcrumbList> {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((link, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: link.name,
      item: link.url,
    })),
  };
}

function buildOrganization(publisher: PublisherFacts): Organization {
  return {
    '@type': 'Organization',
    name: publisher.name,
    url: publisher.url,
    logo: { '@type': 'ImageObject', url: publisher.logo.url, width: `${publisher.logo.width}`, height: `${publisher.logo.height}` },
  };
}

/** A teacher as the subject of a story. */
export interface PersonFacts extends NamedLink {
  /** The school, with its page. */
  school: NamedLink | undefined;
}

function buildTeacherRef(person: PersonFacts): Person {
  return {
    '@type': 'Person',
    '@id': `${person.url}#person`,
    name: person.name,
    url: person.url,
    ...(person.school ? { worksFor: { '@type': 'EducationalOrganization', name: person.school.name, url: person.school.url } } : {}),
  };
}

/** A story: NewsArticle about its teachers. */
export function buildNewsArticle(story: {
  url: string;
  headline: string;
  alternativeHeadline: string | undefined;
  description: string;
  datePublished: string;
  dateModified: string;
  writer: string;
  teachers: readonly PersonFacts[];
  publisher: PublisherFacts;
  images: readonly ImageFacts[];
  /** Reprint terms, as the page states them. */
  copyrightNotice: string;
  /** Page (anchor) where the reprint terms are. */
  termsUrl: string;
  keywords: readonly string[];
  /** Volumes the story is a chapter of. */
  isPartOf: readonly NamedLink[];
  /** Where it first appeared, when it is a reprint. */
  source: { outlet: string; date: string; url: string | undefined } | undefined;
}): WithContext<NewsArticle> {
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    '@id': `${story.url}#article`,
    mainEntityOfPage: story.url,
    url: story.url,
    headline: story.headline,
    ...(story.alternativeHeadline ? { alternativeHeadline: story.alternativeHeadline } : {}),
    description: story.description,
    inLanguage: 'zh-CN',
    datePublished: story.datePublished,
    dateModified: story.dateModified,
    author: getWriterNames(story.writer).map((name) => ({ '@type': 'Person', name })),
    publisher: buildOrganization(story.publisher),
    about: story.teachers.map(buildTeacherRef),
    mentions: story.teachers.map((t) => ({ '@id': `${t.url}#person` })),
    image: story.images.map(buildImageObject),
    keywords: story.keywords.join(','),
    license: story.termsUrl,
    copyrightNotice: story.copyrightNotice,
    copyrightHolder: { '@type': 'Organization', name: story.publisher.name },
    copyrightYear: Number(story.datePublished.slice(0, 4)),
    ...(story.isPartOf.length ? { isPartOf: story.isPartOf.map((v) => ({ '@type': 'Book' as const, name: v.name, url: v.url })) } : {}),
    ...(story.source
      ? {
          isBasedOn: {
            '@type': 'NewsArticle',
            publisher: { '@type': 'Organization', name: story.source.outlet },
            datePublished: story.source.date,
            ...(story.source.url ? { url: story.source.url } : {}),
          },
        }
      : {}),
  };
}

/** A teacher's page: ProfilePage whose main entity is the Person. */
export function buildProfilePage(profile: {
  url: string;
  description: string;
  name: string;
  alternateName: string;
  jobTitle: string | undefined;
  subject: string | undefined;
  school: NamedLink | undefined;
  /** Each honour in words: `2023年 师德标兵（市教育体育局）`. */
  awards: readonly string[];
  image: ImageFacts | undefined;
}): WithContext<ProfilePage> {
  return {
    '@context': CONTEXT,
    '@type': 'ProfilePage',
    url: profile.url,
    name: profile.name,
    description: profile.description,
    inLanguage: 'zh-CN',
    mainEntity: {
      '@type': 'Person',
      '@id': `${profile.url}#person`,
      name: profile.name,
      alternateName: profile.alternateName,
      url: profile.url,
      ...(profile.jobTitle ? { jobTitle: profile.jobTitle } : {}),
      ...(profile.subject ? { knowsAbout: profile.subject } : {}),
      ...(profile.school ? { worksFor: { '@type': 'EducationalOrganization', name: profile.school.name, url: profile.school.url } } : {}),
      award: [...profile.awards],
      ...(profile.image ? { image: buildImageObject(profile.image) } : {}),
    },
  };
}

/** A volume: Book with its chapters in reading order. */
export function buildBook(volume: {
  url: string;
  name: string;
  alternativeHeadline: string | undefined;
  description: string;
  editor: string;
  publisher: string;
  year: number;
  image: ImageFacts | undefined;
  chapters: readonly (NamedLink & { writer: string })[];
}): WithContext<Book> {
  return {
    '@context': CONTEXT,
    '@type': 'Book',
    '@id': `${volume.url}#book`,
    url: volume.url,
    name: volume.name,
    ...(volume.alternativeHeadline ? { alternativeHeadline: volume.alternativeHeadline } : {}),
    description: volume.description,
    inLanguage: 'zh-CN',
    // schema.org's `editor` must be a Person; ours are bureaus and offices, so `creator`.
    creator: { '@type': 'Organization', name: volume.editor },
    publisher: { '@type': 'Organization', name: volume.publisher },
    datePublished: String(volume.year),
    ...(volume.image ? { image: buildImageObject(volume.image) } : {}),
    hasPart: volume.chapters.map((chapter, i) => ({
      '@type': 'Chapter',
      position: i + 1,
      name: chapter.name,
      url: chapter.url,
      author: getWriterNames(chapter.writer).map((name) => ({ '@type': 'Person', name })),
    })),
  };
}

/** An entry of a list: a named thing with or without its own page, or a nested list. */
export type ListEntry = { name: string; url?: string | undefined; type?: 'Person' | 'Thing' } | { list: ItemList };

/** An ItemList (honour rolls). `numberOfItems` may exceed the entries shown (a roll that names a few of many). */
export function buildItemList(list: {
  name: string;
  url?: string | undefined;
  description?: string | undefined;
  numberOfItems: number;
  entries: readonly ListEntry[];
}): WithContext<ItemList> {
  return { '@context': CONTEXT, ...buildPlainItemList(list) };
}

/** The same without `@context`, for nesting. */
export function buildPlainItemList(list: {
  name: string;
  url?: string | undefined;
  description?: string | undefined;
  numberOfItems: number;
  entries: readonly ListEntry[];
}): ItemList {
  return {
    '@type': 'ItemList',
    name: list.name,
    ...(list.url ? { url: list.url } : {}),
    ...(list.description ? { description: list.description } : {}),
    numberOfItems: list.numberOfItems,
    itemListElement: list.entries.map((entry, i): ListItem => {
      if ('list' in entry) return { '@type': 'ListItem', position: i + 1, item: entry.list };
      return {
        '@type': 'ListItem',
        position: i + 1,
        item: {
          '@type': entry.type ?? 'Thing',
          name: entry.name,
          ...(entry.url ? { url: entry.url } : {}),
        },
      };
    }),
  };
}

/** The site itself (home page). */
export function buildWebSite(site: { url: string; name: string; description: string; publisher: PublisherFacts }): WithContext<WebSite> {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    url: site.url,
    name: site.name,
    description: site.description,
    inLanguage: 'zh-CN',
    publisher: buildOrganization(site.publisher),
  };
}

/**
 * JSON for a `<script type="application/ld+json">` block. `<` is escaped so that text such as
 * `</script>` in a title cannot end the block early.
 */
export function serializeJsonLd(data: object): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
