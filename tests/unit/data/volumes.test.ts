/**
 * src/data/volumes.ts (volumes, their chapters, where a story stands in each) over a mocked
 * `astro:content`. A volume is a "collection" in content/ and `Volume` in the data layer.
 */
import { describe, expect, it } from 'vitest';
import { ids, loadDataLayer, storeOf, storyEntry, volumeEntry } from '../../helpers/content-store.ts';

const store = () =>
  storeOf({
    stories: [
      storyEntry('a', { published: '2024-01-01' }),
      storyEntry('b', { published: '2024-06-01' }),
      storyEntry('c', { published: '2023-01-01' }),
      storyEntry('d', { published: '2022-01-01' }),
      storyEntry('draft', { draft: true }),
    ],
    volumes: [
      volumeEntry('older', { year: 2023, chapters: ['c', 'a'] }),
      volumeEntry('yangwang-b', { year: 2024, chapters: ['b', 'draft', 'a', 'gone', 'c'] }),
      volumeEntry('yangwang-a', { year: 2024, chapters: ['d'] }),
    ],
  });

const load = async (reversed = false) => {
  const data = await loadDataLayer(store(), { reversed });
  const volume = async (id: string) => {
    const v = await data.volumes.getVolume(id);
    if (!v) throw new Error(`no volume ${id}`);
    return v;
  };
  const story = async (id: string) => {
    const s = await data.stories.getStory(id);
    if (!s) throw new Error(`no story ${id}`);
    return s;
  };
  return { ...data, volume, story };
};

describe('volumes', () => {
  it('are listed newest year first, one year in id order, whatever order the store gives', async () => {
    for (const reversed of [false, true]) {
      const { volumes } = await load(reversed);
      expect(ids(await volumes.getVolumes())).toEqual(['yangwang-a', 'yangwang-b', 'older']);
    }
  });

  it('are found by id', async () => {
    const { volumes } = await load();
    expect((await volumes.getVolume('older'))?.data.year).toBe(2023);
    expect(await volumes.getVolume('nothing')).toBeUndefined();
  });
});

describe('getChapters', () => {
  it("keeps the volume's order, not the stories' dates, numbered from 1; a draft or unknown story is left out", async () => {
    const { volumes, volume } = await load(true);
    const chapters = await volumes.getChapters(await volume('yangwang-b'));
    expect(chapters.map((c) => [c.number, c.story.id])).toEqual([
      [1, 'b'],
      [2, 'a'],
      [3, 'c'],
    ]);
    expect((await volumes.getChapters(await volume('older'))).map((c) => c.story.id)).toEqual(['c', 'a']);
  });
});

describe('getChapterPlaces', () => {
  it('gives each volume that holds a story, newest volume first, with its number and neighbours in that volume', async () => {
    const { volumes, story } = await load(true);
    const places = (await volumes.getChapterPlaces(await story('a'))).map((p) => ({
      volume: p.volume.id,
      number: p.number,
      previous: p.previous?.id,
      next: p.next?.id,
    }));
    expect(places).toEqual([
      { volume: 'yangwang-b', number: 2, previous: 'b', next: 'c' },
      { volume: 'older', number: 2, previous: 'c', next: undefined },
    ]);
    const first = await volumes.getChapterPlaces(await story('d'));
    expect(first.map((p) => [p.volume.id, p.number, p.previous, p.next])).toEqual([['yangwang-a', 1, undefined, undefined]]);
  });

  it('is empty for a story in no volume', async () => {
    const data = await loadDataLayer(
      storeOf({ stories: [storyEntry('a'), storyEntry('loose')], volumes: [volumeEntry('v', { chapters: ['a'] })] }),
    );
    const loose = await data.stories.getStory('loose');
    if (!loose) throw new Error('no story');
    expect(await data.volumes.getChapterPlaces(loose)).toEqual([]);
  });

  it('keeps the first place of a story listed twice in one volume (the content check refuses the repeat)', async () => {
    const data = await loadDataLayer(
      storeOf({ stories: [storyEntry('a'), storyEntry('b')], volumes: [volumeEntry('v', { chapters: ['a', 'b', 'a'] })] }),
    );
    const a = await data.stories.getStory('a');
    if (!a) throw new Error('no story');
    expect((await data.volumes.getChapterPlaces(a)).map((p) => [p.number, p.previous?.id, p.next?.id])).toEqual([[1, undefined, 'b']]);
  });
});
