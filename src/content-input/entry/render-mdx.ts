/**
 * Renders editors' MDX as data: the text is parsed (remark-parse + remark-mdx + remark-gfm) and
 * never compiled or evaluated. Only the site's registered components are allowed; everything that
 * could run code (`import`, `export`, `{expressions}`, raw HTML tags, event handlers, script URLs)
 * is refused with its line and column. Pure: no Astro, no file system.
 */
import GithubSlugger from 'github-slugger';
import type { ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Heading, Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toHast } from 'mdast-util-to-hast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { TextBlock } from '../rules/quotes.ts';
import { COMPONENTS, type ComponentSpec } from './components.ts';

/** A problem in the MDX, at a 1-based line and column of the whole file. */
export interface MdxProblem {
  line: number;
  column: number;
  /** Short label of what the problem is in: `正文`, `<Figure> src`, `frontmatter`. */
  field: string;
  message: string;
}

/** A body image, to be rendered through Astro's image pipeline at the placeholder of its index. */
export interface BodyFigure {
  /** Path relative to the entry file, as written. */
  src: string;
  alt: string;
  credit: string;
  caption?: string | undefined;
  licence?: string | undefined;
  /** Line of the `<Figure>` in the file, for error messages. */
  line: number;
}

export interface HeadingInfo {
  depth: number;
  slug: string;
  text: string;
}

export interface RenderedMdx {
  /** Raw frontmatter text (without the `---` fences), or `undefined` when there is none. */
  frontmatter: string | undefined;
  /** 1-based line where the frontmatter text starts. */
  frontmatterLine: number;
  /** The body as HTML; figures are `<yw-figure-image data-index="N"></yw-figure-image>` placeholders. */
  html: string;
  headings: HeadingInfo[];
  figures: BodyFigure[];
  /** Every `src` written on a `<Figure>`, valid or not, with its line (which files the body refers to). */
  figureSources: { src: string; line: number }[];
  /** Every link's URL as written (`[文字](/stories/x/)` and link definitions), with its line. */
  links: { url: string; line: number }[];
  /** Every problem found; when not empty, `html` must not be published. */
  problems: MdxProblem[];
  /** Number of CJK characters and of other words in the body, for reading time. */
  characterCount: number;
  /**
   * The text readers will see, block by block (paragraphs, headings, table cells, component
   * attributes such as captions), with lines: what the content checks read for draft leftovers
   * and quotation marks. Straight quotes are already turned into Chinese ones.
   */
  texts: TextBlock[];
}

export { FIGURE_PLACEHOLDER } from './hast.ts';

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkMdx).use(remarkGfm);

/** Parses and renders one MDX file. Never throws on bad content: problems are returned. */
export function renderMdx(source: string): RenderedMdx {
  const problems: MdxProblem[] = [];
  let tree: Root;
  try {
    tree = processor.parse(source);
  } catch (error) {
    const { line, column, reason } = describeParseError(error);
    return {
      frontmatter: extractFrontmatterFallback(source),
      frontmatterLine: 2,
      html: '',
      headings: [],
      figures: [],
      problems: [{ line, column, field: '正文', message: `MDX 语法错误：${reason}` }],
      characterCount: 0,
      texts: [],
      figureSources: [],
      links: [],
    };
  }

  let frontmatter: string | undefined;
  let frontmatterLine = 2;
  const first = tree.children[0];
  if (first?.type === 'yaml') {
    frontmatter = first.value;
    frontmatterLine = (first.position?.start.line ?? 1) + 1;
    tree.children.shift();
  }

  const figures: BodyFigure[] = [];
  const attributeTexts: TextBlock[] = [];
  const figureSources: RenderedMdx['figureSources'] = [];
  const links: RenderedMdx['links'] = [];
  const headings: HeadingInfo[] = [];
  const slugger = new GithubSlugger();
  const report = (node: Nodes, field: string, message: string) => {
    problems.push({
      line: node.position?.start.line ?? 1,
      column: node.position?.start.column ?? 1,
      field,
      message,
    });
  };

  const visit = (node: Nodes, parent: Parent | undefined) => {
    switch (node.type) {
      case 'mdxjsEsm':
        report(node, '正文', '不允许 import 或 export：正文只能写文字和网站提供的组件，组件不需要导入');
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        report(node, '正文', '不允许花括号表达式 {…}：如果要写花括号，请用全角｛｝');
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        fixQuotesIn(node);
        transformComponent(node, parent, { report, figures, visit, texts: attributeTexts, figureSources });
        return;
      case 'heading':
        fixQuotesIn(node);
        if (node.depth === 1) {
          report(node, '正文', '正文不要用一级标题（# …）：文章标题写在 title 字段，小标题请用 ##');
        }
        addHeadingId(node, slugger, headings);
        break;
      case 'link':
      case 'definition':
        checkUrl(node.url, node, report);
        links.push({ url: node.url, line: node.position?.start.line ?? 1 });
        break;
      case 'image':
        report(node, '正文', '图片请用 <Figure src="./图片.jpg" alt="画面描述" credit="摄影者" caption="图注" />，以便写明替代文字和署名');
        return;
      case 'paragraph':
      case 'tableCell':
        fixQuotesIn(node);
        break;
      default:
        break;
    }
    if ('children' in node) {
      liftBlockComponents(node);
      for (const child of [...node.children]) visit(child, node);
    }
  };
  visit(tree, undefined);

  const hast = toHast(tree, {
    allowDangerousHtml: false,
    footnoteLabel: '注释',
    footnoteBackLabel: '返回正文',
  }) as HastRoot;
  const html = problems.length ? '' : toHtml(hast);
  const texts: TextBlock[] = [];
  collectTexts(tree, '正文', texts);
  return {
    frontmatter,
    frontmatterLine,
    html,
    headings,
    figures,
    problems: problems.sort((a, b) => a.line - b.line || a.column - b.column),
    characterCount: countCharacters(tree),
    texts: [...texts, ...attributeTexts].sort((a, b) => a.line - b.line),
    figureSources,
    links,
  };
}

