/**
 * The content loader for collections editors write in MDX (stories, teachers): every
 * `<slug>/index.mdx` under `base` is parsed as data by `renderMdx` (never compiled or run),
 * validated, and stored with its rendered HTML and a digest, so an unchanged entry is not
 * rendered again. In `astro dev` the watcher reloads an edited file.
 */
import { readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import type { TextBlock } from '../lib/checks/quotes.ts';
import { ContentError, type ContentProblem } from '../lib/content-problem.ts';
import { parseYamlSource, type YamlSource } from '../lib/yaml-source.ts';
import type { SchemaHelpers } from '../schemas/common.ts';
import { takeCheckedEntry } from './checked-entries.ts';
import { readContentFile } from './read-content.ts';
import { renderMdx } from './render-mdx.ts';
import { createCheckHelpers, validateWithSchema } from './validate.ts';

/** Bumped when the renderer's output changes, so stored entries are rendered again. */
const RENDERER_VERSION = '2';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface MdxLoaderOptions {
  /** Folder holding one `<slug>/index.mdx` per entry, relative to the project root. */
  base: string;
  /** The frontmatter schema an editor writes, given helpers (for the Chinese checks). */
  createSchema: (helpers: SchemaHelpers) => z.ZodType;
}

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
}

/** Reads, renders and checks one MDX entry. Shared by the loader and the content checker. */
export function loadMdxEntry(
  source: string,
  file: string,
  absoluteFile: string,
  createSchema: MdxLoaderOptions['createSchema'],
): LoadedMdx {
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
        const checked = validateWithSchema(createSchema(createCheckHelpers(absoluteFile)), data, file, yaml.lineOf);
        problems.push(...checked.problems);
      }
    }
  }
  const figureHelpers = createCheckHelpers(absoluteFile);
  for (const figure of rendered.figures) {
    const check = figureHelpers.image().safeParse(figure.src);
    if (!check.success) {
      problems.push({ file, line: figure.line, field: '<Figure> src', message: `${figure.src}：${check.error.issues[0]?.message ?? '图片有误'}` });
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
  };
}

/** Lists `<slug>/index.mdx` files under a folder, relative to it. */
export async function listMdxEntries(baseDir: string): Promise<string[]> {
  const dirents = await readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const d of dirents) {
    if (!d.isDirectory()) continue;
    const inner = await readdir(join(baseDir, d.name)).catch(() => [] as string[]);
    if (inner.includes('index.mdx')) files.push(`${d.name}/index.mdx`);
  }
  return files.sort();
}

export function mdxLoader(options: MdxLoaderOptions): Loader {
  return {
    name: 'yangwang-mdx-loader',
    load: async (context: LoaderContext) => {
      const root = fileURLToPath(context.config.root);
      const baseDir = resolve(root, options.base);
      const seen = new Set<string>();

      const sync = async (absoluteFile: string): Promise<ContentProblem[]> => {
        const file = relative(root, absoluteFile).split('\\').join('/');
        const read = await readContentFile(absoluteFile, file);
        if (!read.ok) return [read.problem];
        const source = read.text;
        const digest = context.generateDigest(`${RENDERER_VERSION}\n${source}`);
        const id = file.split('/').at(-2) ?? '';
        seen.add(id);
        const existing = context.store.get(id);
        // Unchanged since the last build: keep the stored entry (its images stay registered,
        // since Astro rebuilds the image imports from the stored entries).
        if (existing && existing.digest === digest) return [];
        const loaded = takeCheckedEntry(absoluteFile, source) ?? loadMdxEntry(source, file, absoluteFile, options.createSchema);
        if (loaded.problems.length) return loaded.problems;
        const data = await context.parseData({ id, data: loaded.data, filePath: file });
        context.store.set({
          id,
          data,
          filePath: file,
          digest,
          rendered: {
            html: loaded.html,
            metadata: { headings: loaded.headings, characterCount: loaded.characterCount },
          },
        });
        return [];
      };

      const problems: ContentProblem[] = [];
      for (const entry of await listMdxEntries(baseDir)) {
        problems.push(...(await sync(join(baseDir, entry))));
      }
      for (const id of context.store.keys()) {
        if (!seen.has(id)) context.store.delete(id);
      }
      if (problems.length) throw new ContentError(problems);

      const watcher = context.watcher;
      if (!watcher) return;
      watcher.add(baseDir);
      const isEntry = (path: string) => path.startsWith(baseDir) && path.endsWith('/index.mdx');
      const onChange = async (path: string) => {
        if (!isEntry(path)) return;
        try {
          const found = await sync(path);
          if (found.length) context.logger.error(new ContentError(found).message);
          else context.logger.info(`已重新载入 ${relative(root, path)}`);
        } catch (error) {
          context.logger.error(`重新载入 ${relative(root, path)} 失败：${(error as Error).message}`);
        }
      };
      watcher.on('change', onChange);
      watcher.on('add', onChange);
      watcher.on('unlink', (path) => {
        if (isEntry(path)) context.store.delete(path.split('/').at(-2) ?? '');
      });
    },
  };
}
