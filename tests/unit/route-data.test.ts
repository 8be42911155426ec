import { describe, expect, it } from 'vitest';
import { changedPaths, getCacheKeys, makeStore, type Store } from '../helpers/content-store.ts';

/** The keys before and after `edit` is applied to a fresh copy of the sample store. */
async function keysAround(edit: (store: Store) => void) {
  const before = await getCacheKeys(makeStore());
  const store = makeStore();
  edit(store);
  return changedPaths(before, await getCacheKeys(store));
}

const find = (entries: Store[keyof Store], id: string) => {
  const entry = entries.find((e) => e.id === id);
  if (!entry) throw new Error(`no entry ${id}`);
  return entry;
};

describe('route data cache keys', () => {
  it('are identical when nothing changed, and every route has them', async () => {
    const first = await getCacheKeys(makeStore());
    const second = await getCacheKeys(makeStore());
    expect([...second]).toEqual([...first]);
    expect([...first.keys()].sort()).toEqual([
      '/collections/print/yangwang',
      '/collections/rss/yangwang',
      '/collections/yangwang',
      '/honours/2023',
      '/schools/shan-xiao',
      '/schools/zhi-xiao',
      '/share/collections/yangwang',
      '/share/stories/a',
      '/share/stories/b',
      '/share/stories/c',
      '/share/stories/d',
      '/share/stories/e',
      '/share/teachers/chen',
      '/share/teachers/lin',
      '/share/teachers/wang',
      '/stories/a',
      '/stories/b',
      '/stories/c',
      '/stories/d',
      '/stories/e',
      '/stories/page/1',
      '/teachers/chen',
      '/teachers/lin',
      '/teachers/wang',
    ]);
  });

  it('change on every page that shows a renamed teacher, and nowhere else', async () => {
    const changed = await keysAround((store) => {
      find(store.teachers, 'lin').data.name = '林秋韵';
    });
    expect(changed).toEqual([
      '/collections/print/yangwang', // the chapter's byline
      '/collections/yangwang', // the table of contents
      '/honours/2023', // named on the roll
      '/schools/shan-xiao', // the teacher's card
      '/share/stories/a',
      '/share/stories/b',
      '/share/teachers/lin',
      '/stories/a', // the story's teacher, and b's card among related stories
      '/stories/b',
      '/stories/page/1', // the cards of a and b
      '/teachers/lin',
    ]);
  });

  it('change on every page that lists a story whose title changed: related, lists, volume, teacher, school', async () => {
    const changed = await keysAround((store) => {
      find(store.stories, 'c').data.title = '车间里的那方讲台';
    });
    expect(changed).toEqual([
      '/collections/print/yangwang',
      '/collections/rss/yangwang',
      '/collections/yangwang',
      '/schools/zhi-xiao', // c's card among the school's stories
      '/share/stories/c',
      '/stories/a', // c is a's next chapter
      '/stories/c',
      '/stories/e', // c is among e's related stories
      '/stories/page/1',
      '/teachers/chen',
    ]);
  });

  it("change only on the story's own page and the print edition when only its body changed", async () => {
    const changed = await keysAround((store) => {
      const rendered = find(store.stories, 'a').rendered;
      if (rendered) rendered.html = '<p>改过的正文</p>';
    });
    expect(changed).toEqual(['/collections/print/yangwang', '/stories/a']);
  });

  it('appear for a new story, and change on the pages that list it', async () => {
    const changed = await keysAround((store) => {
      const d = find(store.stories, 'd');
      store.stories.push({ ...d, id: 'f', data: { ...d.data, title: '慢慢来（续）' } });
    });
    // New paths appear; d's page lists f as related (same teacher), and the teacher's and school's pages list it.
    expect(changed).toEqual(['/schools/zhi-xiao', '/share/stories/f', '/stories/d', '/stories/f', '/stories/page/1', '/teachers/wang']);
  });

  it('change when a school is renamed on the pages that name it', async () => {
    const changed = await keysAround((store) => {
      find(store.schools, 'zhi-xiao').data.name = '职业技术学校';
    });
    expect(changed).toEqual([
      '/schools/zhi-xiao',
      '/share/stories/c',
      '/share/stories/d',
      '/share/stories/e',
      '/share/teachers/chen',
      '/share/teachers/wang',
      '/stories/c',
      '/stories/d',
      '/stories/e',
      '/teachers/chen',
      '/teachers/wang',
    ]);
  });
});
