/** src/render/share-card/read-card.ts and feeds.ts over a mocked `astro:content`: what share images and feeds show, joined from the collections. */
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  loadDataLayerWithLookups,
  schoolEntry,
  storeOf,
  storyEntry,
  teacherEntry,
  volumeEntry,
  honour,
} from '../../helpers/content-store.ts';
import { getImageFile } from '../../../src/lib/image-file.ts';
import { sharePaths } from '../../../src/render/share-card/paths.ts';

const portrait = { src: './portrait.jpg', alt: '肖像', credit: '周南 摄' };

const store = () =>
  storeOf({
    schools: [schoolEntry('shan-xiao', { name: '山村小学' })],
    teachers: [
      teacherEntry('lin', {
        name: '林秋云',
        pinyin: 'Lín Qiūyún',
        school: 'shan-xiao',
        subject: '语文',
        jobTitle: '高级教师',
        honours: [honour(2021, '骨干教师'), honour(2023, '师德标兵'), honour(2022, '优秀教师')],
        portrait,
      }),
      teacherEntry('chen', { name: '陈立', pinyin: 'Chén Lì', school: 'gone', sample: false }),
    ],
    stories: [
      storyEntry('a', {
        title: '山里的灯',
        subtitle: '记林秋云',
        teachers: ['lin', 'chen', 'nobody'],
        published: '2024-05-01',
        updated: '2024-06-01',
        themes: ['乡村教育'],
      }),
      storyEntry('b', { title: '雪地里的路', teachers: ['chen'], published: '2024-07-01', sample: false }),
      storyEntry('draft', { teachers: ['lin'], published: '2025-01-01', draft: true }),
    ],
    volumes: [
      volumeEntry('yangwang', {
        title: '仰望',
        subtitle: '优秀教师事迹选',
        editor: '编委会',
        year: 2024,
        chapters: ['b', 'a'],
        sample: false,
      }),
    ],
  });

const site = new URL('https://yangwang.example/');

const load = () => loadDataLayerWithLookups(store());

describe('share cards', () => {
  it('of a story: its teachers with their schools (unknown ones left out), the sample mark, the cover', async () => {
    const { shareCards, story } = await load();
    const { card, picture } = await shareCards.getStoryShareCard(await story('a'));
    expect(card).toMatchObject({
      kicker: '先进事迹 · 示例',
      title: '山里的灯',
      subtitle: '记林秋云',
      footer: '林秋云 · 山村小学　陈立',
      picture: { width: 640, height: 400 },
    });
    expect(picture?.width).toBe(640);
    expect((await shareCards.getStoryShareCard(await story('b'))).card.kicker).toBe('先进事迹');
  });

  it('of a teacher: the two newest honours, school, subject and title, the portrait; without portrait or honours, the family name and pinyin', async () => {
    const { shareCards, teacher } = await load();
    const lin = await shareCards.getTeacherShareCard(await teacher('lin'));
    expect(lin.card).toMatchObject({
      kicker: '教师 · 示例',
      title: '林秋云',
      subtitle: '2023年师德标兵、2022年优秀教师',
      footer: '山村小学 · 语文 · 高级教师',
      picture: { width: 640, height: 400 },
    });
    expect(lin.card.monogram).toBeUndefined();
    const chen = await shareCards.getTeacherShareCard(await teacher('chen'));
    expect(chen.card).toMatchObject({ kicker: '教师', title: '陈立', subtitle: 'Chén Lì', footer: '', monogram: '陈' });
    expect(chen.picture).toBeUndefined();
  });

  it('of a volume and of the site', async () => {
    const { shareCards, volume } = await load();
    expect(shareCards.getVolumeShareCard(await volume('yangwang')).card).toMatchObject({
      kicker: '文集',
      title: '仰望',
      subtitle: '优秀教师事迹选',
      footer: '编委会 编 · 2024',
      monogram: '仰',
    });
    expect(shareCards.getSiteShareCard().card.monogram).toBe('仰');
    expect(sharePaths.story('a')).toBe('/share/stories/a.jpg');
  });

  it('draw from the original file, and refuse an image whose file is unknown', async () => {
    const { shareCards, story } = await load();
    const input = shareCards.toShareImageInput(await shareCards.getStoryShareCard(await story('a')));
    expect(statSync(input.pictureFile ?? '').isFile()).toBe(true);
    expect(() => getImageFile({ src: '/x.jpg', width: 1, height: 1, format: 'jpg' })).toThrow('找不到图片的原始文件：/x.jpg');
  });
});

describe('feeds', () => {
  it("list every published story newest first (the site's feed) with its modified date, cover file size and type", async () => {
    const { feeds, stories } = await load();
    const entries = (await stories.getStories()).map((s) => feeds.toFeedEntry(s, site));
    expect(entries.map((e) => [e.url, e.published, e.modified])).toEqual([
      ['https://yangwang.example/stories/b/', '2024-07-01', '2024-07-01'],
      ['https://yangwang.example/stories/a/', '2024-05-01', '2024-06-01'],
    ]);
    const cover = entries[0]?.cover;
    expect(cover?.type).toBe('image/jpeg');
    expect(cover?.length).toBe(statSync('tests/fixtures/images/sample.jpg').size);
    expect(cover?.url.startsWith('https://yangwang.example/')).toBe(true);
  });

  it("of a volume: its chapters in the book's order", async () => {
    const { routes, volume } = await load();
    const feed = await routes.volume.getVolumeFeedRoute(await volume('yangwang'));
    expect(feed.title).toBe('仰望');
    expect(feed.stories.map((s) => [s.id, s.data.title])).toEqual([
      ['b', '雪地里的路'],
      ['a', '山里的灯'],
    ]);
  });

  it("state the site feed's own facts", async () => {
    const { feeds } = await load();
    expect(feeds.getSiteFeedFacts(site, '/rss.xml')).toMatchObject({
      home: 'https://yangwang.example/',
      self: 'https://yangwang.example/rss.xml',
      icon: 'https://yangwang.example/favicon.ico',
    });
  });
});
