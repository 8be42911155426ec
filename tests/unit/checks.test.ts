/** The pure checks behind `npm run check:content`, one rule at a time. */
import { describe, expect, it } from 'vitest';
import { findCrossEntryProblems, type EntryFacts } from '../../src/content-input/rules/cross-entries.ts';
import { findDraftLeftovers } from '../../src/content-input/rules/draft-leftovers.ts';
import { checkAltText, checkImageSize, IMAGE_LIMITS } from '../../src/content-input/rules/images.ts';
import { checkNamePinyin } from '../../src/content-input/rules/names.ts';
import { findPersonalData, isValidIdNumber } from '../../src/content-input/rules/personal-data.ts';
import { findQuoteProblems, lineOfFinding, type TextBlock } from '../../src/content-input/rules/quotes.ts';
import { getEditDistance, suggestClosest } from '../../src/content-input/rules/suggest.ts';
import { decodeUtf8 } from '../../src/content-input/entry/text-encoding.ts';
import { parseYamlSource } from '../../src/content-input/entry/yaml-source.ts';

const matches = (findings: { match: string }[]) => findings.map((f) => f.match);

describe('personal data', () => {
  it('knows a resident ID number by its check character and birth date', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false); // wrong check character
    expect(isValidIdNumber('110105194913310027')).toBe(false); // month 13
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
    expect(isValidIdNumber('110105 19491231 002X')).toBe(true);
  });

  it('finds ID numbers, mobile numbers, foreign e-mail addresses and flats', () => {
    const text =
      '身份证11010519491231002X，电话 +86 139-1234-5678 或13812345678，邮箱 Lin@QQ.com，编辑部 yangwang@example.org，住3栋2单元501室。';
    expect(matches(findPersonalData(text, ['YangWang@example.org']))).toEqual([
      '11010519491231002X',
      '+86 139-1234-5678',
      '13812345678',
      'Lin@QQ.com',
      '3栋2单元501室',
    ]);
  });

  it('leaves numbers that are not personal data alone', () => {
    const text =
      '印数 12000 册，订单号 2023091012345678901，110105194912310021，座机 0559-2345678，1996年，编号 213812345678，138****5678。';
    expect(findPersonalData(text)).toEqual([]);
  });

  it('never repeats the whole number in its message', () => {
    const [finding] = findPersonalData('13812345678');
    expect(finding?.message).toContain('138****5678');
    expect(finding?.message).not.toContain('13812345678');
  });
});

describe('draft leftovers', () => {
  it('finds placeholder places, dates and names, notes and broken characters', () => {
    const text = '20xx年x月，XX县××小学的XXX老师说TODO：待核实□。乱码�';
    expect(matches(findDraftLeftovers(text))).toEqual(['20xx年', 'x月', 'XX县', '××小学', 'XXX老师', 'TODO', '待核实', '□', '�']);
  });

  it('accepts 某, Chinese numerals, and Latin words that contain x', () => {
    expect(findDraftLeftovers('某市某校的某老师，二〇二三年，Linux、Xbox、box区、todos、Maxx。')).toEqual([]);
  });
});

describe('quotation marks', () => {
  const blocks = (...values: string[]): TextBlock[] => values.map((value, i) => ({ line: i * 2 + 1, field: '正文', value }));
  const messages = (bs: TextBlock[]) => findQuoteProblems(bs).map((f) => `${f.block.line}:${f.match}`);

  it('accepts pairs, nesting and apostrophes in Latin words', () => {
    expect(messages(blocks('她说：“孩子们说‘灯亮着’，我就在。”《仰望》里写着「慢慢来」。O’Brien’s book.'))).toEqual([]);
  });

  it('accepts a quotation over several paragraphs, each opening with “', () => {
    expect(messages(blocks('她说：“第一段。', '“第二段。', '“第三段。”'))).toEqual([]);
  });

  it('reports an open mark never closed, a closing mark never opened, crossed and wrong marks', () => {
    expect(messages(blocks('他说：“好。', '下一段没有引号。'))).toEqual(['1:“']);
    expect(messages(blocks('好。”他说。'))).toEqual(['1:”']);
    expect(messages(blocks('“‘好”’'))).toEqual(['1:”', '1:’']);
    expect(messages(blocks('“好〞'))).toEqual(['1:〞', '1:“']);
  });

  it('gives the line of a mark inside a block that spans lines', () => {
    const [finding] = findQuoteProblems([{ line: 10, field: '正文', value: '第一行\n第二行”' }]);
    expect(finding && lineOfFinding(finding.block, finding.index)).toBe(11);
  });
});

describe('images', () => {
  it('allows a phone photo and refuses what is over the documented limits', () => {
    expect(checkImageSize({ bytes: 3_500_000, width: 4032, height: 3024 })).toEqual([]);
    expect(checkImageSize({ bytes: IMAGE_LIMITS.maxBytes + 1, width: 100, height: 100 })).toHaveLength(1);
    expect(checkImageSize({ bytes: 100, width: 100, height: 8064 })).toHaveLength(1);
  });

  it('refuses alt text that does not describe the picture', () => {
    for (const alt of ['照片', '图片1', 'photo', 'IMG_2034.JPG', '封面']) expect(checkAltText(alt)).toBeDefined();
    expect(checkAltText('林老师在教室里给学生批改作业')).toBeUndefined();
  });
});

