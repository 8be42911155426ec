/**
 * Reading one MDX entry (a story or a teacher): the body rendered by `renderMdx` (parsed as data,
 * never compiled or run), the frontmatter parsed and validated with the collection's schema,
 * every problem with its file, line and field. The content check and the MDX loader both call
 * `loadMdxEntry`.
 */
import type { z } from 'astro/zod';
import type { SchemaHelpers } from '../../schemas/common.ts';
import type { ContentProblem } from '../problem.ts';
import type { TextBlock } from '../rules/quotes.ts';
import { renderMdx } from './render-mdx.ts';
import { createCheckHelpers, validateEntry } from './validate.ts';
import { parseYamlSource, type YamlSource } from './yaml-source.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The frontmatter schema an editor writes, given helpers (for the Chinese checks). */
export type CreateSchema = (helpers: SchemaHelpers) => z.ZodType;

export interface LoadedMdx {
  id: string;
  /** Path relative to the project root. */
  file: string;
  /** Frontmatter plus the body's figures, ready for `parseData`. */
  data: Record<string, unknown>;
  html: string;
  headings: { depth: number; slug: string; text: string }[];
  characterCount: number;
  problems: ContentProblem[];
  /** The parsed frontmatter (lines and field paths), when it could be parsed. */
  frontmatter: YamlSource | undefined;
  /** The body's text block by block, for the content checks. */
  texts: TextBlock[];
  /** Every `<Figure src>` in the body, valid or not. */
  figureSources: { src: string; line: number }[];
  /** Every link in the body, with its line (links to the site's own pages are checked across entries). */
  links: { url: string; line: number }[];
}

/** Reads, renders and checks one MDX entry. Shared by the loader and the content checker. */
export function loadMdxEntry(source: string, file: string, absoluteFile: string, createSchema: CreateSchema): LoadedMdx {
  const id = file.split('/').at(-2) ?? '';
  const problems: ContentProblem[] = [];
  if (!SLUG.test(id)) {
    problems.push({ file, field: '文件夹名', message: `文件夹名 “${id}” 会成为网址，只能用小写拼音字母、数字和连字符，例如 lin-qiuyun` });
  }
  // An editor that saves "UTF-8 with BOM" puts U+FEFF before the opening `---`.
  const rendered = renderMdx(source);
  for (const p of rendered.problems) {
    problems.push({ file, line: p.line, field: p.field, message: p.message });
  }
  let data: Record<string, unknown> = {};
  let frontmatter: YamlSource | undefined;
  if (rendered.frontmatter === undefined) {
    problems.push({ file, line: 1, field: 'frontmatter', message: '文件开头缺少 --- 包围的字段区（frontmatter）' });
  } else {
    const yaml = parseYamlSource(rendered.frontmatter, rendered.frontmatterLine - 1);
    frontmatter = yaml;
    for (const e of yaml.errors) problems.push({ file, line: e.line, field: 'frontmatter', message: e.message });
    if (yaml.value !== undefined) {
      if (yaml.value === null || typeof yaml.value !== 'object' || Array.isArray(yaml.value)) {
        problems.push({ file, line: rendered.frontmatterLine, field: 'frontmatter', message: '字段区应是 “字段: 值” 的列表' });
      } else {
        data = yaml.value as Record<string, unknown>;
        const checked = validateEntry(createSchema, absoluteFile, data, file, yaml.lineOf);
        problems.push(...checked.problems);
      }
    }
  }
  const figureHelpers = createCheckHelpers(absoluteFile);
  for (const figure of rendered.figures) {
    const check = figureHelpers.image().safeParse(figure.src);
    if (!check.success) {
      problems.push({
        file,
        line: figure.line,
        field: '<Figure> src',
        message: `${figure.src}：${check.error.issues[0]?.message ?? '图片有误'}`,
      });
    }
  }
  const figures = rendered.figures.map(({ caption, licence, ...rest }) => ({
    ...rest,
    ...(caption ? { caption } : {}),
    ...(licence ? { licence } : {}),
  }));
  return {
    id,
    file,
    data: { ...data, figures },
    html: rendered.html,
    headings: rendered.headings,
    characterCount: rendered.characterCount,
    problems,
    frontmatter,
    texts: rendered.texts,
    figureSources: rendered.figureSources,
    links: rendered.links,
  };
}
