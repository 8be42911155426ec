/**
 * The share images (`/share/stories|teachers|collections/<slug>.jpg`, and the site's own,
 * `/share/site.jpg`): what each card says and the
 * picture it shows (src/render/share-card/read-card.ts). Drawing one costs more than rendering a page, so an
 * unchanged card is restored from the previous build.
 */
import { getVolumes } from '../volumes.ts';
import { getSiteShareCard, getStoryShareCard, getTeacherShareCard, getVolumeShareCard } from '../../render/share-card/read-card.ts';
import { getStories } from '../stories.ts';
import { getTeachers } from '../teachers.ts';
import { toStaticPath } from './static-paths.ts';

/** `getStaticPaths()` of `/share/stories/<slug>.jpg`. */
export async function getStoryShareCardPaths() {
  return Promise.all((await getStories()).map(async (s) => toStaticPath({ slug: s.id }, await getStoryShareCard(s))));
}

/** `getStaticPaths()` of `/share/teachers/<slug>.jpg`. */
export async function getTeacherShareCardPaths() {
  return Promise.all((await getTeachers()).map(async (t) => toStaticPath({ slug: t.id }, await getTeacherShareCard(t))));
}

/** `getStaticPaths()` of `/share/collections/<slug>.jpg`. */
export async function getVolumeShareCardPaths() {
  return (await getVolumes()).map((v) => toStaticPath({ slug: v.id }, getVolumeShareCard(v)));
}

/** `getStaticPaths()` of `/share/<card>.jpg`: the site's card (`/share/site.jpg`), for pages without one of their own. */
export function getSiteShareCardPaths() {
  return [toStaticPath({ card: 'site' }, getSiteShareCard())];
}
