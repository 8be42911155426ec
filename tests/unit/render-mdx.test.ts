import { describe, expect, it } from 'vitest';
import { fixChineseQuotes, renderMdx } from '../../src/content-input/entry/render-mdx.ts';

const doc = (body: string) => `---\ntitle: 测试\n---\n${body}`;
/** Line of the first body line in `doc()`. */
const BODY = 4;

describe('renderMdx: what it renders', () => {
  it('renders paragraphs, emphasis and links', () => {
    const r = renderMdx(doc('他说，**教育**是[慢的艺术](https://example.org/a)。'));
    expect(r.problems).toEqual([]);
    expect(r.html).toBe('<p>他说，<strong>教育</strong>是<a href="https://example.org/a">慢的艺术</a>。</p>');
  });

  it('keeps the frontmatter text and where it starts', () => {
    const r = renderMdx(doc('正文'));
    expect(r.frontmatter).toBe('title: 测试');
    expect(r.frontmatterLine).toBe(2);
  });

  it('gives headings ids and lists them', () => {
    const r = renderMdx(doc('## 山里的灯\n\n文字\n\n## 山里的灯\n\n### 第二年'));
    expect(r.html).toContain('<h2 id="山里的灯">山里的灯</h2>');
    expect(r.html).toContain('<h2 id="山里的灯-1">山里的灯</h2>');
    expect(r.headings).toEqual([
      { depth: 2, slug: '山里的灯', text: '山里的灯' },
      { depth: 2, slug: '山里的灯-1', text: '山里的灯' },
      { depth: 3, slug: '第二年', text: '第二年' },
    ]);
  });

  it('renders GFM tables', () => {
    const r = renderMdx(doc('| 日期 | 地点 |\n| --- | --- |\n| 周一 | 石门村 |'));
    expect(r.html).toContain('<table>');
    expect(r.html).toContain('<th>日期</th>');
    expect(r.html).toContain('<td>石门村</td>');
  });

  it('turns straight double quotes in Chinese text into “ ” and leaves 「」 alone', () => {
    const r = renderMdx(doc('她说"不怕"，又说「慢慢来」。'));
    expect(r.html).toBe('<p>她说“不怕”，又说「慢慢来」。</p>');
    expect(fixChineseQuotes('He said "yes"')).toBe('He said "yes"');
  });

  it('renders a Figure as a figure with a placeholder for the picture, and records it', () => {
    const r = renderMdx(doc('<Figure src="./photo-1.jpg" alt="教室" caption="2023 年秋" credit="周南 摄" licence="CC BY 4.0" />'));
    expect(r.problems).toEqual([]);
    expect(r.html).toBe(
      '<figure class="yw-figure"><yw-figure-image data-index="0"></yw-figure-image><figcaption><span class="yw-figure-caption">2023 年秋</span><span class="yw-figure-credit">图：周南 摄（CC BY 4.0）</span></figcaption></figure>',
    );
    expect(r.figures).toEqual([
      { src: './photo-1.jpg', alt: '教室', caption: '2023 年秋', credit: '周南 摄', licence: 'CC BY 4.0', line: BODY },
    ]);
  });

  it('renders PullQuote, Aside, Timeline and HonourBadge without nesting blocks in paragraphs', () => {
    const r = renderMdx(
      doc(
        [
          '<PullQuote cite="林秋云">孩子走多远，我就陪多远。</PullQuote>',
          '',
          '<Aside title="小资料">送教上门是一项教育服务。</Aside>',
          '',
          '<Timeline>',
          '  <Event date="1998">到青岚小学任教</Event>',
          '  <Event date="2021">获评县级优秀教师</Event>',
          '</Timeline>',
          '',
          '她是 <HonourBadge title="师德标兵" year="2021" level="市级" /> 获得者。',
        ].join('\n'),
      ),
    );
    expect(r.problems).toEqual([]);
    expect(r.html).toContain(
      '<figure class="yw-pullquote"><blockquote><p>孩子走多远，我就陪多远。</p></blockquote><figcaption>—— 林秋云</figcaption></figure>',
    );
    expect(r.html).toContain('<div class="yw-aside" role="note"><p class="yw-aside-title">小资料</p><p>送教上门是一项教育服务。</p></div>');
    expect(r.html).toContain(
      '<section class="yw-timeline"><ol><li><span class="yw-event-date">1998</span><div class="yw-event-text"><p>到青岚小学任教</p></div></li>',
    );
    expect(r.html).toContain(
      '<p>她是 <span class="yw-honour-badge"><span class="yw-honour-badge-title">师德标兵</span><span class="yw-honour-badge-meta">2021年 · 市级</span></span> 获得者。</p>',
    );
    expect(r.html).not.toMatch(/<p>\s*<(figure|aside|section)/);
  });

  it('counts Chinese characters for reading time', () => {
    expect(renderMdx(doc('一二三四五。\n\n## 六七')).characterCount).toBe(7);
  });
});

