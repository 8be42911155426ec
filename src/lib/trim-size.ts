/**
 * A book's trim size (开本): the size of the page after cutting, in millimetres. Editors write it
 * as `宽×高` (`185×260`, `140x203 mm`) or by a name printers use (`16开`, `大32开`, `A5`).
 */

/** A trim size in millimetres. */
export interface TrimSize {
  width: number;
  height: number;
}

/** Names of common trim sizes, as Chinese printers quote them (GB/T 788 for the 开本). */
export const TRIM_NAMES: Readonly<Record<string, TrimSize>> = {
  '16开': { width: 185, height: 260 },
  大16开: { width: 210, height: 285 },
  '32开': { width: 130, height: 184 },
  大32开: { width: 140, height: 203 },
  A4: { width: 210, height: 297 },
  A5: { width: 148, height: 210 },
  B5: { width: 176, height: 250 },
};

/** The default: 16开, 185 × 260 mm. */
export const DEFAULT_TRIM: TrimSize = { width: 185, height: 260 };

/** Smallest and largest side a page may have, in millimetres (a pocket book to A3). */
const SIDE = { min: 90, max: 420 } as const;

const DIMENSIONS = /^(\d{2,3}(?:\.\d)?)\s*(?:mm)?\s*[×xX*＊]\s*(\d{2,3}(?:\.\d)?)\s*(?:mm|毫米)?$/;

/** Reads a trim size; undefined when `text` is not one (wrong form, or a side out of range). */
export function parseTrimSize(text: string): TrimSize | undefined {
  const trimmed = text.trim();
  const named = TRIM_NAMES[trimmed] ?? TRIM_NAMES[trimmed.toUpperCase()];
  if (named) return named;
  const match = DIMENSIONS.exec(trimmed);
  if (!match) return undefined;
  const width = Number(match[1]);
  const height = Number(match[2]);
  if ([width, height].some((side) => side < SIDE.min || side > SIDE.max)) return undefined;
  return { width, height };
}

/** How an editor is told what to write instead. */
export const TRIM_SIZE_HINT = `请写 宽×高（毫米，${SIDE.min}–${SIDE.max}），例如 185×260，或写 ${Object.keys(TRIM_NAMES).join('、')}`;

/** `185 × 260 mm`, as the copyright page prints it. */
export function formatTrimSize(trim: TrimSize): string {
  return `${trim.width} × ${trim.height} mm`;
}
