/** Reading time for Chinese text: about 400 characters a minute on a phone. */
export const CHARACTERS_PER_MINUTE = 400;

/** Minutes to read `characterCount` characters, at least 1. */
export function estimateReadingMinutes(characterCount: number): number {
  return Math.max(1, Math.round(characterCount / CHARACTERS_PER_MINUTE));
}
