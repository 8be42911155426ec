/**
 * A teacher's pinyin must be the pinyin of the name: a typo there (Hàoyíng for 浩瑛, or another
 * person's pinyin left in a copied file) would be shown under the name and used by search. Every
 * reading of each character counts (a name's characters are often polyphonic), so only pinyin no
 * reading of the name gives is refused. Pure.
 */
import { pinyin } from 'pinyin-pro';
import { formatNamePinyin, splitName, stripTones } from '../../lib/pinyin.ts';

/** A message when `written` is not a pinyin of `name`, else undefined. */
export function checkNamePinyin(name: string, written: string): string | undefined {
  const clean = name.trim();
  if (!/^\p{Script=Han}{2,}$/u.test(clean)) return undefined;
  const expected = formatNamePinyin(clean);
  const plain = stripTones(written).replace(/\s+/g, '');
  if (!readingsOf(clean).has(plain)) {
    return `拼音 “${written}” 和姓名 “${clean}” 的读音对不上：按姓名应是 ${expected}（多音字请按本人的读法写）`;
  }
  if (written.normalize('NFC') === stripTones(written) || !/[\u0300-\u036f]/.test(written.normalize('NFD'))) {
    return `拼音要带声调，例如 ${expected}`;
  }
  const toned = written.normalize('NFC').toLowerCase().replace(/\s+/g, '');
  if (!readingsOf(clean, true).has(toned)) {
    return `拼音 “${written}” 的声调和姓名 “${clean}” 对不上：按姓名应是 ${expected}（多音字请按本人的读法写）`;
  }
  const [family] = splitName(clean);
  const words = written.trim().split(/\s+/);
  const familyWord = stripTones(words[0] ?? '');
  if (words.length !== 2 || !readingsOf(family).has(familyWord)) {
    return `拼音的写法应是姓在前、名在后，姓和名之间空一格，名字连写，例如 ${expected}`;
  }
  if (!words.every((w) => /^\p{Lu}/u.test(w.normalize('NFC')))) {
    return `姓和名的拼音都要大写开头，例如 ${expected}`;
  }
  return undefined;
}

/** Every way the characters can be read, joined: without tones (ü as v), or with tone marks. */
function readingsOf(text: string, withTones = false): Set<string> {
  let combos = [''];
  const toneType = withTones ? 'symbol' : 'none';
  const surname = pinyin(text, { toneType, type: 'array', surname: 'head' });
  const normal = (r: string) => (withTones ? r.normalize('NFC').toLowerCase() : stripTones(r));
  // Code points on purpose: pinyin-pro's array has one reading per code point, and `surname[i]` must line up.
  // eslint-disable-next-line @typescript-eslint/no-misused-spread
  [...text].forEach((char, i) => {
    const readings = new Set([...pinyin(char, { toneType, type: 'array', multiple: true }), surname[i] ?? ''].map(normal));
    combos = combos.flatMap((c) => [...readings].filter(Boolean).map((r) => c + r));
  });
  return new Set(combos);
}