const PHRASING = new Set([
  'text',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'inlineCode',
  'break',
  'mdxJsxTextElement',
  'footnoteReference',
]);

/** The body's text, block by block, with the field it sits in (`正文` or the component). */
function collectTexts(node: Nodes, field: string, out: TextBlock[]) {
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
    const value = plainText(node);
    if (value.trim()) out.push({ line: node.position?.start.line ?? 1, field, value });
    return;
  }
  if (!('children' in node)) return;
  const inner = node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement' ? `<${node.name ?? ''}>` : field;
  let run: Nodes[] = [];
  const flush = () => {
    const value = run.map(plainText).join('');
    if (value.trim()) out.push({ line: run[0]?.position?.start.line ?? 1, field: inner, value });
    run = [];
  };
  for (const child of node.children as Nodes[]) {
    if (PHRASING.has(child.type)) {
      run.push(child);
    } else {
      flush();
      collectTexts(child, inner, out);
    }
  }
  flush();
}

/**
 * A block component written on one line with its content (`<PullQuote>…</PullQuote>`) parses as a
 * paragraph holding an inline element; such a paragraph is replaced by the component itself, so
 * the HTML never nests a block inside `<p>`.
 */
function liftBlockComponents(parent: Parent) {
  parent.children = parent.children.flatMap<RootContent>((child) => {
    if (child.type !== 'paragraph') return [child];
    const elements = child.children.filter((c) => !isBlank(c));
    const allBlock = elements.length > 0 && elements.every((c) => c.type === 'mdxJsxTextElement' && COMPONENTS[c.name ?? '']?.block);
    if (!allBlock) return [child];
    return elements.map((c) => ({ ...(c as MdxJsxTextElement), type: 'mdxJsxFlowElement' }) as MdxJsxFlowElement);
  });
}

interface TransformContext {
  report: (node: Nodes, field: string, message: string) => void;
  figures: BodyFigure[];
  /** Attribute values readers see (captions, alt text), for the text checks. */
  texts: TextBlock[];
  figureSources: RenderedMdx['figureSources'];
  visit: (node: Nodes, parent: Parent | undefined) => void;
}

