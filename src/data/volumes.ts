/** Volumes (compiled books like 仰望) and their chapters, in reading order. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { getStories, type Story } from './stories.ts';

export type Volume = CollectionEntry<'volumes'>;

export interface Chapter {
  number: number;
  story: Story;
}

/** Where a story stands in a volume that holds it, with its neighbours. */
export interface ChapterPlace {
  volume: Volume;
  number: number;
  previous: Story | undefined;
  next: Story | undefined;
}

interface VolumeIndex {
  volumes: Volume[];
  chapters: Map<string, Chapter[]>;
  places: Map<string, ChapterPlace[]>;
}

let cache: Promise<VolumeIndex> | undefined;

// Built once: every story page asks where it stands in each volume.
function getIndex(): Promise<VolumeIndex> {
  cache ??= Promise.all([getCollection('volumes'), getStories()]).then(([entries, stories]) => {
    const volumes = entries.sort((a, b) => b.data.year - a.data.year || a.id.localeCompare(b.id));
    const byId = new Map(stories.map((s) => [s.id, s]));
    const chapters = new Map<string, Chapter[]>();
    const places = new Map<string, ChapterPlace[]>();
    for (const volume of volumes) {
      const list = volume.data.chapters
        .map((ref) => byId.get(ref.id))
        .filter((s): s is Story => s !== undefined)
        .map((story, i) => ({ number: i + 1, story }));
      chapters.set(volume.id, list);
      list.forEach(({ story, number }, i) => {
        // A story listed twice in one volume keeps its first place (the content check refuses repeats).
        const held = places.get(story.id) ?? [];
        if (held.some((p) => p.volume === volume)) return;
        held.push({ volume, number, previous: list[i - 1]?.story, next: list[i + 1]?.story });
        places.set(story.id, held);
      });
    }
    return { volumes, chapters, places };
  });
  return cache;
}

/** Every volume, newest year first. */
export async function getVolumes(): Promise<Volume[]> {
  return (await getIndex()).volumes;
}

/** The volume with this id. */
export async function getVolume(id: string): Promise<Volume | undefined> {
  return (await getVolumes()).find((v) => v.id === id);
}

/** The chapters of a volume: its published stories in order, numbered from 1. */
export async function getChapters(volume: Volume): Promise<Chapter[]> {
  return (await getIndex()).chapters.get(volume.id) ?? [];
}

/** Where a story stands in each volume that holds it, with its neighbours. */
export async function getChapterPlaces(story: Story): Promise<ChapterPlace[]> {
  return (await getIndex()).places.get(story.id) ?? [];
}
