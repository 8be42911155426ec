/** Pure helpers behind the JSON-LD and the share images. */
import { describe, expect, it } from 'vitest';
import { fitTitle, getPanelWidth } from '../../src/render/share-card/layout-card.ts';
import { buildImageObject, getLicenceUrl, getWriterNames, serializeJsonLd } from '../../src/lib/structured-data.ts';

describe('getLicenceUrl', () => {
  it.each([
    ['CC BY-NC-ND 4.0', 'https://creativecommons.org/licenses/by-nc-nd/4.0/'],
    ['cc by 4.0', 'https://creativecommons.org/licenses/by/4.0/'],
    ['CC BY-SA 3.0', 'https://creativecommons.org/licenses/by-sa/3.0/'],
    ['CC0', 'https://creativecommons.org/publicdomain/zero/1.0/'],
  ])('%s → %s', (licence, url) => {
    expect(getLicenceUrl(licence)).toBe(url);
  });
  it.each(['版权所有', 'CC BY-XX 4.0', '', undefined])('has no URL for %s', (licence) => {
    expect(getLicenceUrl(licence)).toBeUndefined();
  });
});

describe('getWriterNames', () => {
  it('takes the Chinese name after an affiliation, splits several writers', () => {
    expect(getWriterNames('仰望编辑部 周南')).toEqual(['周南']);
    expect(getWriterNames('望川日报记者 韩雪、云岭县教育局 方晴')).toEqual(['韩雪', '方晴']);
    expect(getWriterNames('周南')).toEqual(['周南']);
    expect(getWriterNames('Anna Smith')).toEqual(['Anna Smith']);
  });
});

describe('buildImageObject', () => {
  const image = {
    url: 'https://x.org/a.jpg',
    width: 1600,
    height: 900,
    caption: '山里',
    credit: '周南 摄',
    termsUrl: 'https://x.org/s/#reprint',
  };
  it('links a Creative Commons licence and keeps the terms page for the rest', () => {
    expect(buildImageObject({ ...image, licence: 'CC BY-NC-ND 4.0' })).toMatchObject({
      creditText: '周南 摄',
      license: 'https://creativecommons.org/licenses/by-nc-nd/4.0/',
      acquireLicensePage: 'https://x.org/s/#reprint',
      copyrightNotice: '周南 摄（CC BY-NC-ND 4.0）',
    });
    expect(buildImageObject({ ...image, licence: '版权所有' })).toMatchObject({ license: 'https://x.org/s/#reprint' });
  });
});

describe('serializeJsonLd', () => {
  it('cannot end its script block early', () => {
    const json = serializeJsonLd({ headline: '</script><script>alert(1)</script>' });
    expect(json).not.toContain('</script');
    expect(JSON.parse(json)).toEqual({ headline: '</script><script>alert(1)</script>' });
  });
});

describe('share card layout', () => {
  it('sets short titles large on one line and long ones smaller, cutting only past three lines', () => {
    expect(fitTitle('山里的灯', 576)).toEqual({ size: 80, lines: 1, text: '山里的灯' });
    expect(fitTitle('没有门牌的工作室', 576).lines).toBe(1);
    const long = fitTitle('一个很长很长的标题：三十年如一日扎根山区教育的普通教师', 576);
    expect(long.lines).toBeLessThanOrEqual(3);
    expect(long.text).not.toContain('…');
    const tooLong = fitTitle('字'.repeat(80), 576);
    expect(tooLong).toMatchObject({ size: 44, lines: 3 });
    expect(tooLong.text.endsWith('…')).toBe(true);
  });

  it('counts and cuts a title by what a reader sees as one character, never inside one', () => {
    // 12 cells a line at the smallest size: 36 for three lines, so the cut keeps 35 and adds “…”.
    // 葛󠄀 (葛 with an ideographic variation selector, as some names are written) and 👩‍🏫 are one
    // character each on screen but two and three code points.
    const name = '葛\u{E0100}';
    const teacher = '👩\u200D🏫';
    expect(fitTitle(`${'字'.repeat(34)}${name}`, 576).text).toBe(`${'字'.repeat(34)}${name}`);
    expect(fitTitle(`${'字'.repeat(34)}${teacher}${'字'.repeat(10)}`, 576).text).toBe(`${'字'.repeat(34)}${teacher}…`);
    expect(fitTitle(`${'字'.repeat(34)}${name}${'字'.repeat(10)}`, 576).text).toBe(`${'字'.repeat(34)}${name}…`);
  });
  it('sizes the picture panel from the picture, within limits', () => {
    const base = { kicker: 'k', title: 't', site: { name: '仰望', tagline: 'x' } };
    expect(getPanelWidth({ ...base, picture: { width: 1600, height: 900 } })).toBe(480);
    expect(getPanelWidth({ ...base, picture: { width: 700, height: 1000 } })).toBe(441);
    expect(getPanelWidth({ ...base, picture: { width: 300, height: 1000 } })).toBe(400);
    expect(getPanelWidth({ ...base, monogram: '林' })).toBe(400);
    expect(getPanelWidth(base)).toBe(0);
  });
});
