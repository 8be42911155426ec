/** Stories as pages see them: drafts removed once, here; sorted explicitly. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { compareNewestFirst } from '../lib/dates.ts';
import { findRelatedStories } from '../lib/related.ts';

export type Story = CollectionEntry<'stories'>;

let cache: Promise<Story[]> | undefined;

/** Every published story (no drafts), newest first. */
export function getStories(): Promise<Story[]> {
  cache ??= getCollection('stories', (s) => !s.data.draft).then((all) =>
    all.sort((a, b) => compareNewestFirst(a.data.published, b.data.published) || a.id.localeCompare(b.id)),
  );
  return cache;
}

/** The story with this id, or undefined (drafts are not found). */
export async function getStory(id: string): Promise<Story | undefined> {
  return (await getStories()).find((s) => s.id === id);
}

/** Stories about a teacher, newest first. */
export async function getStoriesByTeacher(teacherId: string): Promise<Story[]> {
  return (await getStories()).filter((s) => s.data.teachers.some((t) => t.id === teacherId));
}

/** Stories related to `story`, best first. */
export async function getRelatedStories(story: Story, limit = 3): Promise<Story[]> {
  const all = await getStories();
  const plain = (s: Story) => ({ id: s.id, teachers: s.data.teachers.map((t) => t.id), themes: s.data.themes, published: s.data.published, entry: s });
  return findRelatedStories(plain(story), all.map(plain), limit).map((p) => p.entry);
}

/** The character count the loader measured, for reading time. */
export function getCharacterCount(story: Story): number {
  return Number(story.rendered?.metadata?.characterCount ?? 0);
}
