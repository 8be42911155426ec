/**
 * Personal data that must never be published: resident ID numbers, mobile numbers, e-mail
 * addresses other than the site's own, and home addresses down to the flat. Pure: text in,
 * findings out.
 */
import { isRealIsoDate } from '../../lib/dates.ts';

/** Something found in a piece of text, at a character offset. */
export interface TextFinding {
  /** Offset of the match in the text. */
  index: number;
  /** The text matched. */
  match: string;
  /** What is wrong and how to fix it, in Chinese. */
  message: string;
}

/** Weights of the first 17 digits of a resident ID number (GB 11643-1999). */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/**
 * True for an 18-character resident ID number whose check character is right and whose birth
 * date exists. A number with a wrong check digit is a typo or made up, not a person.
 */
export function isValidIdNumber(value: string): boolean {
  const id = value.replace(/[ -]/g, '').toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  if (ID_CHECK[sum % 11] !== id[17]) return false;
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  return isRealIsoDate(birth) && Number(id.slice(6, 10)) >= 1900;
}

// Digits may be grouped 6-8-4 with a space or hyphen, as people often write them.
const ID_NUMBER = /(?<![0-9A-Za-z])\d{6}[ -]?\d{8}[ -]?\d{3}[\dXx](?![0-9A-Za-z])/g;
// Mainland mobile numbers: 1[3-9]x xxxx xxxx, optionally +86, grouped 3-4-4.
const MOBILE = /(?<![0-9A-Za-z])(?:(?:\+|00)86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?![0-9A-Za-z])/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// A flat: 3栋2单元501室, 5号楼1单元302, 2单元501室.
const FLAT = /\d+(?:栋|幢|号楼)\d+单元\d+(?:室|号)?|\d+单元\d+室/g;

/** Every piece of personal data in `text`. `allowedEmails` are the site's own addresses. */
export function findPersonalData(text: string, allowedEmails: readonly string[] = []): TextFinding[] {
  const findings: TextFinding[] = [];
  const allowed = new Set(allowedEmails.map((e) => e.toLowerCase()));
  for (const m of text.matchAll(ID_NUMBER)) {
    if (isValidIdNumber(m[0])) {
      findings.push({ index: m.index, match: m[0], message: `疑似身份证号 ${mask(m[0])}：不能公开个人身份证号，请删除` });
    }
  }
  for (const m of text.matchAll(MOBILE)) {
    findings.push({
      index: m.index,
      match: m[0],
      message: `疑似手机号 ${mask(m[0])}：不能公开个人手机号，请删除；需要联系方式时写单位电话或编辑部邮箱`,
    });
  }
  for (const m of text.matchAll(EMAIL)) {
    if (allowed.has(m[0].toLowerCase())) continue;
    const hint = allowedEmails.length ? `；需要联系方式时写编辑部邮箱 ${allowedEmails.join('、')}` : '';
    findings.push({ index: m.index, match: m[0], message: `电子邮箱 ${m[0]} 不是本站公开的邮箱：不能公开个人邮箱，请删除${hint}` });
  }
  for (const m of text.matchAll(FLAT)) {
    findings.push({ index: m.index, match: m[0], message: `疑似家庭住址（${m[0]}）：不能公开具体到门牌的住址，写到村、社区或学校即可` });
  }
  return findings.sort((a, b) => a.index - b.index);
}

/** Shows the start and end of a number only, so the report does not repeat the data in full. */
function mask(value: string): string {
  const digits = value.replace(/[ -]/g, '');
  return `${digits.slice(0, 3)}${'*'.repeat(Math.max(digits.length - 7, 0))}${digits.slice(-4)}`;
}