describe('a teacher’s pinyin', () => {
  it('accepts any reading of a polyphonic name, and family names read as family names', () => {
    for (const [name, written] of [
      ['唐浩瑛', 'Táng Hàoyīng'],
      ['曾晓', 'Zēng Xiǎo'],
      ['单田', 'Shàn Tián'],
      ['欧阳修', 'Ōuyáng Xiū'],
      ['吕薇', 'Lǚ Wēi'],
      ['乐乐', 'Yuè Yuè'],
      ['乐乐', 'Lè Lè'],
    ] as [string, string][]) {
      expect(checkNamePinyin(name, written), `${name} ${written}`).toBeUndefined();
    }
  });

  it('refuses another name’s pinyin, a wrong tone, no tones, and the wrong spacing or case', () => {
    expect(checkNamePinyin('唐浩瑛', 'Lín Qiūyún')).toContain('读音对不上：按姓名应是 Táng Hàoyīng');
    expect(checkNamePinyin('唐浩瑛', 'Táng Hàoyíng')).toContain('声调');
    expect(checkNamePinyin('唐浩瑛', 'Tang Haoying')).toBe('拼音要带声调，例如 Táng Hàoyīng');
    expect(checkNamePinyin('唐浩瑛', 'Táng Hào Yīng')).toContain('姓和名之间空一格');
    expect(checkNamePinyin('唐浩瑛', 'táng hàoyīng')).toContain('大写开头');
  });
});

describe('suggestions for mistyped ids', () => {
  it('offers the closest id when it is close', () => {
    expect(getEditDistance('lin-qiuyn', 'lin-qiuyun')).toBe(1);
    expect(suggestClosest('lin-qiuyn', ['tang-haoying', 'lin-qiuyun'])).toBe('lin-qiuyun');
    expect(suggestClosest('zhang-san', ['tang-haoying', 'lin-qiuyun'])).toBeUndefined();
  });
});

describe('text encoding', () => {
  const gbk = Uint8Array.from([0x2d, 0x2d, 0x2d, 0x0a, 0xc1, 0xd6, 0xc7, 0xef, 0xd4, 0xc6, 0x0a]); // "---\n林秋云\n" in GBK

  it('decodes UTF-8 and drops a byte-order mark', () => {
    expect(decodeUtf8(new TextEncoder().encode('林秋云'))).toEqual({ ok: true, text: '林秋云' });
    expect(decodeUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ ok: true, text: 'a' });
  });

  it('refuses GBK with the line of the first bad byte and says what it probably is', () => {
    const decoded = decodeUtf8(gbk);
    expect(decoded).toMatchObject({ ok: false, line: 2 });
    expect(decoded.ok ? '' : decoded.message).toContain('GBK');
  });
});

describe('YAML sources: text values and the field on a line', () => {
  const yaml = parseYamlSource(
    '# 注释\ntitle: 山里的灯\ncover:\n  alt: 窗\nthemes: [师德, 乡村教育]\nnote: |\n  第一行\n  第二行\ncount: 3\n',
    1,
  );

  it('lists every text value with its path and line', () => {
    expect(yaml.strings()).toEqual([
      { path: ['title'], line: 3, value: '山里的灯' },
      { path: ['cover', 'alt'], line: 5, value: '窗' },
      { path: ['themes', 0], line: 6, value: '师德' },
      { path: ['themes', 1], line: 6, value: '乡村教育' },
      { path: ['note'], line: 8, value: '第一行\n第二行\n' },
    ]);
  });

  it('names the field written on a line, and nothing for a comment', () => {
    expect([1, 2, 3, 4, 5, 9, 10].map((line) => yaml.fieldAt(line))).toEqual([
      undefined,
      undefined,
      'title',
      'cover',
      'cover.alt',
      'note',
      'count',
    ]);
  });

  it('reports one syntax error per line, not every error the parser trips over there', () => {
    const broken = parseYamlSource('awards:\n  - id: a\n   count: 3\n');
    expect(broken.errors.map((e) => e.line)).toEqual([3]);
  });
});

describe('checks across entries', () => {
  const entry = (collection: EntryFacts['collection'], id: string, data: unknown): EntryFacts => ({
    collection,
    id,
    file: `${collection}/${id}`,
    data,
    lineOf: () => 1,
  });

  it('does not blame a story for a teacher whose file could not be read', () => {
    const facts = [entry('stories', 's', { teachers: ['t'], sample: true }), entry('teachers', 't', undefined)];
    expect(findCrossEntryProblems(facts)).toEqual([]);
  });

  it('lets two teachers share a name at one school when their profiles differ', () => {
    const teacher = (id: string, bodyKey: string) => ({ ...entry('teachers', id, { name: '王海燕', school: 's' }), bodyKey });
    expect(findCrossEntryProblems([entry('schools', 's', {}), teacher('wang-haiyan', 'a'), teacher('wang-haiyan-2', 'b')])).toEqual([]);
    expect(
      findCrossEntryProblems([entry('schools', 's', {}), teacher('wang-haiyan', 'a'), teacher('wang-haiyan-2', 'a')]).map((p) => p.field),
    ).toEqual(['name']);
  });

  it('finds a chapter listed twice', () => {
    const facts = [entry('stories', 's', { title: 'a' }), entry('volumes', 'c', { chapters: ['s', 's'] })];
    expect(findCrossEntryProblems(facts).map((p) => p.field)).toEqual(['chapters.1']);
  });
});
