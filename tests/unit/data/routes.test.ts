/**
 * Route data (src/data/routes/) over a mocked `astro:content`: what each page shows, joined from
 * the collections, and which pages exist. The cache keys are tested in tests/unit/route-data.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  honourEntry,
  loadDataLayer,
  loadDataLayerWithLookups,
  schoolEntry,
  storeOf,
  storyEntry,
  teacherEntry,
  volumeEntry,
  honour,
} from '../../helpers/content-store.ts';

/** 20 stories: 9 a page makes 3 pages; s01 is the newest. */
const manyStories = () =>
  Array.from({ length: 20 }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    return storyEntry(`s${n}`, {
      title: `故事${n}`,
      teachers: [i % 2 ? 'chen' : 'lin'],
      published: `2024-01-${String(31 - i).padStart(2, '0')}`,
      themes: [i % 2 ? '职业教育' : '乡村教育'],
    });
  });

const store = () =>
  storeOf({
    schools: [schoolEntry('shan-xiao', { name: '山村小学' }), schoolEntry('zhi-xiao', { name: '职业学校' })],
    teachers: [
      teacherEntry('lin', {
        name: '林秋云',
        pinyin: 'Lín Qiūyún',
        school: 'shan-xiao',
        honours: [honour(2023, '师德标兵'), honour(2019, '骨干教师')],
      }),
      teacherEntry('chen', { name: '陈立', pinyin: 'Chén Lì', school: 'shan-xiao' }),
      teacherEntry('wang', { name: '王芳', pinyin: 'Wáng Fāng', school: 'zhi-xiao' }),
    ],
    stories: [
      ...manyStories(),
      storyEntry('both', { title: '两位老师', teachers: ['lin', 'chen'], published: '2023-06-01' }),
      storyEntry('draft', { teachers: ['lin'], published: '2025-01-01', draft: true }),
    ],
    volumes: [volumeEntry('yangwang', { title: '仰望', chapters: ['s03', 'both', 's01'] })],
    honours: [
      honourEntry('2023', {
        awards: [
          {
            id: 'shi-de',
            title: '师德标兵',
            level: '市级',
            awardedBy: '市教育体育局',
            count: 3,
            recipients: [{ teacher: 'lin' }, { name: '赵老师', school: 'zhi-xiao' }, { name: '钱老师' }],
          },
        ],
      }),
      honourEntry('2020'),
    ],
  });

const load = () => loadDataLayerWithLookups(store());

const ids = (cards: readonly { id: string }[]) => cards.map((c) => c.id);

describe('the stories index', () => {
  it('is split into pages of 9, newest first, drafts left out; pages 2… have paths, a page past the end is empty', async () => {
    const { routes } = await load();
    const first = await routes.storyList.getStoryListRoute(1);
    expect(first.total).toBe(3);
    expect(ids(first.stories)).toEqual(['s01', 's02', 's03', 's04', 's05', 's06', 's07', 's08', 's09']);
    const paths = await routes.storyList.getStoryListPaths();
    expect(paths.map((p) => p.params.page)).toEqual(['2', '3']);
    expect(paths.map((p) => ids(p.props.route.stories))).toEqual([
      ['s10', 's11', 's12', 's13', 's14', 's15', 's16', 's17', 's18'],
      ['s19', 's20', 'both'],
    ]);
    expect(paths[1]?.props.route).toMatchObject({ current: 3, total: 3 });
    expect((await routes.storyList.getStoryListRoute(4)).stories).toEqual([]);
  });

  it('has one page, empty, when there is no story', async () => {
    const data = await loadDataLayer(storeOf({ stories: [storyEntry('draft', { draft: true })] }));
    expect(await data.routes.storyList.getStoryListRoute(1)).toEqual({ current: 1, total: 1, stories: [] });
    expect(await data.routes.storyList.getStoryListPaths()).toEqual([]);
  });
});

describe("a story's page", () => {
  it('names its teachers with their schools, its places in volumes, related stories, reading time', async () => {
    const { routes, story } = await load();
    const route = await routes.story.getStoryRoute(await story('both'));
    expect(route.teachers).toEqual([
      { id: 'lin', name: '林秋云', school: { id: 'shan-xiao', name: '山村小学' } },
      { id: 'chen', name: '陈立', school: { id: 'shan-xiao', name: '山村小学' } },
    ]);
    expect(route.places).toEqual([
      {
        volume: { id: 'yangwang', title: '仰望' },
        number: 2,
        previous: { id: 's03', title: '故事03' },
        next: { id: 's01', title: '故事01' },
      },
    ]);
    expect(ids(route.related)).toEqual(['s01', 's02', 's03']);
    expect(route.body).toEqual({ html: '<p>两位老师的正文</p>' });
    expect(route.readingMinutes).toBeGreaterThan(0);
  });

  it('exists for every published story and no draft', async () => {
    const { routes } = await load();
    const slugs = (await routes.story.getStoryPaths()).map((p) => p.params.slug);
    expect(slugs).toHaveLength(21);
    expect(slugs).not.toContain('draft');
  });
});

