import { describe, expect, it } from 'vitest';
import { compareNewestFirst, formatChineseDate, getYear, isRealIsoDate } from '../../src/lib/dates.ts';

describe('isRealIsoDate', () => {
  it.each(['2023-09-10', '2024-02-29', '2000-02-29', '1999-12-31'])('accepts %s', (d) => {
    expect(isRealIsoDate(d)).toBe(true);
  });
  it.each([
    '2023-02-29',
    '2023-02-30',
    '2024-04-31',
    '1900-02-29',
    '2023-13-01',
    '2023-00-10',
    '2023-9-10',
    '20230910',
    '2023-09-10T00:00:00Z',
    '',
  ])('refuses %s', (d) => {
    expect(isRealIsoDate(d)).toBe(false);
  });
});

describe('formatChineseDate', () => {
  it('writes the date the Chinese way without leading zeros', () => {
    expect(formatChineseDate('2024-09-08')).toBe('2024年9月8日');
  });
  it('returns what it cannot read unchanged', () => {
    expect(formatChineseDate('教师节前夕')).toBe('教师节前夕');
  });
});

describe('ordering', () => {
  it('sorts newest first', () => {
    expect(['2023-01-01', '2025-05-05', '2024-12-31'].sort(compareNewestFirst)).toEqual(['2025-05-05', '2024-12-31', '2023-01-01']);
    expect(getYear('2024-09-08')).toBe(2024);
  });
});
