import { describe, expect, it } from 'vitest';
import { DEFAULT_TRIM, formatTrimSize, parseTrimSize } from '../../src/lib/trim-size.ts';

describe('parseTrimSize', () => {
  it('reads 宽×高 in millimetres with ×, x or *, with or without mm', () => {
    expect(parseTrimSize('185×260')).toEqual({ width: 185, height: 260 });
    expect(parseTrimSize(' 140 x 203 mm ')).toEqual({ width: 140, height: 203 });
    expect(parseTrimSize('148*210毫米')).toEqual({ width: 148, height: 210 });
    expect(parseTrimSize('148.5×210')).toEqual({ width: 148.5, height: 210 });
  });
  it('reads the names printers use', () => {
    expect(parseTrimSize('16开')).toEqual(DEFAULT_TRIM);
    expect(parseTrimSize('大32开')).toEqual({ width: 140, height: 203 });
    expect(parseTrimSize('a5')).toEqual({ width: 148, height: 210 });
  });
  it('refuses what is not a page size', () => {
    for (const text of ['185x', '185', '185×260×3', '18×26', '1850×2600', '十六开', '']) expect(parseTrimSize(text)).toBeUndefined();
  });
  it('formats a size for the 版权页', () => {
    expect(formatTrimSize(DEFAULT_TRIM)).toBe('185 × 260 mm');
  });
});
