/** Related stories: shared teachers count most, then shared themes, then recency. */
export interface RelatableStory {
  id: string;
  teachers: readonly string[];
  themes: readonly string[];
  published: string;
}

/** Up to `limit` stories related to `story`, best first. */
export function findRelatedStories<T extends RelatableStory>(story: RelatableStory, candidates: readonly T[], limit = 3): T[] {
  const scored = candidates
    .filter((c) => c.id !== story.id)
    .map((c) => ({
      story: c,
      score:
        c.teachers.filter((t) => story.teachers.includes(t)).length * 10 +
        c.themes.filter((t) => story.themes.includes(t)).length,
    }))
    .filter((s) => s.score > 0);
  scored.sort((a, b) => b.score - a.score || (a.story.published < b.story.published ? 1 : -1) || a.story.id.localeCompare(b.story.id));
  return scored.slice(0, limit).map((s) => s.story);
}
