/** What editors get on the built site: the guide at /guide/, and the Letter component in a story. */
import { describe, expect, it } from 'vitest';
import { existsInDist, readPage } from './dist.ts';

describe('the editors’ guide', () => {
  it('is published at /guide/ with its field tables and components, and linked from every footer', () => {
    expect(existsInDist('/guide/')).toBe(true);
    const html = readPage('/guide/');
    expect(html).toMatch(/<h1[^>]*>编辑指南<\/h1>/);
    expect(html).toContain('<td><code>title</code></td>');
    expect(html).toContain('<code>awards[].recipients[].teacher</code>');
    expect(html).toContain('<h3 id="letter"><code>&lt;Letter&gt;</code></h3>');
    expect(readPage('/')).toMatch(/<a href="\/guide\/"[^>]*>编辑指南<\/a>/);
  });

  it('is not offered to readers by search (no data-pagefind-body)', () => {
    expect(readPage('/guide/')).not.toMatch(/<[a-z]+[^>]*\sdata-pagefind-body[\s>=]/);
  });
});

describe('the Letter component in a published story', () => {
  it('renders as a signed letter in 山里的灯', () => {
    const html = readPage('/stories/shan-li-de-deng/');
    expect(html).toMatch(
      /<figure class="yw-letter"><blockquote><p>林老师：<\/p><p>我今天第一次站上讲台[^<]*<\/p><p>我也给自己折了一张。<\/p><\/blockquote><figcaption>—— 当年上岚教学点的学生，2019年9月<\/figcaption><\/figure>/,
    );
  });
});
