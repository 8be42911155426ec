/** src/data/search.ts over a mocked `astro:content`: what the search index knows of each page, joined from the collections. */
import { describe, expect, it } from 'vitest';
import {
  honourEntry,
  loadDataLayerWithLookups,
  schoolEntry,
  storeOf,
  storyEntry,
  teacherEntry,
  volumeEntry,
  honour,
} from '../../helpers/content-store.ts';

const store = () =>
  storeOf({
    schools: [
      schoolEntry('shan-xiao', { name: '山村小学', district: '云岭县', stages: ['小学'] }),
      schoolEntry('zhi-xiao', { name: '职业学校', district: '望川区', stages: ['中职', '高中'] }),
      schoolEntry('empty', { name: '新学校' }),
    ],
    teachers: [
      teacherEntry('lin', {
        name: '林秋云',
        pinyin: 'Lín Qiūyún',
        school: 'shan-xiao',
        subject: '语文',
        stage: '小学',
        honours: [honour(2023, '师德标兵'), honour(2021, '骨干教师')],
      }),
      teacherEntry('chen', { name: '陈立', pinyin: 'Chén Lì', school: 'zhi-xiao', subject: '机械', stage: '中职' }),
      teacherEntry('old', { name: '王芳', pinyin: 'Wáng Fāng', school: 'zhi-xiao', honours: [honour(2019, '优秀教师')] }),
    ],
    stories: [
      storyEntry('a', {
        title: '山里的灯',
        teachers: ['lin', 'chen'],
        writer: '周南',
        themes: ['乡村教育', '职业教育'],
        published: '2024-05-01',
      }),
      storyEntry('b', { title: '雪地里的路', teachers: ['lin'], published: '2022-04-01' }),
      storyEntry('late-draft', { teachers: ['lin', 'chen'], published: '2026-01-01', draft: true }),
    ],
    volumes: [volumeEntry('yangwang', { title: '仰望', year: 2024, chapters: ['b', 'a'] })],
    honours: [
      honourEntry('2023', {
        awards: [
          { id: 'shi-de', title: '师德标兵', level: '市级', awardedBy: '市教育体育局', count: 2, date: '2023-09-10' },
          { id: 'gu-gan', title: '骨干教师', level: '市级', awardedBy: '市教育体育局', count: 1, date: '2023-12-01' },
          { id: 'shi-de-2', title: '师德标兵', level: '县区级', awardedBy: '县教育局', count: 1 },
        ],
      }),
      honourEntry('2020'),
    ],
  });

const load = () => loadDataLayerWithLookups(store());

describe('search facets', () => {
  it("of a story: its teachers' schools, districts, stages, subjects and honours, its year; names and themes searched", async () => {
    const { search, story } = await load();
    expect(await search.getStorySearchFacets(await story('a'))).toMatchObject({
      filters: {
        type: ['故事'],
        school: ['山村小学', '职业学校'],
        district: ['云岭县', '望川区'],
        stage: ['小学', '中职'],
        subject: ['语文', '机械'],
        honour: ['师德标兵', '骨干教师'],
        year: ['2024'],
      },
      meta: { title: '山里的灯', teacher: '林秋云、陈立', school: '山村小学、职业学校', date: '2024-05-01' },
      date: '2024-05-01',
      about: {
        people: ['林秋云', '陈立'],
        writer: '周南',
        facts: ['山村小学', '职业学校', '云岭县', '望川区'],
        themes: ['乡村教育', '职业教育'],
      },
    });
  });

  it('of a teacher: dated by the newest published story or honour (never a draft), name forms for search', async () => {
    const { search, teacher } = await load();
    const lin = await search.getTeacherSearchFacets(await teacher('lin'));
    expect(lin).toMatchObject({
      filters: { type: ['教师'], school: ['山村小学'], honour: ['师德标兵', '骨干教师'], year: ['2023', '2021'] },
      meta: { title: '林秋云', school: '山村小学' },
      date: '2024-05-01',
    });
    expect(lin.names).toBeDefined();
    // No story: the newest honour's year; nothing at all: no date.
    expect((await search.getTeacherSearchFacets(await teacher('old'))).date).toBe('2019');
    const chen = await search.getTeacherSearchFacets(await teacher('chen'));
    expect(chen.date).toBe('2024-05-01');
    expect(chen.filters.year).toEqual([]);
  });

  it("of a school: its district and stages, dated by its teachers' newest date; a school without teachers has no date", async () => {
    const { search, school } = await load();
    expect(await search.getSchoolSearchFacets(await school('zhi-xiao'))).toMatchObject({
      filters: { type: ['学校'], school: ['职业学校'], district: ['望川区'], stage: ['中职', '高中'] },
      meta: { title: '职业学校' },
      about: { facts: ['望川区', '中职', '高中'] },
      date: '2024-05-01',
    });
    const empty = await search.getSchoolSearchFacets(await school('empty'));
    expect(empty.date).toBeUndefined();
    expect(empty.filters.district).toEqual([]);
  });

  it("of a year's roll: each title once, dated by its newest award date, or by the year when none is dated", async () => {
    const { search, roll } = await load();
    expect(search.getHonourYearSearchFacets(await roll('2023'), '2023 年表彰')).toEqual({
      filters: { type: ['荣誉'], honour: ['师德标兵', '骨干教师'], year: ['2023'] },
      meta: { title: '2023 年表彰' },
      about: { facts: ['师德标兵', '骨干教师'] },
      date: '2023-12-01',
    });
    expect(search.getHonourYearSearchFacets(await roll('2020'), '2020 年表彰').date).toBe('2020');
  });

  it("of a volume: its chapters' titles in the book's order and their teachers, each once", async () => {
    const { search, volume } = await load();
    expect(await search.getVolumeSearchFacets(await volume('yangwang'))).toMatchObject({
      filters: { type: ['文集'], year: ['2024'] },
      meta: { title: '《仰望》' },
      about: { people: ['林秋云', '陈立'], titles: ['雪地里的路', '山里的灯'] },
      date: '2024',
    });
  });

  it('of a prose page: its type and title only', async () => {
    const { search } = await load();
    expect(search.getPageSearchFacets('关于本站')).toEqual({ filters: { type: ['关于'] }, meta: { title: '关于本站' } });
  });
});
