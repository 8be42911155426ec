import { describe, expect, it } from 'vitest';
import { getPageUrl, splitIntoPages } from '../../src/lib/paginate.ts';
import { findRelatedStories } from '../../src/lib/related.ts';
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

describe('estimateReadingMinutes', () => {
  it('reads about 400 characters a minute, at least one', () => {
    expect(estimateReadingMinutes(0)).toBe(1);
    expect(estimateReadingMinutes(1200)).toBe(3);
  });
});
