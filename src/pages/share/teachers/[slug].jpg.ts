/** Share image of a teacher's profile (1200×630 JPEG), for link previews. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getTeacherShareCard } from '../../../data/share-cards.ts';
import { getTeachers, type Teacher } from '../../../data/teachers.ts';
import { renderShareImage } from '../../../render/share-image.ts';

export const getStaticPaths = (async () => {
  return (await getTeachers()).map((teacher) => ({ params: { slug: teacher.id }, props: { teacher } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ teacher: Teacher }> = async ({ props }) =>
  new Response(new Uint8Array(await renderShareImage(await getTeacherShareCard(props.teacher))), {
    headers: { 'Content-Type': 'image/jpeg' },
  });
