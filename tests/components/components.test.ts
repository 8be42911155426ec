import { describe, expect, it } from 'vitest';
import HonourList from '../../src/components/teacher/HonourList.astro';
import TeacherPortrait from '../../src/components/teacher/TeacherPortrait.astro';
import ArticleBody from '../../src/components/story/ArticleBody.astro';
import FactList from '../../src/components/ui/FactList.astro';
import Pagination from '../../src/components/ui/Pagination.astro';
import SampleBadge from '../../src/components/ui/SampleBadge.astro';
import { renderMdx } from '../../src/content-input/entry/render-mdx.ts';
import { renderComponent } from '../helpers/container.ts';
import sample from '../fixtures/images/sample.jpg';

describe('SampleBadge', () => {
  it('says 示例, and explains itself when asked', async () => {
    // Out of the search index's text: a result's excerpt must not read “示例 示例内容：…”.
    expect(await renderComponent(SampleBadge)).toMatch(
      /<span class="badge[^"]*" title="示例内容：[^"]+" data-pagefind-ignore>示例<\/span>/,
    );
    expect(await renderComponent(SampleBadge, { explain: true })).toMatch(/<p class="sample-note[^"]*" data-pagefind-ignore>/);
    expect(await renderComponent(SampleBadge, { explain: true })).toContain('人物和学校均为虚构');
  });
});

describe('Pagination', () => {
  it('renders nothing for a single page', async () => {
    expect((await renderComponent(Pagination, { base: '/stories/', current: 1, total: 1 })).trim()).toBe('');
  });
  it('links the previous and next pages', async () => {
    const html = await renderComponent(Pagination, { base: '/stories/', current: 2, total: 3 });
    expect(html).toContain('href="/stories/" rel="prev"');
    expect(html).toContain('href="/stories/page/3/" rel="next"');
    expect(html).toContain('第 2 页，共 3 页');
  });
});

describe('ArticleBody', () => {
  it('puts an AVIF/WebP picture at each figure placeholder', async () => {
    const rendered = renderMdx('---\na: 1\n---\n前文\n\n<Figure src="./x.jpg" alt="教室一角" credit="周南 摄" />\n\n后文');
    const html = await renderComponent(ArticleBody, { html: rendered.html, figures: [{ src: sample, alt: '教室一角' }] });
    expect(html).not.toContain('yw-figure-image');
    expect(html).toMatch(
      /<figure class="yw-figure"><picture><source srcset="[^"]+" type="image\/avif"[^>]*><img[^>]+src="[^"]*(?:\.webp|f=webp)"[^>]+alt="教室一角"/,
    );
    expect(html).toMatch(/<img[^>]+width="\d+"[^>]+height="\d+"/);
    expect(html).toContain('<p>前文</p>');
    expect(html).toContain('<p>后文</p>');
  });
});

describe('FactList', () => {
  // A fact with href needs Astro.site for its print URL, which the container does not set; the
  // built teacher pages show those links.
  it('renders each fact that has a value as a term and its description', async () => {
    const html = await renderComponent(FactList, {
      facts: [
        { label: '学科', value: '语文' },
        { label: '职称', value: undefined },
        { label: '照片', value: '' },
        { label: '学段', value: '初中' },
      ],
    });
    // Labels are not prose: the list stays out of the search index's text (its values are metadata).
    expect(html.trim()).toBe(
      '<dl class="facts" data-pagefind-ignore><div><dt>学科</dt><dd>语文</dd></div><div><dt>学段</dt><dd>初中</dd></div></dl>',
    );
  });
  it('renders an empty list when no fact has a value', async () => {
    expect((await renderComponent(FactList, { facts: [{ label: '学段', value: '' }] })).trim()).toBe(
      '<dl class="facts" data-pagefind-ignore></dl>',
    );
  });
});

describe('TeacherPortrait', () => {
  it('shows the first character of the name when there is no portrait', async () => {
    const html = await renderComponent(TeacherPortrait, { name: '林秋云', portrait: undefined });
    expect(html).toMatch(/<span class="monogram[^"]*"[^>]*aria-hidden="true"[^>]*>\s*林\s*<\/span>/);
  });
  it('shows the portrait with its alt text', async () => {
    const html = await renderComponent(TeacherPortrait, { name: '林秋云', portrait: { src: sample, alt: '林老师' } });
    expect(html).toContain('alt="林老师"');
    expect(html).toContain('type="image/avif"');
  });
});

describe('HonourList', () => {
  it('lists honours newest first and links years that have a roll', async () => {
    const html = await renderComponent(HonourList, {
      honours: [
        { year: 2019, title: '县级优秀教师', level: '县区级', awardedBy: '云岭县教育局' },
        { year: 2023, title: '师德标兵', level: '市级', awardedBy: '市教育体育局' },
      ],
      rollYears: [2023],
    });
    expect(html.indexOf('师德标兵')).toBeLessThan(html.indexOf('县级优秀教师'));
    expect(html).toContain('<a href="/honours/2023/">2023</a>');
    expect(html).not.toContain('href="/honours/2019/"');
  });
});
