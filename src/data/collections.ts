/** Volumes (collections) and their chapters, in reading order. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { getStories, type Story } from './stories.ts';

export type Volume = CollectionEntry<'collections'>;

export interface Chapter {
  number: number;
  story: Story;
}

/** Every volume, newest year first. */
export async function getVolumes(): Promise<Volume[]> {
  return (await getCollection('collections')).sort((a, b) => b.data.year - a.data.year || a.id.localeCompare(b.id));
}

/** The volume with this id. */
export async function getVolume(id: string): Promise<Volume | undefined> {
  return (await getVolumes()).find((v) => v.id === id);
}

/** The chapters of a volume: its published stories in order, numbered from 1. */
export async function getChapters(volume: Volume): Promise<Chapter[]> {
  const byId = new Map((await getStories()).map((s) => [s.id, s]));
  return volume.data.chapters
    .map((ref) => byId.get(ref.id))
    .filter((s): s is Story => s !== undefined)
    .map((story, i) => ({ number: i + 1, story }));
}

/** Where a story stands in each volume that holds it, with its neighbours. */
export async function getChapterPlaces(story: Story): Promise<
  { volume: Volume; number: number; previous: Story | undefined; next: Story | undefined }[]
> {
  const places = [];
  for (const volume of await getVolumes()) {
    const chapters = await getChapters(volume);
    const index = chapters.findIndex((c) => c.story.id === story.id);
    if (index === -1) continue;
    places.push({
      volume,
      number: index + 1,
      previous: chapters[index - 1]?.story,
      next: chapters[index + 1]?.story,
    });
  }
  return places;
}
