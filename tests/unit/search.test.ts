import TSCharacters from 'opencc-js/dict/TSCharacters';
import { describe, expect, it } from 'vitest';
import { decodeEntities, splitExcerpt } from '../../src/lib/search-excerpt.ts';
import {
  MAX_QUERY_LENGTH,
  dropStopWords,
  hasFilters,
  normaliseQuery,
  readSearchState,
  writeSearchState,
} from '../../src/lib/search-query.ts';
import { getSchoolNameTerms, getTeacherNameTerms } from '../../src/lib/search-terms.ts';
import { buildTraditionalTable, collectHanCharacters, distinctHanCharacters, toSimplified } from '../../src/lib/traditional.ts';

describe('name forms', () => {
  it('gives a teacher the forms readers type', () => {
    expect(getTeacherNameTerms('唐浩瑛', 'Táng Hàoyīng')).toEqual({
      name: '唐浩瑛',
      pinyin: 'tanghaoying',
      words: 'tang haoying',
      initials: 'thy',
    });
  });
  it('takes the editor’s pinyin over the dictionary for the name itself', () => {
    // 单 as a surname is Shàn; a dictionary reads it dān.
    expect(getTeacherNameTerms('单雨', 'Shàn Yǔ').pinyin).toBe('shanyu');
  });
  it('gives a school its short name, pinyin, id words and initials', () => {
    expect(getSchoolNameTerms('云岭县青岚小学', 'yunling-qinglan-xiaoxue', '云岭县')).toEqual({
      name: '云岭县青岚小学',
      alias: '青岚小学',
      pinyin: 'yunlingxianqinglanxiaoxue',
      words: 'yunling qinglan xiaoxue',
      initials: 'ylxqlxx',
    });
  });
  it('has no short name when the school name does not start with its district', () => {
    expect(getSchoolNameTerms('屯溪六中', 'tunxi-liuzhong', '屯溪区').alias).toBeUndefined();
    expect(getSchoolNameTerms('甘棠小学', 'gantang-xiaoxue').alias).toBeUndefined();
  });
});

describe('normaliseQuery', () => {
  it.each([
    ['  唐浩瑛  ', '唐浩瑛'],
    ['ＴＨＹ', 'thy'],
    ['师德标兵　学科带头人', '师德标兵 学科带头人'],
    ['“师德”', '师德'],
    ['<script>alert(1)</script>', 'script alert 1 script'],
    ['，。！？……', ''],
    ['', ''],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseQuery(raw)).toBe(expected);
  });
  it('cuts long queries', () => {
    expect(Array.from(normaliseQuery('教'.repeat(500)))).toHaveLength(MAX_QUERY_LENGTH);
  });
});

describe('dropStopWords', () => {
  it.each([
    ['山里的灯', '山里 灯'],
    ['在山里教书的老师', '山里教书 老师'],
    ['林秋云', '林秋云'],
    ['的确', '的确'],
    ['的', '的'],
    ['“师德标兵”', '师德标兵'],
  ])('%s → %s', (query, expected) => {
    expect(dropStopWords(query)).toBe(expected);
  });
});

describe('search state in the URL', () => {
  it('reads query, filters and sort, ignoring what it does not know', () => {
    const state = readSearchState('?q=%E5%94%90+&type=%E6%95%99%E5%B8%88&type=%E6%95%99%E5%B8%88&year=2023&sort=newest&evil=1');
    expect(state).toEqual({ q: '唐', truncated: false, filters: { type: ['教师'], year: ['2023'] }, sort: 'newest' });
    expect(hasFilters(state)).toBe(true);
  });
  it('falls back to relevance and marks long queries as cut', () => {
    const state = readSearchState(new URLSearchParams({ q: 'a'.repeat(500), sort: 'random' }));
    expect(state.sort).toBe('relevance');
    expect(state.truncated).toBe(true);
    expect(state.q).toHaveLength(MAX_QUERY_LENGTH);
  });
  it('writes a stable, shareable query string and reads it back', () => {
    const state = { q: '师德 标兵', truncated: false, filters: { year: ['2023'], type: ['故事', '教师'] }, sort: 'oldest' as const };
    const written = writeSearchState(state);
    expect(written).toBe('q=%E5%B8%88%E5%BE%B7+%E6%A0%87%E5%85%B5&type=%E6%95%85%E4%BA%8B&type=%E6%95%99%E5%B8%88&year=2023&sort=oldest');
    expect(readSearchState(written)).toEqual(state);
    expect(writeSearchState({ q: '', truncated: false, filters: {}, sort: 'relevance' })).toBe('');
  });
});

describe('excerpts', () => {
  it('keeps Pagefind’s marks as parts, never as markup', () => {
    expect(splitExcerpt('一盏<mark>灯</mark>亮着 &lt;b&gt;')).toEqual([
      { text: '一盏', marked: false },
      { text: '灯', marked: true },
      { text: '亮着 <b>', marked: false },
    ]);
  });
  it('drops any other tag and decodes references', () => {
    expect(splitExcerpt('<img src=x onerror=alert(1)>a&amp;b&#39;&#x4e2d;')).toEqual([{ text: "a&b'中", marked: false }]);
    expect(decodeEntities('&unknown; &#0;')).toBe('&unknown; &#0;');
  });
});

describe('traditional characters', () => {
  const corpus = collectHanCharacters('骨干教师，学科带头人 abc');
  const table = buildTraditionalTable(TSCharacters, corpus);
  it('reads a traditional query as simplified', () => {
    expect(toSimplified('骨幹教師', table)).toBe('骨干教师');
    expect(toSimplified('學科帶頭人 thy', table)).toBe('学科带头人 thy');
  });
  it('keeps only characters the site uses', () => {
    expect(table['師']).toBe('师');
    expect(table['語']).toBeUndefined();
    expect(collectHanCharacters('abc，。')).toEqual(new Set());
  });
  it('gives one page’s distinct characters, in code-point order, as the collector finds them', () => {
    // 𠀀 is outside the Basic Multilingual Plane (a surrogate pair); ㄅ and 。 are no Han characters.
    const text = '教师，教师们𠀀 ㄅ abc。学';
    expect(distinctHanCharacters(text)).toBe(
      [...collectHanCharacters(text)].sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0)).join(''),
    );
    expect(distinctHanCharacters(text)).toBe('们学师教𠀀');
  });
});
