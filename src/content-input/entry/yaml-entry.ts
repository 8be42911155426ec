/**
 * Reading the YAML entries (schools, honours, volumes): parsed with the YAML 1.2 core schema,
 * so dates stay text and impossible dates are caught, and validated with the collection's
 * schema; every problem names its file, line and field. The content check and the YAML loaders
 * both call these.
 */
import { readdir } from 'node:fs/promises';
import { basename } from 'node:path';
import type { z } from 'astro/zod';
import type { SchemaHelpers } from '../../schemas/common.ts';
import type { ContentProblem } from '../problem.ts';
import { validateEntry } from './validate.ts';
import { parseYamlSource, type YamlSource } from './yaml-source.ts';

export type CreateSchema = (helpers: SchemaHelpers) => z.ZodType;

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
  const entries: YamlEntry[] = [];
  const ids = new Map<string, number>();
  yaml.value.forEach((item: unknown, index: number) => {
    const checked = validateEntry(createSchema, absoluteFile, item, file, yaml.lineOf, [index]);
    problems.push(...checked.problems);
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id === 'string') {
      const first = ids.get(id.toLowerCase());
      if (first !== undefined) {
        problems.push({
          file,
          line: yaml.lineOf([index, 'id']),
          field: `${index}.id`,
          message: `id “${id}” 与第 ${first + 1} 项重复，每项的 id 必须不同`,
        });
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
  const checked = validateEntry(createSchema, absoluteFile, yaml.value, file, yaml.lineOf);
  problems.push(...checked.problems);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
    problems.push({ file, field: '文件名', message: `文件名 “${id}” 会成为网址，只能用小写拼音字母、数字和连字符` });
  }
  const data = yaml.value as Record<string, unknown>;
  if (/^\d{4}$/.test(id) && typeof data.year === 'number' && String(data.year) !== id) {
    problems.push({
      file,
      line: yaml.lineOf(['year']),
      field: 'year',
      message: `year 写的是 ${data.year}，但文件名是 ${id}.yaml，两者应一致`,
    });
  }
  return { entries: problems.length ? [] : [{ id, file, data }], problems, yaml };
}

/** Lists the `.yaml` files of a folder, sorted. */
export async function listYamlFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => /\.ya?ml$/.test(n)).sort();
}
