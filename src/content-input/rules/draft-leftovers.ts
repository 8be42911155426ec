/**
 * Text left over from drafts: placeholder places and dates (xx市, 20xx年), placeholder names
 * (XXX, ×××), notes to self (TODO, 待核实), and the marks scanned or badly converted text leaves
 * behind (□ for a missing character, � for a broken encoding). Pure: text in, findings out.
 */
import type { TextFinding } from './personal-data.ts';

interface Rule {
  pattern: RegExp;
  message: (match: string) => string;
}

// x, X, × and the full-width Ｘ all stand for "fill in later"; 某 is proper Chinese and allowed.
const X = '[xX×Ｘｘ]';

const RULES: Rule[] = [
  {
    pattern: new RegExp(
      `(?<![A-Za-z0-9])(?:(?:19|20)${X}{2}|20\\d${X}|${X}{2,4})年|(?<![A-Za-z])${X}{1,2}月(?:${X}{1,2}日)?|(?<![A-Za-z月])${X}{1,2}日`,
      'g',
    ),
    message: (m) => `草稿占位日期 “${m}”：请写出确切的年月日；不知道时删去，或写“多年前”“那年秋天”`,
  },
  {
    pattern: new RegExp(`(?<![A-Za-z])${X}{1,3}(?:[省市区县州镇乡村街路校班]|小学|中学|大学|学校|学院|年级|老师|同学|同志)`, 'g'),
    message: (m) => `草稿占位 “${m}”：请写出真实名称；需要隐去时写“某”，例如“某市”“某校”`,
  },
  {
    pattern: new RegExp(`(?<![A-Za-z])${X}{3,}(?![A-Za-z])`, 'g'),
    message: (m) => `草稿占位 “${m}”：请写出真实内容；需要隐去姓名时写“某老师”“一位家长”`,
  },
  {
    pattern: /(?<![A-Za-z])(?:TODO|FIXME|TBD)(?![A-Za-z])/gi,
    message: (m) => `草稿里的待办标记 “${m}”：完成后请删除`,
  },
  {
    pattern: /待补充|待核实|待核对|待确认|【待[^】]{0,20}】/g,
    message: (m) => `草稿里的编辑批注 “${m}”：核实或补充后请删除`,
  },
  {
    pattern: /□+/g,
    message: (m) => `缺字符号 “${m}”：原稿这里有缺字，请查对原文补全`,
  },
  {
    pattern: /\uFFFD+/g,
    message: () => '乱码字符 “�”：复制或转换文字时编码出错，请从原稿重新复制这一段',
  },
];

/** Every draft leftover in `text`. */
export function findDraftLeftovers(text: string): TextFinding[] {
  const findings: TextFinding[] = [];
  for (const rule of RULES) {
    for (const m of text.matchAll(rule.pattern)) {
      // A placeholder date and a placeholder place can overlap (xx年xx月): report the first only.
      if (findings.some((f) => m.index < f.index + f.match.length && f.index < m.index + m[0].length)) continue;
      findings.push({ index: m.index, match: m[0], message: rule.message(m[0]) });
    }
  }
  return findings.sort((a, b) => a.index - b.index);
}
