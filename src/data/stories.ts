/** Stories as pages see them: drafts removed once, here; sorted explicitly; indexed for lookups. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { compareNewestFirst } from '../lib/dates.ts';
import { appendToList } from '../lib/lists.ts';
import { indexRelatedStories } from '../lib/related.ts';

export type Story = CollectionEntry<'stories'>;

interface StoryIndex {
  all: Story[];
  byId: Map<string, Story>;
  byTeacher: Map<string, Story[]>;
  findRelated: (story: Story, limit: number) => Story[];
}

let cache: Promise<StoryIndex> | undefined;

// Built once: every story and profile page looks stories up, and a scan per lookup made
// rendering grow with the square of the site (scripts/bench).
function getIndex(): Promise<StoryIndex> {
  cache ??= getCollection('stories', (s) => !s.data.draft).then((entries) => {
    const all = entries.sort((a, b) => compareNewestFirst(a.data.published, b.data.published) || a.id.localeCompare(b.id));
    const byTeacher = new Map<string, Story[]>();
    for (const story of all) {
      for (const id of new Set(story.data.teachers.map((t) => t.id))) appendToList(byTeacher, id, story);
    }
    const relatable = (s: Story) => ({
      id: s.id,
      teachers: s.data.teachers.map((t) => t.id),
      themes: s.data.themes,
      published: s.data.published,
      entry: s,
    });
    const query = indexRelatedStories(all.map(relatable));
    const findRelated = (story: Story, limit: number) => query(relatable(story), limit).map((r) => r.entry);
    return { all, byId: new Map(all.map((s) => [s.id, s])), byTeacher, findRelated };
  });
  return cache;
}

/** Every published story (no drafts), newest first. */
export async function getStories(): Promise<Story[]> {
  return (await getIndex()).all;
}

/** The story with this id, or undefined (drafts are not found). */
export async function getStory(id: string): Promise<Story | undefined> {
  return (await getIndex()).byId.get(id);
}

/** Stories about a teacher, newest first. */
export async function getStoriesByTeacher(teacherId: string): Promise<Story[]> {
  return (await getIndex()).byTeacher.get(teacherId) ?? [];
}

/** Stories related to `story`, best first. */
export async function getRelatedStories(story: Story, limit = 3): Promise<Story[]> {
  return (await getIndex()).findRelated(story, limit);
}

/** The character count the loader measured, for reading time. */
export function getCharacterCount(story: Story): number {
  return Number(story.rendered?.metadata?.characterCount ?? 0);
}
