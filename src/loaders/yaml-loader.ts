/**
 * Loaders for the collections kept in YAML (schools, honours, collections). YAML is parsed with
 * the 1.2 core schema, so dates stay text and impossible dates are caught; every problem names
 * its file, line and field, and all of them are reported at once.
 */
import { readdir } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import { ContentError, type ContentProblem } from '../lib/content-problem.ts';
import { parseYamlSource, type YamlSource } from '../lib/yaml-source.ts';
import type { SchemaHelpers } from '../schemas/common.ts';
import { readContentFile } from './read-content.ts';
import { createCheckHelpers, validateWithSchema } from './validate.ts';

type CreateSchema = (helpers: SchemaHelpers) => z.ZodType;

export interface YamlEntry {
  id: string;
  file: string;
  data: Record<string, unknown>;
}

export interface YamlLoadResult {
  entries: YamlEntry[];
  problems: ContentProblem[];
  /** The parsed file (lines and field paths), for the content checks. */
  yaml: YamlSource;
}

/** Reads a list file (each item has an `id`) and checks every item. */
export function loadYamlList(source: string, file: string, absoluteFile: string, createSchema: CreateSchema): YamlLoadResult {
  const yaml = parseYamlSource(source);
  const problems: ContentProblem[] = yaml.errors.map((e) => ({ file, line: e.line, field: 'YAML', message: e.message }));
  if (yaml.value === undefined) return { entries: [], problems, yaml };
  if (!Array.isArray(yaml.value)) {
    return { entries: [], problems: [{ file, line: 1, field: '（整个文件）', message: '应是以 “- id: …” 开头的列表' }], yaml };
  }
  const schema = createSchema(createCheckHelpers(absoluteFile));
  const entries: YamlEntry[] = [];
  const ids = new Map<string, number>();
  yaml.value.forEach((item: unknown, index: number) => {
    const checked = validateWithSchema(schema, item, file, yaml.lineOf, [index]);
    problems.push(...checked.problems);
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id === 'string') {
      const first = ids.get(id.toLowerCase());
      if (first !== undefined) {
        problems.push({ file, line: yaml.lineOf([index, 'id']), field: `${index}.id`, message: `id “${id}” 与第 ${first + 1} 项重复，每项的 id 必须不同` });
      } else {
        ids.set(id.toLowerCase(), index);
      }
      if (!checked.problems.length) entries.push({ id, file, data: item as Record<string, unknown> });
    }
  });
  return { entries, problems, yaml };
}

/** Reads one file that is one entry; its id is the file name without `.yaml`. */
export function loadYamlFile(source: string, file: string, absoluteFile: string, createSchema: CreateSchema): YamlLoadResult {
  const id = basename(file).replace(/\.ya?ml$/, '');
  const yaml = parseYamlSource(source);
  const problems: ContentProblem[] = yaml.errors.map((e) => ({ file, line: e.line, field: 'YAML', message: e.message }));
  if (yaml.value === undefined) return { entries: [], problems, yaml };
  const checked = validateWithSchema(createSchema(createCheckHelpers(absoluteFile)), yaml.value, file, yaml.lineOf);
  problems.push(...checked.problems);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
    problems.push({ file, field: '文件名', message: `文件名 “${id}” 会成为网址，只能用小写拼音字母、数字和连字符` });
  }
  const data = yaml.value as Record<string, unknown>;
  if (/^\d{4}$/.test(id) && typeof data?.year === 'number' && String(data.year) !== id) {
    problems.push({ file, line: yaml.lineOf(['year']), field: 'year', message: `year 写的是 ${data.year}，但文件名是 ${id}.yaml，两者应一致` });
  }
  return { entries: problems.length ? [] : [{ id, file, data }], problems, yaml };
}

/** Lists the `.yaml` files of a folder, sorted. */
export async function listYamlFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => /\.ya?ml$/.test(n)).sort();
}

async function storeEntries(context: LoaderContext, result: Omit<YamlLoadResult, 'yaml'>) {
  if (result.problems.length) throw new ContentError(result.problems);
  for (const entry of result.entries) {
    const data = await context.parseData({ id: entry.id, data: entry.data, filePath: entry.file });
    context.store.set({ id: entry.id, data, filePath: entry.file, digest: context.generateDigest(entry.data) });
  }
}

function watch(context: LoaderContext, path: string, reload: () => Promise<void>) {
  if (!context.watcher) return;
  context.watcher.add(path);
  const onChange = async (changed: string) => {
    if (!changed.startsWith(path)) return;
    try {
      await reload();
      context.logger.info(`已重新载入 ${changed}`);
    } catch (error) {
      context.logger.error((error as Error).message);
    }
  };
  context.watcher.on('change', onChange);
  context.watcher.on('add', onChange);
  context.watcher.on('unlink', onChange);
}

/** One YAML file holding a list of entries, each with an `id`. */
export function yamlListLoader(options: { file: string; createSchema: CreateSchema }): Loader {
  return {
    name: 'yangwang-yaml-list-loader',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const absolute = resolve(root, options.file);
      // Astro stores file paths relative to the project root.
      const file = relative(root, absolute).split('\\').join('/');
      const reload = async () => {
        const read = await readContentFile(absolute, file);
        if (!read.ok) throw new ContentError([read.problem]);
        const result = loadYamlList(read.text, file, absolute, options.createSchema);
        context.store.clear();
        await storeEntries(context, result);
      };
      await reload();
      watch(context, absolute, reload);
    },
  };
}

/** A folder of YAML files, one entry per file. */
export function yamlFilesLoader(options: { base: string; createSchema: CreateSchema }): Loader {
  return {
    name: 'yangwang-yaml-files-loader',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const dir = resolve(root, options.base);
      const reload = async () => {
        const combined: Omit<YamlLoadResult, 'yaml'> = { entries: [], problems: [] };
        for (const name of await listYamlFiles(dir)) {
          const absolute = join(dir, name);
          const file = relative(root, absolute).split('\\').join('/');
          const read = await readContentFile(absolute, file);
          if (!read.ok) {
            combined.problems.push(read.problem);
            continue;
          }
          const result = loadYamlFile(read.text, file, absolute, options.createSchema);
          combined.entries.push(...result.entries);
          combined.problems.push(...result.problems);
        }
        context.store.clear();
        await storeEntries(context, combined);
      };
      await reload();
      watch(context, dir, reload);
    },
  };
}
