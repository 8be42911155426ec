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
    expect(problems[0]).toMatch(/^differs: x\/index\.html at character 16:/);
    expect(problems[0]).toContain('10:00');
    expect(problems[0]).toContain('10:01');
  });
  it('names a differing binary file, and files only one build has', () => {
    const { problems } = compareTrees(tree({ 'a.avif': Buffer.from([1]), 'old.js': 'x' }), tree({ 'a.avif': Buffer.from([2]), 'new.js': 'x' }));
    expect(problems).toEqual(['differs: a.avif', 'only in the first build: old.js', 'only in the second build: new.js']);
  });
});
