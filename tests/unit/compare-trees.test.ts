import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compareTrees } from '../../scripts/compare-trees.ts';

const made: string[] = [];
function tree(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'yw-tree-'));
  made.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('compareTrees (check:reproducible)', () => {
  it('finds nothing in identical folders', () => {
    const files = { 'index.html': '<p>a</p>', 'a/b.png': Buffer.from([1, 2, 3]) };
    expect(compareTrees(tree(files), tree(files))).toEqual({ files: 2, problems: [] });
  });
  it('names a differing text file and shows where it differs', () => {
    const { problems } = compareTrees(tree({ 'x/index.html': '<p>built at 10:00</p>' }), tree({ 'x/index.html': '<p>built at 10:01</p>' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^differs: x\/index\.html at line 1, column 17:/);
    expect(problems[0]).toContain('10:00');
    expect(problems[0]).toContain('10:01');
  });
  it('names a differing binary file, and files only one build has', () => {
    const { problems } = compareTrees(
      tree({ 'a.avif': Buffer.from([1]), 'old.js': 'x' }),
      tree({ 'a.avif': Buffer.from([2]), 'new.js': 'x' }),
    );
    expect(problems).toEqual(['differs: a.avif', 'only in the first build: old.js', 'only in the second build: new.js']);
  });
  it('gives the line of a difference in a file of many lines, and names the folders as asked', () => {
    const page = (title: string) => `<ul>\n<li>山里的灯</li>\n<li>${title}</li>\n</ul>\n`;
    const { problems } = compareTrees(
      tree({ 'stories/index.html': page('旧标题'), 'gone.html': '' }),
      tree({ 'stories/index.html': page('新标题') }),
      {
        first: 'the incremental build',
        second: 'the clean build',
      },
    );
    expect(problems).toEqual([
      'differs: stories/index.html at line 3, column 5:\n      "<li>旧标题</li>"\n      "<li>新标题</li>"',
      'only in the incremental build: gone.html',
    ]);
  });
});
