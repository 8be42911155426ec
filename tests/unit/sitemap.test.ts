/** The sitemap's reading of built pages: only the head, whatever its length. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHead, readModifiedTime } from '../../src/integrations/sitemap.ts';

const dir = mkdtempSync(join(tmpdir(), 'yangwang-sitemap-'));
const page = (head: string, body: string) => `<!DOCTYPE html><html lang="zh-CN"><head>${head}</head><body>${body}</body></html>`;
const date = '<meta property="article:modified_time" content="2024-05-06T00:00:00.000Z">';

describe('readHead', () => {
  it('returns the head up to </head> and none of the body', () => {
    const file = join(dir, 'short.html');
    writeFileSync(file, page(`<title>甲</title>${date}`, '正文'.repeat(50_000)));
    const head = readHead(file) ?? '';
    expect(head.endsWith('</head>')).toBe(true);
    expect(head).not.toContain('正文');
    expect(readModifiedTime(head)).toBe('2024-05-06T00:00:00.000Z');
  });

  it('reads on past the first pieces when the head is longer, and finds </head> across two pieces', () => {
    const file = join(dir, 'long.html');
    // A head of about 40 KB of Chinese (three bytes a character) with the date at its end.
    writeFileSync(file, page(`<title>${'标题'.repeat(7000)}</title>${date}`, '正文'));
    for (const step of [16 * 1024, 7, 1000, 4096]) {
      const head = readHead(file, step) ?? '';
      expect(head.endsWith('</head>'), `step ${step}`).toBe(true);
      expect(readModifiedTime(head), `step ${step}`).toBe('2024-05-06T00:00:00.000Z');
    }
  });

  it('returns the whole file when it has no head, and undefined when there is no file', () => {
    const file = join(dir, 'plain.html');
    writeFileSync(file, '<p>无头</p>');
    expect(readHead(file)).toBe('<p>无头</p>');
    expect(readHead(join(dir, 'missing.html'))).toBeUndefined();
  });
});
