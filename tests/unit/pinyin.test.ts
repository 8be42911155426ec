import { describe, expect, it } from 'vitest';
import { getPinyinForms, stripTones, suggestSlug } from '../../src/lib/pinyin.ts';

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
});
