/**
 * Words that make names findable. Pagefind's Chinese segmenter does not know personal or school
 * names, and readers also type pinyin, so profile and school pages carry these forms as
 * searchable metadata fields that the search page weights far above body text
 * (`SEARCH_RANKING` in search-query.ts).
 *
 * Each form is its own field because Pagefind scales a field's boost by the square of the share
 * of the field the query covers: `thy` alone in `initials` gets the whole boost, where it would
 * get a sliver of one field holding every form.
 */
import { pinyin } from 'pinyin-pro';
import { getPinyinForms, stripTones } from './pinyin.ts';

/** The name forms of one profile or school, one metadata field each. */
export interface NameTerms {
  /** The name in characters: 唐浩瑛, 云岭县青岚小学. */
  name: string;
  /** A school's name without its county or district: 青岚小学 (absent when there is none). */
  alias?: string;
  /** Pinyin run together: tanghaoying. */
  pinyin: string;
  /** Pinyin in words: tang haoying; for schools, the words of the id (yunling qinglan xiaoxue). */
  words: string;
  /** First letters: thy. */
  initials: string;
}

/** The words of an ASCII slug: `tang-haoying` → `tang haoying`. */
function getSlugWords(slug: string): string {
  return slug
    .split(/[^a-z0-9]+/i)
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}

/**
 * A teacher's name forms. `tonedPinyin` is the profile's `pinyin` field (`Táng Hàoyīng`): it is
 * right for surnames that a dictionary reads wrongly, so it wins over computed pinyin.
 */
export function getTeacherNameTerms(name: string, tonedPinyin: string): NameTerms {
  const forms = getPinyinForms(name, tonedPinyin);
  return { name, pinyin: forms.full, words: forms.spaced, initials: forms.initials };
}

/**
 * A school's name forms. Its id is pinyin that an editor split at word boundaries, so it gives
 * the words (`qinglan` finds 云岭县青岚小学); `district` gives the short name readers say.
 */
export function getSchoolNameTerms(name: string, id: string, district?: string): NameTerms {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'removed' }).map((s) => stripTones(s));
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }).join('');
  const alias = district && name.startsWith(district) && name.length > district.length ? name.slice(district.length) : undefined;
  return {
    name,
    ...(alias && { alias }),
    pinyin: syllables.join(''),
    words: getSlugWords(id),
    initials: initials.toLowerCase(),
  };
}

const wordSegmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh-CN', { granularity: 'word' }) : undefined;

/**
 * Text as the words a reader's query is searched as: Pagefind splits every query with the
 * browser's `Intl.Segmenter` (names fall apart into single characters: 白立平 → 白 立 平), but
 * keeps each metadata value whole, so a title or name stored as written only ever matches the
 * first word of a query (pagefind#1237). Search-only metadata fields hold these words, spaced,
 * so a full name or an exact title matches the whole field.
 * @see https://github.com/Pagefind/pagefind/issues/1237
 */
export function splitSearchWords(text: string): string {
  const normalised = text.normalize('NFKC').toLowerCase();
  if (!wordSegmenter) return normalised.replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ').trim();
  const words: string[] = [];
  for (const { segment, isWordLike } of wordSegmenter.segment(normalised)) if (isWordLike) words.push(segment);
  return words.join(' ');
}
