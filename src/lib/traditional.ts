/**
 * Traditional characters in a query, read as simplified ones (骨幹教師 → 骨干教师), so readers who
 * type traditional characters find the site's simplified text. The table is built when the site
 * is built, from OpenCC's traditional→simplified character dictionary, keeping only characters
 * whose simplified form occurs on the site: a few kilobytes instead of the whole dictionary.
 */

/** `{ 幹: '干', 師: '师', … }`. */
export type TraditionalTable = Readonly<Record<string, string>>;

const HAN = /\p{Script=Han}/u;

/** The lowest code point of the Han script (U+2E80, the first CJK radical); everything below is skipped unread. */
const FIRST_HAN = 0x2e80;

/**
 * Collects the distinct Han characters of many texts (every page of a site) in one pass each: a
 * bitmap of the code points seen, tested against the Han script once per distinct character at
 * the end. Testing each character of a 10,000-story site with the regular expression took 10 s.
 */
export class HanCollector {
  readonly #seen = new Uint8Array(0x110000);

  add(text: string): this {
    const seen = this.#seen;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit < FIRST_HAN) continue;
      if (unit >= 0xd800 && unit <= 0xdbff) {
        const point = text.codePointAt(i) ?? unit;
        seen[point] = 1;
        if (point > 0xffff) i++;
      } else seen[unit] = 1;
    }
    return this;
  }

  /** The Han characters seen so far, added to `into`. */
  characters(into = new Set<string>()): Set<string> {
    const seen = this.#seen;
    for (let point = FIRST_HAN; point < seen.length; point++) {
      if (seen[point] === 0) continue;
      const char = String.fromCodePoint(point);
      if (HAN.test(char)) into.add(char);
    }
    return into;
  }
}

/**
 * The distinct Han characters of one text, in code-point order, as one string: what a page
 * contributes to the table, kept in the search index's record of the pages it read so that an
 * unchanged page is not read again. (A `HanCollector` per page would scan its whole bitmap.)
 */
export function distinctHanCharacters(text: string): string {
  const points = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < FIRST_HAN) continue;
    const point = unit >= 0xd800 && unit <= 0xdbff ? (text.codePointAt(i) ?? unit) : unit;
    if (point > 0xffff) i++;
    points.add(point);
  }
  let out = '';
  for (const point of [...points].sort((a, b) => a - b)) {
    const char = String.fromCodePoint(point);
    if (HAN.test(char)) out += char;
  }
  return out;
}

/** The Han characters in some text. */
export function collectHanCharacters(text: string, into = new Set<string>()): Set<string> {
  return new HanCollector().add(text).characters(into);
}

/**
 * Builds the table from an OpenCC dictionary (`trad simp[ simp…]|…`, as in `TSCharacters`),
 * keeping pairs whose first simplified form is in `corpus`.
 */
export function buildTraditionalTable(dictionary: string, corpus: ReadonlySet<string>): TraditionalTable {
  const table: Record<string, string> = {};
  for (const line of dictionary.split('|')) {
    const [traditional, simplified] = line.split(' ');
    if (!traditional || !simplified || traditional === simplified) continue;
    if (Array.from(traditional).length !== 1 || !corpus.has(simplified)) continue;
    table[traditional] = simplified;
  }
  return table;
}

/** Replaces every traditional character that has an entry in the table. */
export function toSimplified(text: string, table: TraditionalTable): string {
  let out = '';
  for (const char of text) out += table[char] ?? char;
  return out;
}
