/**
 * The components editors may use in stories and profiles, without an import. Each maps to plain
 * HTML; there is no other way for content to produce markup.
 */
import type { Element, ElementContent } from 'hast';
import { FIGURE_PLACEHOLDER, h, t } from './hast.ts';

export interface ComponentSpec {
  /** Attributes the component takes (plain strings). */
  attributes: readonly string[];
  /** Attributes that must be present and not empty. */
  required: readonly string[];
  /** Hints shown when a required attribute is missing. */
  hints?: Readonly<Record<string, string>>;
  /** `none`: self-closing; `required`: must have content; `optional`; `only`: only the listed children. */
  children: 'none' | 'required' | 'optional' | 'only';
  /** With `children: 'only'`: the component names allowed inside. */
  only?: readonly string[];
  /** True when it renders a block (figure, aside …): it must stand on its own line. */
  block?: boolean;
  /** The component this one must sit in. */
  parent?: string;
  /** One-line description for the editors' guide. */
  description: string;
  /** An example for the editors' guide. */
  example: string;
  /** Renders the component to a hast element. `index` is the figure number for `Figure`. */
  render: (attributes: Readonly<Record<string, string>>, children: ElementContent[], index: number) => Element;
}

export const COMPONENTS: Readonly<Record<string, ComponentSpec>> = {
  Figure: {
    block: true,
    attributes: ['src', 'alt', 'caption', 'credit', 'licence'],
    required: ['src', 'alt', 'credit'],
    hints: {
      src: '图片文件，放在文章文件夹里，例如 ./photo-1.jpg',
      alt: '用一句话描述画面，给看不见图片的读者',
      caption: '图注，显示在图片下面',
      credit: '摄影者或来源',
      licence: '图片的许可，例如 CC BY-NC-ND 4.0',
    },
    children: 'none',
    description: '图片，带图注、署名和许可；图片会自动压缩为 AVIF/WebP',
    example: '<Figure src="./photo-1.jpg" alt="林老师在教室里批改作业" caption="2023 年秋，青岚小学" credit="周南 摄" />',
    render: (a, _children, index) =>
      h('figure', { className: ['yw-figure'] }, [
        h(FIGURE_PLACEHOLDER, { dataIndex: String(index) }),
        h('figcaption', {}, [
          ...(a.caption ? [h('span', { className: ['yw-figure-caption'] }, [t(a.caption)])] : []),
          h('span', { className: ['yw-figure-credit'] }, [t(`图：${a.credit}`), ...(a.licence ? [t(`（${a.licence}）`)] : [])]),
        ]),
      ]),
  },
  PullQuote: {
    block: true,
    attributes: ['cite'],
    required: [],
    hints: { cite: '说这句话的人' },
    children: 'required',
    description: '引语：把一句有分量的话单独突出显示，可写出说话人',
    example: '<PullQuote cite="林秋云">孩子们走多远的山路，我就陪他们走多远。</PullQuote>',
    render: (a, children) =>
      h('figure', { className: ['yw-pullquote'] }, [
        h('blockquote', {}, wrapInline(children)),
        ...(a.cite ? [h('figcaption', {}, [t(`—— ${a.cite}`)])] : []),
      ]),
  },
  Aside: {
    block: true,
    attributes: ['title'],
    required: [],
    hints: { title: '旁注的小标题' },
    children: 'required',
    description: '旁注：背景资料、小知识，与正文分开显示',
    example: '<Aside title="小资料">送教上门是为不能到校的残疾儿童提供的教育服务。</Aside>',
    render: (a, children) =>
      // A note, not an <aside>: an aside is a landmark, landmarks need unique names, and a page
      // (the print edition of a volume) may hold several asides titled 小资料.
      h('div', { className: ['yw-aside'], role: 'note' }, [
        ...(a.title ? [h('p', { className: ['yw-aside-title'] }, [t(a.title)])] : []),
        ...wrapInline(children),
      ]),
  },
  Timeline: {
    block: true,
    attributes: ['title'],
    required: [],
    hints: { title: '时间线的标题' },
    children: 'only',
    only: ['Event'],
    description: '时间线：一位教师的成长经历，里面每一项用 <Event>',
    example:
      '<Timeline>\n  <Event date="1998">师范毕业，到青岚小学任教</Event>\n  <Event date="2021">获评县级优秀教师</Event>\n</Timeline>',
    render: (a, children) =>
      // A plain section, not a named region landmark, for the same reason as Aside.
      h('section', { className: ['yw-timeline'] }, [
        ...(a.title ? [h('p', { className: ['yw-timeline-title'] }, [t(a.title)])] : []),
        h('ol', {}, children),
      ]),
  },
  Event: {
    attributes: ['date'],
    required: ['date'],
    hints: { date: '年份或日期，例如 1998 或 2021年9月' },
    children: 'required',
    parent: 'Timeline',
    description: '时间线中的一项（只能写在 <Timeline> 里）',
    example: '<Event date="2021">获评县级优秀教师</Event>',
    render: (a, children) =>
      h('li', {}, [
        h('span', { className: ['yw-event-date'] }, [t(a.date ?? '')]),
        h('div', { className: ['yw-event-text'] }, wrapInline(children)),
      ]),
  },
  HonourBadge: {
    attributes: ['title', 'year', 'level'],
    required: ['title'],
    hints: { title: '荣誉名称，例如 师德标兵', year: '获得的年份', level: '级别，例如 县区级' },
    children: 'none',
    description: '荣誉徽章：在正文中醒目地标出一项荣誉',
    example: '<HonourBadge title="县级优秀教师" year="2021" level="县区级" />',
    render: (a) =>
      h('span', { className: ['yw-honour-badge'] }, [
        h('span', { className: ['yw-honour-badge-title'] }, [t(a.title ?? '')]),
        ...(a.year || a.level
          ? [h('span', { className: ['yw-honour-badge-meta'] }, [t([a.year && `${a.year}年`, a.level].filter(Boolean).join(' · '))])]
          : []),
      ]),
  },
  Letter: {
    block: true,
    attributes: ['from', 'date', 'title'],
    required: ['from'],
    hints: { from: '写信人或日记的作者，例如 学生 小雨', date: '写信或记日记的时间', title: '标题，例如 一封来信' },
    children: 'required',
    description: '书信或日记摘录：学生来信、家长留言、教学日记，整段引用，与正文分开排，文末署名和日期',
    example: '<Letter from="学生 小雨" date="2019年6月">\n林老师：\n\n您送我的那本《草房子》，我读了三遍。我以后也想当老师。\n</Letter>',
    render: (a, children) =>
      h('figure', { className: ['yw-letter'], ...(a.title ? { ariaLabel: a.title } : {}) }, [
        ...(a.title ? [h('p', { className: ['yw-letter-title'] }, [t(a.title)])] : []),
        h('blockquote', {}, wrapInline(children)),
        h('figcaption', {}, [t(`—— ${[a.from, a.date].filter(Boolean).join('，')}`)]),
      ]),
  },
};

/** Inline content (a PullQuote written on one line) gets a paragraph; block content is kept. */
function wrapInline(children: ElementContent[]): ElementContent[] {
  const isBlock = children.some((c) => c.type === 'element' && ['p', 'ul', 'ol', 'blockquote', 'table', 'h2', 'h3'].includes(c.tagName));
  if (isBlock) return children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  return [h('p', {}, children)];
}
