import { describe, expect, it } from 'vitest';
import { getPageUrl, splitIntoPages } from '../../src/lib/paginate.ts';
import { findRelatedStories, indexRelatedStories, type RelatableStory } from '../../src/lib/related.ts';
import { estimateReadingMinutes } from '../../src/lib/reading-time.ts';

describe('splitIntoPages', () => {
  it('splits into pages of the given size', () => {
    expect(splitIntoPages([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
  it('always has one page', () => {
    expect(splitIntoPages([], 10)).toEqual([[]]);
  });
  it('gives page URLs under the base', () => {
    expect(getPageUrl('/stories/', 1)).toBe('/stories/');
    expect(getPageUrl('/stories/', 3)).toBe('/stories/page/3/');
  });
});

describe('findRelatedStories', () => {
  const s = (id: string, teachers: string[], themes: string[], published = '2024-01-01') => ({ id, teachers, themes, published });
  it('ranks shared teachers above shared themes and leaves out unrelated stories', () => {
    const story = s('a', ['lin'], ['师德', '乡村教育']);
    const related = findRelatedStories(story, [
      story,
      s('b', ['wang'], ['师德', '乡村教育']),
      s('c', ['lin'], ['特殊教育']),
      s('d', ['zhao'], ['中职']),
    ]);
    expect(related.map((r) => r.id)).toEqual(['c', 'b']);
  });
  it('breaks ties by recency', () => {
    const story = s('a', ['x'], ['师德']);
    const related = findRelatedStories(story, [s('old', [], ['师德'], '2023-01-01'), s('new', [], ['师德'], '2025-01-01')]);
    expect(related.map((r) => r.id)).toEqual(['new', 'old']);
  });
});

describe('findRelatedStories', () => {
  it('breaks ties of score and date by id, whatever the order of the candidates', () => {
    const story = { id: 'x', teachers: [], themes: ['师德'], published: '2024-01-01' };
    const candidates = ['b', 'a', 'c'].map((id) => ({ id, teachers: [], themes: ['师德'], published: '2024-05-01' }));
    expect(findRelatedStories(story, candidates).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(findRelatedStories(story, [...candidates].reverse()).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('indexRelatedStories', () => {
  /** A seeded corpus: few teachers and themes so that stories share them, dates that repeat. */
  function makeCorpus(count: number, seed: number): RelatableStory[] {
    let state = seed;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    const THEMES = ['师德', '乡村教育', '特殊教育', '家访', '劳动教育', '名师工作室', '送教上门', '中职'];
    return Array.from({ length: count }, (_, i) => ({
      id: `s-${next(1000)}-${i}`,
      teachers: Array.from({ length: 1 + next(2) }, () => `t${next(count / 3)}`),
      // Mostly one to three themes; now and then more than the index takes (they are scanned).
      themes: i % 97 === 0 ? [...THEMES] : Array.from({ length: 1 + next(3) }, () => THEMES[next(THEMES.length)] as string),
      published: `202${next(4)}-0${1 + next(9)}-1${next(3)}`,
    }));
  }

  it.each([
    [1, 400],
    [2, 400],
    [3, 60],
  ])('gives what the scan gives, for every story and limit (seed %i, %i stories)', (seed, count) => {
    const stories = makeCorpus(count, seed);
    const related = indexRelatedStories(stories);
    for (const limit of [0, 1, 3, 7]) {
      for (const story of stories) {
        expect(
          related(story, limit).map((r) => r.id),
          `${story.id} limit ${limit}`,
        ).toEqual(findRelatedStories(story, stories, limit).map((r) => r.id));
      }
    }
    // A story that is not in the corpus (a draft) is answered too.
    const outsider = { id: 'new', teachers: ['t1'], themes: ['家访', '师德'], published: '2023-05-10' };
    expect(related(outsider, 3)).toEqual(findRelatedStories(outsider, stories, 3));
  });
});

describe('estimateReadingMinutes', () => {
  it('reads about 400 characters a minute, at least one', () => {
    expect(estimateReadingMinutes(0)).toBe(1);
    expect(estimateReadingMinutes(1200)).toBe(3);
  });
});
