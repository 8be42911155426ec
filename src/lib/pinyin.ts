/** Pinyin forms of names, for search and sorting. */
import { pinyin } from 'pinyin-pro';

/** `Táng Hàoyīng` → `tang haoying` (tone marks removed, lowercase). */
export function stripTones(value: string): string {
  return value
    .normalize('NFC')
    .replace(/[üǖǘǚǜÜǕǗǙǛ]/g, 'v')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** The forms a reader may type for a name: `tanghaoying`, `tang haoying`, `thy`. */
export function getPinyinForms(name: string, tonedPinyin: string): { full: string; spaced: string; initials: string } {
  const spaced = stripTones(tonedPinyin).trim();
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase();
  return { full: spaced.replace(/\s+/g, ''), spaced, initials };
}

/** Two-character family names, read together (欧阳修 is Ōuyáng Xiū, not Ōu Yángxiū). */
// prettier-ignore
const COMPOUND_SURNAMES = ['欧阳', '上官', '司马', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕', '令狐', '钟离', '闻人', '独孤', '南宫', '西门', '呼延', '端木', '澹台', '申屠', '太史', '万俟'];

/** The family and given name of a Chinese name: 唐浩瑛 → [唐, 浩瑛], 欧阳修 → [欧阳, 修]. */
export function splitName(name: string): [family: string, given: string] {
  const clean = name.trim();
  const length = COMPOUND_SURNAMES.some((s) => clean.startsWith(s)) && clean.length > 2 ? 2 : 1;
  return [clean.slice(0, length), clean.slice(length)];
}

/** Syllables of a name, the family name read as a family name (曾 zēng, 单 shàn). */
function nameSyllables(name: string, toneType: 'none' | 'symbol'): string[] {
  return pinyin(name.trim(), { toneType, type: 'array', surname: 'head' });
}

/** A name in Hanyu Pinyin as profiles write it: 唐浩瑛 → `Táng Hàoyīng`, 欧阳修 → `Ōuyáng Xiū`. */
export function formatNamePinyin(name: string): string {
  const [family] = splitName(name);
  const syllables = nameSyllables(name, 'symbol');
  const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const head = syllables.slice(0, family.length).join('');
  const tail = syllables.slice(family.length).join('');
  return [capital(head), tail ? capital(tail) : ''].filter(Boolean).join(' ');
}

/**
 * A slug suggested from Chinese text: 山里的灯 → `shan-li-de-deng`; a personal name gives family
 * name, then given name: 唐浩瑛 → `tang-haoying`, 欧阳修 → `ouyang-xiu`. A long title is cut
 * to its first `maxSyllables` syllables, since the slug only has to be recognisable.
 */
export function suggestSlug(text: string, { personalName = false, maxSyllables = Infinity } = {}): string {
  const clean = (s: string) =>
    s
      .toLowerCase()
      .replace(/ü/g, 'v')
      .replace(/[^a-z0-9]+/g, '');
  if (personalName) {
    const [family] = splitName(text);
    const syllables = nameSyllables(text, 'none').map(clean);
    const head = syllables.slice(0, family.length).join('');
    const tail = syllables.slice(family.length).join('');
    return [head, tail].filter(Boolean).join('-');
  }
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .map(clean)
    .filter(Boolean)
    .slice(0, maxSyllables)
    .join('-');
}

/** Sort key for Chinese names by pinyin. */
export function getPinyinSortKey(name: string): string {
  return pinyin(name, { toneType: 'num', type: 'array' }).join(' ');
}
