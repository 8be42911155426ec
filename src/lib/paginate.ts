/** Splits a list into pages of `size` (at least one page, even when empty). */
export function splitIntoPages<T>(items: readonly T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length ? pages : [[]];
}

/** URL of page `n` (1-based) of a list whose first page is `base`. */
export function getPageUrl(base: string, n: number): string {
  return n <= 1 ? base : `${base}page/${n}/`;
}
