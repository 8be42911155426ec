/** Honours in the order pages list them. */

/** Newest year first; within a year, by title. */
export function sortHonoursNewestFirst<H extends { year: number; title: string }>(honours: readonly H[]): H[] {
  return [...honours].sort((a, b) => b.year - a.year || a.title.localeCompare(b.title));
}