describe('renderMdx: what it refuses, with line and column', () => {
  const problemsOf = (body: string) =>
    renderMdx(doc(body)).problems.map((p) => ({ line: p.line - BODY + 1, field: p.field, message: p.message }));

  it('refuses import and export', () => {
    const [p] = problemsOf("import fs from 'node:fs'");
    expect(p).toMatchObject({ line: 1, field: '正文' });
    expect(p?.message).toContain('不允许 import 或 export');
    expect(problemsOf('export const a = 1')[0]?.message).toContain('不允许 import 或 export');
  });

  it('refuses {expressions} in text and in flow', () => {
    const flow = problemsOf('正文\n\n{process.exit(1)}')[0];
    expect(flow?.line).toBe(3);
    expect(flow?.message).toContain('不允许花括号表达式');
    expect(problemsOf('一句 {1 + 1} 话')[0]?.message).toContain('不允许花括号表达式');
  });

  it('refuses raw HTML tags, script, iframe and style', () => {
    for (const tag of ['script', 'iframe', 'style', 'div']) {
      const [p] = problemsOf(`<${tag}>x</${tag}>`);
      expect(p?.message).toContain(`HTML 标签 <${tag}>`);
    }
  });

  it('refuses unknown components and names the ones that exist', () => {
    const [p] = problemsOf('<Video src="a.mp4" />');
    expect(p?.message).toContain('未登记的组件 <Video>');
    expect(p?.message).toContain('Figure、PullQuote、Aside、Timeline、HonourBadge、Letter');
  });

  it('refuses event handlers, expression attributes and spreads on components', () => {
    const messages = problemsOf('<Figure src="./a.jpg" alt="a" credit="b" onLoad="x" />').map((p) => p.message);
    expect(messages).toContain('不允许事件属性 onLoad');
    const expression = problemsOf('<Figure src="./a.jpg" alt={a} credit="b" />')[0];
    expect(expression?.field).toBe('<Figure> alt');
    expect(expression?.message).toContain('属性值只能是双引号里的文字');
    expect(problemsOf('<Figure {...props} />')[0]?.message).toContain('不允许 {...展开} 写法');
  });

  it('refuses javascript:, data: and other unsafe link targets', () => {
    const link = problemsOf('[点我](javascript:alert(1))')[0];
    expect(link?.field).toBe('链接');
    expect(link?.message).toContain('不允许 javascript: 链接');
    expect(problemsOf('[点我](JaVaScRiPt:alert(1))')[0]?.message).toContain('不允许 JaVaScRiPt: 链接');
    expect(problemsOf('[点我](data:text/html,hi)')[0]?.message).toContain('不允许 data: 链接');
    expect(problemsOf('[a]: vbscript:x\n\n[点我][a]')[0]?.message).toContain('不允许 vbscript: 链接');
    expect(problemsOf('[好](https://example.org) [本站](/stories/) [节](#a) [信](mailto:a@example.org)')).toEqual([]);
  });

  it('requires src, alt and credit on figures, and a local image', () => {
    const messages = problemsOf('<Figure src="./a.jpg" />').map((p) => `${p.field}: ${p.message}`);
    expect(messages).toEqual([
      '<Figure> alt: <Figure> 缺少必填属性 alt（用一句话描述画面，给看不见图片的读者）',
      '<Figure> credit: <Figure> 缺少必填属性 credit（摄影者或来源）',
    ]);
    expect(problemsOf('<Figure src="https://example.org/a.jpg" alt="a" credit="b" />')[0]?.message).toContain('不能用网址');
    expect(problemsOf('<Figure src="../other/a.jpg" alt="a" credit="b" />')[0]?.message).toContain('不能用 / 或 .. 开头');
    expect(problemsOf('<Figure src="./a.gif" alt="a" credit="b" />')[0]?.message).toContain('图片格式');
    expect(problemsOf('<Figure src="./a.jpg" alt="" credit="b" />')[0]?.message).toBe('<Figure> 的 alt 不能为空');
  });

  it('refuses Markdown images (no alt and credit fields) and top-level headings', () => {
    expect(problemsOf('![](./a.jpg)')[0]?.message).toContain('图片请用 <Figure');
    expect(problemsOf('# 大标题')[0]?.message).toContain('正文不要用一级标题');
  });

  it('keeps Event inside Timeline and only Event there', () => {
    expect(problemsOf('<Event date="1998">x</Event>')[0]?.message).toBe('<Event> 只能写在 <Timeline> 里面');
    expect(problemsOf('<Timeline>\n  <Aside>x</Aside>\n</Timeline>')[0]?.message).toBe('<Timeline> 里只能写 <Event>');
  });

  it('reports every problem at once, in order, and renders nothing', () => {
    const r = renderMdx(doc("import x from 'y'\n\n{1}\n\n<script>x</script>"));
    expect(r.problems.map((p) => p.line - BODY + 1)).toEqual([1, 3, 5]);
    expect(r.html).toBe('');
  });

  it('turns a syntax error into a message with its line', () => {
    const r = renderMdx(doc('正文\n\n<Figure src="./a.jpg"\n\n后文'));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]?.message).toMatch(/^MDX 语法错误/);
    expect(r.problems[0]?.line).toBeGreaterThanOrEqual(BODY + 2);
  });
});

