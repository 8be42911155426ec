/** src/data/stories.ts over a mocked `astro:content`: drafts, order, lookups by teacher, related stories. */
import { describe, expect, it } from 'vitest';
import { ids, loadDataLayer, storeOf, storyEntry, teacherEntry } from '../../helpers/content-store.ts';

const store = () =>
  storeOf({
    teachers: [teacherEntry('lin'), teacherEntry('chen', { name: '陈立', pinyin: 'Chén Lì' })],
    stories: [
      storyEntry('b', { published: '2024-03-01', teachers: ['lin'] }),
      storyEntry('draft', { published: '2024-09-01', teachers: ['lin'], draft: true }),
      storyEntry('a', { published: '2024-03-01', teachers: ['lin', 'chen'] }),
      storyEntry('old', { published: '2023-12-31', teachers: ['chen', 'chen'] }),
      storyEntry('new', { published: '2024-05-01', teachers: ['chen'] }),
    ],
  });

describe('getStories', () => {
  it('lists published stories only, newest first, a day shared in id order, whatever order the store gives', async () => {
    for (const reversed of [false, true]) {
      const { stories } = await loadDataLayer(store(), { reversed });
      expect(ids(await stories.getStories())).toEqual(['new', 'a', 'b', 'old']);
    }
  });

  it('is read once: a second call returns the same list', async () => {
    const { stories } = await loadDataLayer(store());
    expect(await stories.getStories()).toBe(await stories.getStories());
  });
});

describe('getStory', () => {
  it('finds a published story by id, and neither a draft nor an unknown id', async () => {
    const { stories } = await loadDataLayer(store());
    expect((await stories.getStory('a'))?.data.published).toBe('2024-03-01');
    expect(await stories.getStory('draft')).toBeUndefined();
    expect(await stories.getStory('nobody')).toBeUndefined();
  });
});

describe('getStoriesByTeacher', () => {
  it("lists a teacher's published stories newest first, each once even when the teacher is named twice", async () => {
    const { stories } = await loadDataLayer(store(), { reversed: true });
    expect(ids(await stories.getStoriesByTeacher('lin'))).toEqual(['a', 'b']);
    expect(ids(await stories.getStoriesByTeacher('chen'))).toEqual(['new', 'a', 'old']);
    expect(await stories.getStoriesByTeacher('nobody')).toEqual([]);
  });
});

describe('getRelatedStories', () => {
  const related = () =>
    storeOf({
      stories: [
        storyEntry('me', { teachers: ['lin'], themes: ['乡村教育', '师德'], published: '2024-01-01' }),
        storyEntry('same-teacher', { teachers: ['lin'], themes: ['体育'], published: '2020-01-01' }),
        storyEntry('two-themes', { teachers: ['chen'], themes: ['乡村教育', '师德'], published: '2021-01-01' }),
        storyEntry('one-theme-old', { teachers: ['wang'], themes: ['师德'], published: '2022-01-01' }),
        storyEntry('one-theme-new-b', { teachers: ['wang'], themes: ['乡村教育'], published: '2023-01-01' }),
        storyEntry('one-theme-new-a', { teachers: ['wang'], themes: ['师德'], published: '2023-01-01' }),
        storyEntry('draft', { teachers: ['lin'], themes: ['乡村教育', '师德'], draft: true }),
        storyEntry('unrelated', { teachers: ['zhao'], themes: ['科学'] }),
      ],
    });

  it('puts a shared teacher before shared themes, more themes before fewer, then the newer, then by id; never itself or a draft', async () => {
    for (const reversed of [false, true]) {
      const { stories } = await loadDataLayer(related(), { reversed });
      const me = await stories.getStory('me');
      if (!me) throw new Error('no story me');
      expect(ids(await stories.getRelatedStories(me, 10))).toEqual([
        'same-teacher',
        'two-themes',
        'one-theme-new-a',
        'one-theme-new-b',
        'one-theme-old',
      ]);
      expect(ids(await stories.getRelatedStories(me))).toEqual(['same-teacher', 'two-themes', 'one-theme-new-a']);
    }
  });
});

describe('getCharacterCount', () => {
  it('is what the loader measured, and 0 for an entry it did not render', async () => {
    const { id, data } = storyEntry('b');
    const { stories } = await loadDataLayer(storeOf({ stories: [storyEntry('a', {}, 1234), { id, data }] }));
    const [a, b] = await Promise.all([stories.getStory('a'), stories.getStory('b')]);
    if (!a || !b) throw new Error('missing stories');
    expect(stories.getCharacterCount(a)).toBe(1234);
    expect(stories.getCharacterCount(b)).toBe(0);
  });
});
