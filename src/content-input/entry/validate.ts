/**
 * Validates content with the collection schemas outside Astro: the same schemas the build uses,
 * with stand-ins for Astro's helpers that check what they can (an image file exists) and leave
 * references to the cross-collection checks. Errors come back as Chinese problems with lines.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'astro/zod';
import type { ContentProblem } from '../problem.ts';
import type { CollectionName, SchemaHelpers } from '../../schemas/common.ts';
import { describeIssue, describePath, getAtPath } from '../../schemas/describe-issue.ts';

/** Helpers for checking an entry in `absoluteFile`: images must exist next to it. */
export function createCheckHelpers(absoluteFile: string): SchemaHelpers {
  return {
    image: () =>
      z
        .string({ error: '应是图片文件的路径，例如 ./cover.jpg' })
        .refine((src) => !/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith('/'), '图片必须是文章文件夹里的文件，用相对路径，例如 ./cover.jpg')
        .refine((src) => /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/') || existsSync(resolve(dirname(absoluteFile), src)), '找不到这个图片文件，请检查文件名和路径'),
    reference: (collection: CollectionName) =>
      z
        .string({ error: `应是 ${collection} 中条目的 id（小写拼音和连字符）` })
        .min(1, '不能为空')
        .transform((id) => ({ collection, id })),
  };
}

export interface ValidationResult<T> {
  data: T | undefined;
  problems: ContentProblem[];
}

/** Validates `value` against `schema`; problems name the file, the line and the field. */
export function validateWithSchema<T>(
  schema: z.ZodType<T>,
  value: unknown,
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
  pathPrefix: readonly PropertyKey[] = [],
): ValidationResult<T> {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, problems: [] };
  const knownKeys = topLevelKeys(schema);
  const problems = result.error.issues.map((issue) => {
    const path = [...pathPrefix, ...issue.path];
    const keyPath = issue.code === 'unrecognized_keys' ? [...path, issue.keys[0] ?? ''] : path;
    return {
      file,
      line: lineOf(keyPath),
      field: describePath(issue.code === 'unrecognized_keys' ? keyPath : path),
      message: describeIssue(issue, issue.path.length === 0 ? knownKeys : [], getAtPath(value, issue.path)),
    };
  });
  return { data: undefined, problems };
}

function topLevelKeys(schema: z.ZodType): string[] {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}
