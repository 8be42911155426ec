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

/** A slug suggested from Chinese text: 唐浩瑛 → `tang-haoying` (family name, then given name). */
export function suggestSlug(text: string, { personalName = false } = {}): string {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', ...(personalName ? { surname: 'head' as const } : {}) })
    .map((s) => s.toLowerCase().replace(/ü/g, 'v').replace(/[^a-z0-9]+/g, ''))
    .filter(Boolean);
  if (personalName && syllables.length > 1) return `${syllables[0]}-${syllables.slice(1).join('')}`;
  return syllables.join('-');
}

/** Sort key for Chinese names by pinyin. */
export function getPinyinSortKey(name: string): string {
  return pinyin(name, { toneType: 'num', type: 'array' }).join(' ');
}
