/** src/data/teachers.ts, schools.ts and honours.ts over a mocked `astro:content`: order, lookups, groups. */
import { describe, expect, it } from 'vitest';
import { honourEntry, ids, loadDataLayer, schoolEntry, storeOf, teacherEntry, honour } from '../../helpers/content-store.ts';

const store = () =>
  storeOf({
    schools: [schoolEntry('shan-xiao', { name: '山村小学' }), schoolEntry('zhi-xiao', { name: '职业学校' })],
    teachers: [
      teacherEntry('zhang', { name: '张明', pinyin: 'Zhāng Míng', school: 'zhi-xiao', honours: [honour(2021, '师德标兵')] }),
      teacherEntry('chen-b', { name: '陈立', pinyin: 'Chén Lì', school: 'shan-xiao' }),
      teacherEntry('chen-a', {
        name: '陈立',
        pinyin: 'Chén Lì',
        school: 'zhi-xiao',
        honours: [honour(2020, '骨干教师'), honour(2023, '骨干教师')],
      }),
      teacherEntry('an', {
        name: '安然',
        pinyin: 'Ān Rán',
        school: 'shan-xiao',
        honours: [honour(2022, '优秀教师'), honour(2023, '师德标兵'), honour(2023, '骨干教师')],
      }),
    ],
  });

describe('teachers', () => {
  it('are sorted by the pinyin of the name, one name shared in id order, whatever order the store gives', async () => {
    for (const reversed of [false, true]) {
      const { teachers } = await loadDataLayer(store(), { reversed });
      expect(ids(await teachers.getTeachers())).toEqual(['an', 'chen-a', 'chen-b', 'zhang']);
    }
  });

  it('are found by id, by school (by pinyin) and for a story (in the story’s order, unknown ids left out)', async () => {
    const { teachers } = await loadDataLayer(store(), { reversed: true });
    expect((await teachers.getTeacher('zhang'))?.data.name).toBe('张明');
    expect(await teachers.getTeacher('nobody')).toBeUndefined();
    expect(ids(await teachers.getTeachersBySchool('shan-xiao'))).toEqual(['an', 'chen-b']);
    expect(ids(await teachers.getTeachersBySchool('zhi-xiao'))).toEqual(['chen-a', 'zhang']);
    expect(await teachers.getTeachersBySchool('nowhere')).toEqual([]);
    const story = { data: { teachers: [{ id: 'zhang' }, { id: 'gone' }, { id: 'an' }] } };
    expect(ids(await teachers.getStoryTeachers(story))).toEqual(['zhang', 'an']);
  });

  it("list a teacher's honours newest first, one year's by title", async () => {
    const { teachers } = await loadDataLayer(store());
    const an = await teachers.getTeacher('an');
    if (!an) throw new Error('no teacher an');
    expect(teachers.getSortedHonours(an).map((h) => `${h.year} ${h.title}`)).toEqual(['2023 师德标兵', '2023 骨干教师', '2022 优秀教师']);
  });

  it('are grouped by honour title (each teacher once per title, however often held), groups by the pinyin of the title', async () => {
    const { teachers } = await loadDataLayer(store(), { reversed: true });
    const groups = (await teachers.getTeachersByHonour()).map((g) => [g.title, ids(g.teachers)]);
    expect(groups).toEqual([
      ['骨干教师', ['an', 'chen-a']],
      ['师德标兵', ['an', 'zhang']],
      ['优秀教师', ['an']],
    ]);
  });
});

describe('schools', () => {
  it('are sorted by the pinyin of the name and found by id', async () => {
    const { schools } = await loadDataLayer(store(), { reversed: true });
    expect(ids(await schools.getSchools())).toEqual(['shan-xiao', 'zhi-xiao']);
    expect((await schools.getSchool('zhi-xiao'))?.data.name).toBe('职业学校');
    expect(await schools.getSchool('nowhere')).toBeUndefined();
    expect([...(await schools.getSchoolMap()).keys()]).toEqual(['shan-xiao', 'zhi-xiao']);
  });

  it('whose names read alike in pinyin come in id order whatever order the store gives', async () => {
    // 明德 and 铭德 are both míng dé: the sort key ties.
    const alike = () =>
      storeOf({
        schools: [
          schoolEntry('ming-de-b', { name: '铭德小学' }),
          schoolEntry('ming-de-a', { name: '明德小学' }),
          schoolEntry('an-ning', { name: '安宁小学' }),
        ],
      });
    for (const reversed of [false, true]) {
      const { schools } = await loadDataLayer(alike(), { reversed });
      expect(ids(await schools.getSchools())).toEqual(['an-ning', 'ming-de-a', 'ming-de-b']);
    }
  });
});

describe('honour rolls', () => {
  it('are listed newest year first and found by their id', async () => {
    for (const reversed of [false, true]) {
      const { honours } = await loadDataLayer(storeOf({ honours: [honourEntry('2022'), honourEntry('2024'), honourEntry('2023')] }), {
        reversed,
      });
      expect(ids(await honours.getHonourYears())).toEqual(['2024', '2023', '2022']);
      expect((await honours.getHonourYear('2023'))?.data.year).toBe(2023);
      expect(await honours.getHonourYear('2019')).toBeUndefined();
    }
  });

  it('of one year (two files) come in id order whatever order the store gives', async () => {
    for (const reversed of [false, true]) {
      const { honours } = await loadDataLayer(
        storeOf({ honours: [honourEntry('2023-b', { year: 2023 }), honourEntry('2023-a', { year: 2023 }), honourEntry('2024')] }),
        { reversed },
      );
      expect(ids(await honours.getHonourYears())).toEqual(['2024', '2023-a', '2023-b']);
    }
  });
});