function transformComponent(node: MdxJsxFlowElement | MdxJsxTextElement, parent: Parent | undefined, context: TransformContext) {
  const { report } = context;
  const name = node.name ?? '';
  const spec: ComponentSpec | undefined = Object.hasOwn(COMPONENTS, name) ? COMPONENTS[name] : undefined;
  if (!spec) {
    const known = Object.keys(COMPONENTS)
      .filter((n) => !COMPONENTS[n]?.parent)
      .join('、');
    const what = name === '' ? '片段 <>…</>' : /^[a-z]/.test(name) ? `HTML 标签 <${name}>` : `未登记的组件 <${name}>`;
    report(node, '正文', `不允许使用 ${what}：正文只能用网站提供的组件（${known}）`);
    return;
  }
  if (spec.block && node.type === 'mdxJsxTextElement' && !spec.parent) {
    report(node, `<${name}>`, `<${name}> 要单独写一行，前后空一行，不能夹在句子中间`);
    return;
  }
  if (spec.parent && parentName(parent) !== spec.parent) {
    report(node, `<${name}>`, `<${name}> 只能写在 <${spec.parent}> 里面`);
    return;
  }
  const attributes: Record<string, string> = {};
  let ok = true;
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      report(node, `<${name}>`, '不允许 {...展开} 写法，请逐个写属性，例如 alt="……"');
      ok = false;
      continue;
    }
    const field = `<${name}> ${attribute.name}`;
    if (/^on/i.test(attribute.name)) {
      report(node, field, `不允许事件属性 ${attribute.name}`);
      ok = false;
      continue;
    }
    if (!spec.attributes.includes(attribute.name)) {
      report(node, field, `<${name}> 没有属性 ${attribute.name}；可用的属性：${spec.attributes.join('、') || '无'}`);
      ok = false;
      continue;
    }
    const value = attributeValue(attribute);
    if (value === undefined) {
      report(node, field, `属性值只能是双引号里的文字，例如 ${attribute.name}="……"`);
      ok = false;
      continue;
    }
    attributes[attribute.name] = value.trim();
    if (attribute.name !== 'src' && value.trim()) {
      context.texts.push({ line: attribute.position?.start.line ?? node.position?.start.line ?? 1, field, value });
    }
  }
  for (const required of spec.required) {
    if (!attributes[required] && !node.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === required)) {
      report(
        node,
        `<${name}> ${required}`,
        `<${name}> 缺少必填属性 ${required}${spec.hints?.[required] ? `（${spec.hints[required]}）` : ''}`,
      );
      ok = false;
    } else if (attributes[required] === '') {
      report(node, `<${name}> ${required}`, `<${name}> 的 ${required} 不能为空`);
      ok = false;
    }
  }
  if (spec.children === 'none' && hasContent(node)) {
    report(node, `<${name}>`, `<${name}> 不写内容，请写成自闭合的 <${name} … />`);
    ok = false;
  }
  if (spec.children === 'required' && !hasContent(node)) {
    report(node, `<${name}>`, `<${name}> 需要写内容，例如 <${name}>……</${name}>`);
    ok = false;
  }
  if (spec.children === 'only' && spec.only) {
    // `<Event date="…">text</Event>` on its own line parses as a paragraph holding an inline
    // element: lift such elements out so the list holds the components themselves.
    node.children = (node.children as RootContent[]).flatMap((child): RootContent[] =>
      child.type === 'paragraph' && child.children.every((c) => isBlank(c) || c.type === 'mdxJsxTextElement') ? child.children : [child],
    ) as typeof node.children;
    for (const child of node.children) {
      if (isBlank(child)) continue;
      const childName = 'name' in child ? child.name : undefined;
      if (!spec.only.includes(childName ?? '')) {
        report(child, `<${name}>`, `<${name}> 里只能写 ${spec.only.map((n) => `<${n}>`).join('、')}`);
        ok = false;
      }
    }
    node.children = node.children.filter((child) => !isBlank(child)) as typeof node.children;
  }
  if (name === 'Figure' && attributes.src !== undefined) {
    checkImagePath(attributes.src, node, report);
    context.figureSources.push({ src: attributes.src, line: node.position?.start.line ?? 1 });
  }
  for (const child of [...node.children]) context.visit(child, node);
  if (!ok) return;

  let index = -1;
  if (name === 'Figure') {
    index = context.figures.length;
    context.figures.push({
      src: attributes.src ?? '',
      alt: attributes.alt ?? '',
      credit: attributes.credit ?? '',
      caption: attributes.caption,
      licence: attributes.licence,
      line: node.position?.start.line ?? 1,
    });
  }
  const children = toHastChildren(node);
  const element = spec.render(attributes, children, index);
  (node as unknown as { data: unknown }).data = {
    hName: element.tagName,
    hProperties: element.properties,
    hChildren: element.children,
  };
}

/** Renders the children of a component to hast, so the component can wrap them. */
function toHastChildren(node: MdxJsxFlowElement | MdxJsxTextElement): ElementContent[] {
  const root: Root = { type: 'root', children: node.children };
  const hast = toHast(root) as HastRoot;
  return hast.children as ElementContent[];
}

function parentName(parent: Parent | undefined): string | undefined {
  return parent && 'name' in parent ? (parent.name as string | undefined) : undefined;
}

function attributeValue(attribute: MdxJsxAttribute): string | undefined {
  if (attribute.value === null || attribute.value === undefined) return '';
  return typeof attribute.value === 'string' ? attribute.value : undefined;
}

function hasContent(node: MdxJsxFlowElement | MdxJsxTextElement): boolean {
  return node.children.some((child) => !isBlank(child));
}

function isBlank(node: RootContent | PhrasingContent): boolean {
  return node.type === 'text' && node.value.trim() === '';
}

