/**
 * Traditional characters in a query, read as simplified ones (骨幹教師 → 骨干教师), so readers who
 * type traditional characters find the site's simplified text. The table is built when the site
 * is built, from OpenCC's traditional→simplified character dictionary, keeping only characters
 * whose simplified form occurs on the site: a few kilobytes instead of the whole dictionary.
 */

/** `{ 幹: '干', 師: '师', … }`. */
export type TraditionalTable = Readonly<Record<string, string>>;

const HAN = /\p{Script=Han}/u;

/** The Han characters in some text. */
export function collectHanCharacters(text: string, into = new Set<string>()): Set<string> {
  for (const char of text) if (HAN.test(char)) into.add(char);
  return into;
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
