/** Related stories: shared teachers count most, then shared themes, then recency. */
import { appendToList } from './lists.ts';

export interface RelatableStory {
  id: string;
  teachers: readonly string[];
  themes: readonly string[];
  published: string;
}

interface Scored<T> {
  story: T;
  score: number;
}

/** The order among stories of equal score: the newer first, then by id. */
function compareByRecency(a: RelatableStory, b: RelatableStory): number {
  if (a.published !== b.published) return a.published > b.published ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Higher score first, then by recency. */
function compareScored(a: Scored<RelatableStory>, b: Scored<RelatableStory>): number {
  return b.score - a.score || compareByRecency(a.story, b.story);
}

/**
 * Up to `limit` stories related to `story`, best first, by looking at every candidate (one pass
 * that keeps only the best few). `indexRelatedStories` gives the same answers faster; this scan
 * answers for stories with very many themes and is what the index is tested against.
 */
export function findRelatedStories<T extends RelatableStory>(story: RelatableStory, candidates: readonly T[], limit = 3): T[] {
  if (limit <= 0) return [];
  const teachers = new Set(story.teachers);
  const themes = new Set(story.themes);
  const best: Scored<T>[] = [];
  for (const candidate of candidates) {
    if (candidate.id === story.id) continue;
    // A teacher or theme named twice counts once.
    let score = 0;
    for (const t of new Set(candidate.teachers)) if (teachers.has(t)) score += 10;
    for (const t of new Set(candidate.themes)) if (themes.has(t)) score += 1;
    if (score === 0) continue;
    const scored = { story: candidate, score };
    const last = best[best.length - 1];
    if (best.length === limit && last && compareScored(scored, last) >= 0) continue;
    let at = best.length;
    while (at > 0 && compareScored(scored, best[at - 1] as Scored<T>) < 0) at--;
    best.splice(at, 0, scored);
    if (best.length > limit) best.pop();
  }
  return best.map((s) => s.story);
}

/** Themes beyond which a story's theme combinations are too many to index: it is scanned instead. */
const MAX_INDEXED_THEMES = 6;

/** Every non-empty combination of `items` (sorted, distinct), as keys, by size. */
function getCombinations(items: readonly string[]): string[][] {
  const bySize: string[][] = items.map(() => []);
  for (let mask = 1; mask < 1 << items.length; mask++) {
    const chosen = items.filter((_, i) => mask & (1 << i));
    bySize[chosen.length - 1]?.push(chosen.join('\u0000'));
  }
  return bySize;
}

/**
 * The same answers as `findRelatedStories(story, stories, limit)`, without looking at every story:
 * stories that share a teacher come from a list per teacher; the rest from lists per combination of
 * themes, each newest first, so only the first few of each list are read. Building it once costs
 * a pass over the stories; each question then costs about `limit` × 2^themes steps, where the plain
 * scan costs one step per story (at 10,000 stories that scan, on every story page, made rendering
 * grow with the square of the site).
 */
export function indexRelatedStories<T extends RelatableStory>(stories: readonly T[]): (story: RelatableStory, limit?: number) => T[] {
  const newestFirst = [...stories].sort(compareByRecency);
  const byTeacher = new Map<string, T[]>();
  const byThemes = new Map<string, T[]>();
  const scanned: T[] = [];
  for (const s of newestFirst) {
    for (const t of new Set(s.teachers)) appendToList(byTeacher, t, s);
    const themes = [...new Set(s.themes)].sort();
    if (themes.length > MAX_INDEXED_THEMES) scanned.push(s);
    else for (const key of getCombinations(themes).flat()) appendToList(byThemes, key, s);
  }

  return (story, limit = 3) => {
    const themes = [...new Set(story.themes)].sort();
    // A story with very many themes is answered by the scan, which is always right.
    if (limit <= 0 || themes.length > MAX_INDEXED_THEMES) return findRelatedStories(story, newestFirst, limit);
    const teachers = new Set(story.teachers);
    const themeSet = new Set(themes);
    const themeScore = (c: T) => {
      let score = 0;
      for (const t of new Set(c.themes)) if (themeSet.has(t)) score++;
      return score;
    };

    // Sharing a teacher outweighs any number of shared themes: these come first, all of them scored.
    const seen = new Set<T>();
    const withTeacher: Scored<T>[] = [];
    for (const t of teachers) {
      for (const c of byTeacher.get(t) ?? []) {
        if (c.id === story.id || seen.has(c)) continue;
        seen.add(c);
        let shared = 0;
        for (const ct of new Set(c.teachers)) if (teachers.has(ct)) shared++;
        withTeacher.push({ story: c, score: shared * 10 + themeScore(c) });
      }
    }
    withTeacher.sort(compareScored);
    const result = withTeacher.slice(0, limit).map((s) => s.story);

    // Then by the number of shared themes, most first; within a number, newest first. A story
    // sharing exactly n themes is on the list of that n-theme combination, and each list is
    // newest first, so `need` stories of each list are enough.
    const combinations = getCombinations(themes);
    for (let n = themes.length; n >= 1 && result.length < limit; n--) {
      const need = limit - result.length;
      const level = new Set<T>();
      for (const key of combinations[n - 1] ?? []) {
        let taken = 0;
        for (const c of byThemes.get(key) ?? []) {
          if (taken === need) break;
          if (c.id === story.id || seen.has(c) || themeScore(c) !== n) continue;
          level.add(c);
          taken++;
        }
      }
      // Stories with too many themes to index are few: each is weighed here.
      for (const c of scanned) if (c.id !== story.id && !seen.has(c) && themeScore(c) === n) level.add(c);
      const best = [...level].sort(compareByRecency).slice(0, need);
      for (const c of best) seen.add(c);
      result.push(...best);
    }
    return result;
  };
}
