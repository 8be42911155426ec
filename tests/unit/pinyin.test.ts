import { describe, expect, it } from 'vitest';
import { formatNamePinyin, getPinyinForms, splitName, stripTones, suggestSlug } from '../../src/lib/pinyin.ts';

describe('pinyin', () => {
  it('suggests the slugs of the seed teachers, family name first', () => {
    expect(suggestSlug('唐浩瑛', { personalName: true })).toBe('tang-haoying');
    expect(suggestSlug('程嗣武', { personalName: true })).toBe('cheng-siwu');
    expect(suggestSlug('熊薇', { personalName: true })).toBe('xiong-wei');
  });
  it('reads family names by their surname reading', () => {
    expect(suggestSlug('曾晓', { personalName: true })).toBe('zeng-xiao');
    expect(suggestSlug('单田', { personalName: true })).toBe('shan-tian');
  });
  it('joins the syllables of a title with hyphens', () => {
    expect(suggestSlug('山里的灯')).toBe('shan-li-de-deng');
  });
  it('gives the forms readers type', () => {
    expect(getPinyinForms('唐浩瑛', 'Táng Hàoyīng')).toEqual({ full: 'tanghaoying', spaced: 'tang haoying', initials: 'thy' });
    expect(stripTones('Lǚ Wēi')).toBe('lv wei');
  });
  it('reads two-character family names together', () => {
    expect(splitName('欧阳修')).toEqual(['欧阳', '修']);
    expect(splitName('司马光')).toEqual(['司马', '光']);
    expect(splitName('唐浩瑛')).toEqual(['唐', '浩瑛']);
    expect(suggestSlug('欧阳修', { personalName: true })).toBe('ouyang-xiu');
  });
  it('writes a name in pinyin with tone marks, family name first, as profiles do', () => {
    expect(formatNamePinyin('唐浩瑛')).toBe('Táng Hàoyīng');
    expect(formatNamePinyin('程嗣武')).toBe('Chéng Sìwǔ');
    expect(formatNamePinyin('熊薇')).toBe('Xióng Wēi');
    expect(formatNamePinyin('林秋云')).toBe('Lín Qiūyún');
    expect(formatNamePinyin('欧阳修')).toBe('Ōuyáng Xiū');
    expect(formatNamePinyin('曾晓')).toBe('Zēng Xiǎo');
  });
  it('cuts a long title to its first syllables and drops punctuation', () => {
    expect(suggestSlug('一间屋子，三个年级：记云岭县青岚小学教师林秋云', { maxSyllables: 6 })).toBe('yi-jian-wu-zi-san-ge');
  });
});
