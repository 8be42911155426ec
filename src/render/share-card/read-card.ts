/**
 * What each page's share card says and shows, read from the data layer (the first step of a share
 * image; then layout-card.ts lays it out and draw-card.ts draws it).
 */
import type { ImageMetadata } from 'astro';
import { SITE } from '../../config/site.ts';
import { UI } from '../../i18n/zh-CN.ts';
import type { Volume } from '../../data/volumes.ts';
import { getSchool } from '../../data/schools.ts';
import type { Story } from '../../data/stories.ts';
import { getSortedHonours, getTeacher, type Teacher } from '../../data/teachers.ts';
import { getImageFile } from '../../lib/image-file.ts';
import type { ShareImageInput } from './draw-card.ts';
import { charactersOf, type ShareCard } from './layout-card.ts';

const site = { name: SITE.name, tagline: SITE.tagline };

/** What a share image shows: the card's text and layout, and its picture (drawn from the original file). */
export interface ShareCardData {
  card: ShareCard;
  picture?: ImageMetadata | undefined;
}

/** The card with its picture's file, as the renderer reads it. */
export function toShareImageInput({ card, picture }: ShareCardData): ShareImageInput {
  return { card, pictureFile: picture ? getImageFile(picture) : undefined };
}

/** A story: title, subtitle, its teachers and schools, the cover. */
export async function getStoryShareCard(story: Story): Promise<ShareCardData> {
  const { data } = story;
  const people = await Promise.all(
    data.teachers.map(async (ref) => {
      const teacher = await getTeacher(ref.id);
      const school = teacher ? await getSchool(teacher.data.school.id) : undefined;
      return teacher ? `${teacher.data.name}${school ? ` · ${school.data.name}` : ''}` : undefined;
    }),
  );
  return {
    card: {
      kicker: data.sample ? `${UI.shareCard.story} · ${UI.sample}` : UI.shareCard.story,
      title: data.title,
      subtitle: data.subtitle,
      footer: people.filter(Boolean).join('　'),
      site,
      picture: { width: data.cover.src.width, height: data.cover.src.height },
    },
    picture: data.cover.src,
  };
}

/** A teacher: name, honours (or pinyin), school, the portrait or the family name. */
export async function getTeacherShareCard(teacher: Teacher): Promise<ShareCardData> {
  const { data } = teacher;
  const school = await getSchool(data.school.id);
  const honours = getSortedHonours(teacher)
    .slice(0, 2)
    .map((h) => `${h.year}年${h.title}`)
    .join('、');
  const portrait = data.portrait;
  return {
    card: {
      kicker: data.sample ? `${UI.shareCard.teacher} · ${UI.sample}` : UI.shareCard.teacher,
      title: data.name,
      subtitle: honours || data.pinyin,
      footer: [school?.data.name, data.subject, data.jobTitle].filter(Boolean).join(' · '),
      site,
      ...(portrait ? { picture: { width: portrait.src.width, height: portrait.src.height } } : { monogram: charactersOf(data.name)[0] }),
    },
    picture: portrait?.src,
  };
}

/** A volume: title, subtitle, editor and year, the cover. */
export function getVolumeShareCard(volume: Volume): ShareCardData {
  const { data } = volume;
  return {
    card: {
      kicker: data.sample ? `${UI.shareCard.volume} · ${UI.sample}` : UI.shareCard.volume,
      // No 《》 on the card: the kicker says 文集, and the bracket's own white space would indent the title.
      title: data.title,
      subtitle: data.subtitle,
      footer: `${data.editor} 编 · ${data.year}`,
      site,
      ...(data.cover
        ? { picture: { width: data.cover.src.width, height: data.cover.src.height } }
        : { monogram: charactersOf(data.title)[0] }),
    },
    picture: data.cover?.src,
  };
}

/** The site's own card, for every other page. */
export function getSiteShareCard(): ShareCardData {
  return {
    card: {
      kicker: SITE.publisher,
      title: SITE.tagline,
      subtitle: UI.shareCard.siteLine,
      footer: UI.shareCard.siteFooter,
      site,
      monogram: charactersOf(SITE.name)[0],
    },
  };
}