describe("a teacher's profile", () => {
  it('lists their stories newest first (no drafts), their school, and the years of their honours that have a roll', async () => {
    const { routes, teacher } = await load();
    const route = await routes.teacher.getTeacherRoute(await teacher('lin'));
    expect(route.school).toEqual({ id: 'shan-xiao', name: '山村小学' });
    expect(route.rollYears).toEqual([2023]);
    expect(ids(route.stories)).toEqual(['s01', 's03', 's05', 's07', 's09', 's11', 's13', 's15', 's17', 's19', 'both']);
    expect(route.stories.at(-1)?.teachers).toEqual(['林秋云', '陈立']);
  });

  it('names no school when its school is unknown', async () => {
    const data = await loadDataLayer(storeOf({ teachers: [teacherEntry('lin', { school: 'gone' })] }));
    const lin = await data.teachers.getTeacher('lin');
    if (!lin) throw new Error('missing');
    expect((await data.routes.teacher.getTeacherRoute(lin)).school).toBeUndefined();
  });
});

describe("a school's page", () => {
  it('shows its teachers by pinyin and their stories newest first, a story about two of them once', async () => {
    const { routes, school } = await load();
    const route = await routes.school.getSchoolRoute(await school('shan-xiao'));
    expect(ids(route.teachers)).toEqual(['chen', 'lin']);
    expect(route.teachers[1]).toMatchObject({ name: '林秋云', school: '山村小学', honours: ['2023 师德标兵', '2019 骨干教师'] });
    expect(ids(route.stories)).toHaveLength(21);
    expect(ids(route.stories).slice(0, 3)).toEqual(['s01', 's02', 's03']);
    expect(ids(route.stories).at(-1)).toBe('both');
    expect((await routes.school.getSchoolRoute(await school('zhi-xiao'))).stories).toEqual([]);
  });
});

describe("a year's honour roll", () => {
  it('names each recipient: a teacher with their school, a name with the school page when it has one', async () => {
    const { routes, roll } = await load();
    const route = await routes.honourYear.getHonourYearRoute(await roll('2023'));
    expect(route).toMatchObject({ id: '2023', year: 2023, title: '2023 年表彰' });
    expect(route.awards[0]?.recipients).toEqual([
      { teacher: { id: 'lin', name: '林秋云', school: '山村小学' } },
      { name: '赵老师', school: { id: 'zhi-xiao', name: '职业学校' } },
      { name: '钱老师', school: undefined },
    ]);
    expect((await routes.honourYear.getHonourYearPaths()).map((p) => p.params.year)).toEqual(['2023', '2020']);
  });
});

describe("a volume's pages", () => {
  it("list the chapters in the book's order with their teachers, and print each whole", async () => {
    const { routes, volume } = await load();
    const yangwang = await volume('yangwang');
    const route = await routes.volume.getVolumeRoute(yangwang);
    expect(route.chapters.map((c) => [c.number, c.id, c.teachers.join('、')])).toEqual([
      [1, 's03', '林秋云'],
      [2, 'both', '林秋云、陈立'],
      [3, 's01', '林秋云'],
    ]);
    const print = await routes.volume.getVolumePrintRoute(yangwang);
    expect(print.chapters.map((c) => [c.id, c.published, c.body])).toEqual([
      ['s03', '2024-01-29', { html: '<p>故事03的正文</p>' }],
      ['both', '2023-06-01', { html: '<p>两位老师的正文</p>' }],
      ['s01', '2024-01-31', { html: '<p>故事01的正文</p>' }],
    ]);
    for (const paths of [routes.volume.getVolumePaths, routes.volume.getVolumePrintPaths, routes.volume.getVolumeFeedPaths]) {
      expect((await paths()).map((p) => p.params.slug)).toEqual(['yangwang']);
    }
  });
});

describe('share images', () => {
  it('exist for every published story, every teacher and every volume', async () => {
    const { routes } = await load();
    expect((await routes.shareCard.getStoryShareCardPaths()).map((p) => p.params.slug)).toHaveLength(21);
    expect((await routes.shareCard.getStoryShareCardPaths()).map((p) => p.params.slug)).not.toContain('draft');
    expect((await routes.shareCard.getTeacherShareCardPaths()).map((p) => p.params.slug)).toEqual(['chen', 'lin', 'wang']);
    expect((await routes.shareCard.getVolumeShareCardPaths()).map((p) => p.params.slug)).toEqual(['yangwang']);
  });
});