describe('renderMdx: what the content checks read', () => {
  it('pairs straight quotes across bold text and links in one paragraph', () => {
    // Each text node used to be paired on its own: 她说“<strong>不怕</strong>"。
    expect(renderMdx(doc('她说"**不怕**"。')).html).toBe('<p>她说“<strong>不怕</strong>”。</p>');
    expect(renderMdx(doc('又说"[慢慢来](https://example.org/)"。')).html).toBe('<p>又说“<a href="https://example.org/">慢慢来</a>”。</p>');
  });

  it('lists the text readers see, block by block, with lines and fields', () => {
    const r = renderMdx(
      doc(
        '## 小标题\n\n第一段"引语"，\n第二行。\n\n<PullQuote cite="林秋云">一直在。</PullQuote>\n\n<Figure src="./a.jpg" alt="窗" caption="图注" credit="周南 摄" />',
      ),
    );
    expect(r.texts).toEqual([
      { line: BODY, field: '正文', value: '小标题' },
      { line: BODY + 2, field: '正文', value: '第一段“引语”，\n第二行。' },
      { line: BODY + 5, field: '<PullQuote>', value: '一直在。' },
      { line: BODY + 5, field: '<PullQuote> cite', value: '林秋云' },
      { line: BODY + 7, field: '<Figure> alt', value: '窗' },
      { line: BODY + 7, field: '<Figure> caption', value: '图注' },
      { line: BODY + 7, field: '<Figure> credit', value: '周南 摄' },
    ]);
  });

  it('lists every <Figure src>, also of a figure with other problems', () => {
    const r = renderMdx(doc('<Figure src="./a.jpg" credit="周南 摄" />'));
    expect(r.problems).toHaveLength(1);
    expect(r.figures).toEqual([]);
    expect(r.figureSources).toEqual([{ src: './a.jpg', line: BODY }]);
  });
});

describe('renderMdx: the Letter component', () => {
  const problemsOf = (body: string) => renderMdx(doc(body)).problems;
  it('renders a letter of several paragraphs, signed with the writer and the date', () => {
    const r = renderMdx(
      doc('<Letter from="学生 小雨" date="2019年6月" title="一封来信">\n林老师：\n\n您送我的那本书，我读了三遍。\n</Letter>'),
    );
    expect(r.problems).toEqual([]);
    expect(r.html).toBe(
      '<figure class="yw-letter" aria-label="一封来信"><p class="yw-letter-title">一封来信</p><blockquote><p>林老师：</p><p>您送我的那本书，我读了三遍。</p></blockquote><figcaption>—— 学生 小雨，2019年6月</figcaption></figure>',
    );
  });

  it('renders a one-line letter without nesting it in a paragraph', () => {
    const r = renderMdx(doc('<Letter from="家长">谢谢您。</Letter>'));
    expect(r.html).toBe('<figure class="yw-letter"><blockquote><p>谢谢您。</p></blockquote><figcaption>—— 家长</figcaption></figure>');
  });

  it('needs a writer and some text, and stands on its own line', () => {
    expect(problemsOf('<Letter>谢谢您。</Letter>')[0]?.message).toContain('<Letter> 缺少必填属性 from');
    expect(problemsOf('<Letter from="家长" />')[0]?.message).toBe('<Letter> 需要写内容，例如 <Letter>……</Letter>');
    expect(problemsOf('她说 <Letter from="家长">谢谢。</Letter> 然后走了。')[0]?.message).toContain('要单独写一行');
  });

  it('is offered to editors by name when an unknown component is used', () => {
    expect(problemsOf('<Video />')[0]?.message).toContain('Letter');
  });
});
