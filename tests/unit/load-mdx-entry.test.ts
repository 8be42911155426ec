import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/content-problem.ts';
import { loadMdxEntry } from '../../src/loaders/mdx-loader.ts';
import { createStorySchema } from '../../src/schemas/stories.ts';

const load = (folder: string) => {
  const file = `tests/fixtures/loader/stories/${folder}/index.mdx`;
  return loadMdxEntry(readFileSync(file, 'utf-8'), file, resolve(file), createStorySchema);
};

describe('loadMdxEntry', () => {
  it('loads a good story: data with figures, HTML, headings, no problems', () => {
    const entry = load('good-story');
    expect(entry.problems).toEqual([]);
    expect(entry.id).toBe('good-story');
    expect(entry.data).toMatchObject({ title: '测试故事', published: '2024-09-08', figures: [{ src: './photo.jpg', alt: '操场', credit: '周南 摄', line: 19 }] });
    expect(entry.headings).toEqual([{ depth: 2, slug: '第一节', text: '第一节' }]);
    expect(entry.html).toContain('<h2 id="第一节">第一节</h2>');
  });

  it('reports every problem of a bad story with file, line and field, in Chinese', () => {
    const lines = load('Bad_Folder').problems.map(formatProblem).sort();
    const f = 'tests/fixtures/loader/stories/Bad_Folder/index.mdx';
    expect(lines).toEqual(
      [
        `${f}  文件夹名  文件夹名 “Bad_Folder” 会成为网址，只能用小写拼音字母、数字和连字符，例如 lin-qiuyun`,
        `${f}:3  teachers  至少要有一位教师`,
        `${f}:5  published  不是真实存在的日期，应写成 YYYY-MM-DD，例如 2024-09-10`,
        `${f}:6  updated  更新日期不能早于发布日期`,
        `${f}:9  cover.src  找不到这个图片文件，请检查文件名和路径`,
        `${f}:10  cover.alt  不能为空`,
        `${f}:14  colour  不认识的字段 “colour”（是否拼错了？）；可用的字段有：title、subtitle、teachers、writer、published、updated、summary、cover、themes、source、corrections、sample、draft`,
        `${f}:16  正文  不允许花括号表达式 {…}：如果要写花括号，请用全角｛｝`,
        `${f}:18  <Figure> src  ./nope.jpg：找不到这个图片文件，请检查文件名和路径`,
      ].sort(),
    );
  });
});
