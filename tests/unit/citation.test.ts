/**
 * The citation formatter against references written by hand following GB/T 7714—2015 §4.8
 * (electronic resources) and its own example, and a plain Chinese citation.
 */
import { describe, expect, it } from 'vitest';
import { ACCESS_DATE_PLACEHOLDER, formatGbtCitation, formatPlainCitation, type CitableStory } from '../../src/lib/citation.ts';

const story: CitableStory = {
  writer: '仰望编辑部 周南',
  title: '山里的灯',
  subtitle: '记云岭县青岚小学教师林秋云',
  published: '2024-09-08',
  updated: '2025-01-15',
  site: '仰望',
  url: 'https://yangwang.example.org/stories/shan-li-de-deng/',
};

describe('formatGbtCitation (GB/T 7714—2015, [EB/OL])', () => {
  it('reproduces the standard’s own example', () => {
    // The standard’s example of an electronic resource: 萧钰. 出版业信息化迈入快车道[EB/OL]. (2001-12-19)[2002-04-15]. http://…
    expect(
      formatGbtCitation(
        {
          writer: '萧钰',
          title: '出版业信息化迈入快车道',
          published: '2001-12-19',
          site: '',
          url: 'http://www.creader.com/news/20011219/200112190019.html',
        },
        '2002-04-15',
      ),
    ).toBe('萧钰. 出版业信息化迈入快车道[EB/OL]. (2001-12-19)[2002-04-15]. http://www.creader.com/news/20011219/200112190019.html.');
  });

  it('names the person, not the desk; puts the subtitle after a colon; dates it by the last update', () => {
    expect(formatGbtCitation(story, '2025-03-01')).toBe(
      '周南. 山里的灯: 记云岭县青岚小学教师林秋云[EB/OL]. (2025-01-15)[2025-03-01]. https://yangwang.example.org/stories/shan-li-de-deng/.',
    );
  });

  it('uses the published date when the story was never updated', () => {
    expect(formatGbtCitation({ ...story, updated: undefined, subtitle: undefined }, '2024-10-01')).toBe(
      '周南. 山里的灯[EB/OL]. (2024-09-08)[2024-10-01]. https://yangwang.example.org/stories/shan-li-de-deng/.',
    );
  });

  it('leaves the access date as a placeholder when it is not known (a static page)', () => {
    expect(formatGbtCitation(story)).toBe(
      `周南. 山里的灯: 记云岭县青岚小学教师林秋云[EB/OL]. (2025-01-15)[${ACCESS_DATE_PLACEHOLDER}]. https://yangwang.example.org/stories/shan-li-de-deng/.`,
    );
  });

  it('separates up to three writers with commas', () => {
    expect(formatGbtCitation({ ...story, writer: '张三、李四，王五', subtitle: undefined, updated: undefined }, '2024-10-01')).toBe(
      '张三, 李四, 王五. 山里的灯[EB/OL]. (2024-09-08)[2024-10-01]. https://yangwang.example.org/stories/shan-li-de-deng/.',
    );
  });

  it('keeps the first three of more writers and adds 等 without a double full stop', () => {
    expect(formatGbtCitation({ ...story, writer: '张三、李四、王五、赵六', subtitle: undefined, updated: undefined }, '2024-10-01')).toBe(
      '张三, 李四, 王五, 等. 山里的灯[EB/OL]. (2024-09-08)[2024-10-01]. https://yangwang.example.org/stories/shan-li-de-deng/.',
    );
  });

  it('keeps a writer line that is not “affiliation + Chinese name” whole', () => {
    expect(formatGbtCitation({ ...story, writer: 'Anna Smith', subtitle: undefined, updated: undefined }, '2024-10-01')).toBe(
      'Anna Smith. 山里的灯[EB/OL]. (2024-09-08)[2024-10-01]. https://yangwang.example.org/stories/shan-li-de-deng/.',
    );
  });
});

describe('formatPlainCitation', () => {
  it('writes the byline as published, the title in 《》 with its subtitle, the dates and the link', () => {
    expect(formatPlainCitation(story)).toBe(
      '仰望编辑部 周南：《山里的灯——记云岭县青岚小学教师林秋云》，仰望，2024年9月8日，2025年1月15日更新。https://yangwang.example.org/stories/shan-li-de-deng/',
    );
  });
  it('leaves out the update when there is none', () => {
    expect(formatPlainCitation({ ...story, subtitle: undefined, updated: undefined })).toBe(
      '仰望编辑部 周南：《山里的灯》，仰望，2024年9月8日。https://yangwang.example.org/stories/shan-li-de-deng/',
    );
  });
});