function checkImagePath(src: string, node: Nodes, report: TransformContext['report']) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) {
    report(node, '<Figure> src', '图片必须放在文章文件夹里，用相对路径，例如 ./photo-1.jpg（不能用网址）');
  } else if (src.startsWith('/') || src.split('/').includes('..')) {
    report(node, '<Figure> src', '图片必须放在文章文件夹里，例如 ./photo-1.jpg（不能用 / 或 .. 开头）');
  } else if (!/\.(jpe?g|png|webp|avif)$/i.test(src)) {
    report(node, '<Figure> src', '图片格式应是 .jpg、.png、.webp 或 .avif');
  }
}

function checkUrl(url: string, node: Nodes, report: TransformContext['report']) {
  const trimmed = url.trim();
  if (trimmed.startsWith('#') || trimmed.startsWith('/') || trimmed.startsWith('./')) {
    if (trimmed.startsWith('//')) report(node, '链接', `链接地址 ${trimmed} 缺少 https:`);
    return;
  }
  // Browsers drop control characters and spaces inside a URL's scheme (`java\tscript:`): so does this.
  // eslint-disable-next-line no-control-regex
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed.replace(/[\u0000-\u0020]/g, ''));
  if (!scheme) {
    report(node, '链接', `链接地址 ${trimmed} 应以 https:// 开头`);
    return;
  }
  if (!SAFE_PROTOCOLS.has(`${scheme[1]?.toLowerCase()}:`)) {
    report(node, '链接', `不允许 ${scheme[1]}: 链接，只能链接到 http(s) 网址或邮箱`);
  }
}

function addHeadingId(node: Heading, slugger: GithubSlugger, headings: HeadingInfo[]) {
  const text = plainText(node);
  const slug = slugger.slug(text);
  node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id: slug } };
  headings.push({ depth: node.depth, slug, text });
}

function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

const CJK = /[\p{Script=Han}]/u;

const PHRASING_PARENTS = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);

/**
 * Pairs the straight quotes of one block (a paragraph, a heading, a cell, a component's inline
 * text) across its text nodes: in `"**不怕**"` the two quotes sit in different nodes and must
 * still become “ and ”.
 */
function fixQuotesIn(block: Nodes) {
  const texts: { value: string }[] = [];
  const collect = (node: Nodes) => {
    for (const child of ('children' in node ? node.children : []) as Nodes[]) {
      if (child.type === 'text') texts.push(child);
      else if (PHRASING_PARENTS.has(child.type)) collect(child);
    }
  };
  collect(block);
  const joined = texts.map((t) => t.value).join('');
  const fixed = fixChineseQuotes(joined);
  if (fixed === joined) return;
  // fixChineseQuotes replaces one character by one, so the pieces keep their lengths.
  let offset = 0;
  for (const text of texts) {
    const length = text.value.length;
    text.value = fixed.slice(offset, offset + length);
    offset += length;
  }
}

/**
 * Straight double quotes typed in Chinese text become “ ” in pairs; English smart-quote rules
 * (which turn 「」-style Chinese quoting inside out) are never applied.
 */
export function fixChineseQuotes(value: string): string {
  if (!value.includes('"') || !CJK.test(value)) return value;
  let open = true;
  return value.replace(/"/g, () => {
    const mark = open ? '“' : '”';
    open = !open;
    return mark;
  });
}

function countCharacters(tree: Root): number {
  const text = plainText(tree);
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const words = text.replace(/\p{Script=Han}/gu, ' ').match(/[A-Za-z0-9]+/g)?.length ?? 0;
  return han + words;
}

function describeParseError(error: unknown): { line: number; column: number; reason: string } {
  const e = error as { line?: number; column?: number; reason?: string; message?: string };
  const reason = translateParseReason(e.reason ?? e.message ?? String(error));
  return { line: e.line ?? 1, column: e.column ?? 1, reason };
}

/** The MDX parser's messages, in words an editor can act on. */
function translateParseReason(reason: string): string {
  if (/Unexpected character .* before name/.test(reason) || /Unexpected character `[^`]+` \(U\+003C\)/.test(reason)) {
    return `尖括号 < 后面应是组件名；如果要写小于号，请用全角＜（${reason}）`;
  }
  if (reason.includes('Expected a closing tag')) return `组件没有结束标签，请补上 </…> 或写成 <… />（${reason}）`;
  if (/Unexpected closing slash|Unexpected closing tag/.test(reason)) return `结束标签和开始标签不配对（${reason}）`;
  if (reason.includes('Could not parse expression')) return `花括号 {…} 里的内容不能解析；正文不允许花括号表达式（${reason}）`;
  if (reason.includes('Could not parse import/exports')) return `不允许 import 或 export（${reason}）`;
  return reason;
}

function extractFrontmatterFallback(source: string): string | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
  return match?.[1];
}
