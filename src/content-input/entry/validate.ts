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

/** Helpers whose images are looked for in the folder `folderOf()` names. */
function createHelpers(folderOf: () => string): SchemaHelpers {
  return {
    image: () =>
      z
        .string({ error: '应是图片文件的路径，例如 ./cover.jpg' })
        .refine(
          (src) => !/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith('/'),
          '图片必须是文章文件夹里的文件，用相对路径，例如 ./cover.jpg',
        )
        .refine(
          (src) => /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/') || existsSync(resolve(folderOf(), src)),
          '找不到这个图片文件，请检查文件名和路径',
        ),
    reference: (collection: CollectionName) =>
      z
        .string({ error: `应是 ${collection} 中条目的 id（小写拼音和连字符）` })
        .min(1, '不能为空')
        .transform((id) => ({ collection, id })),
  };
}

/** Helpers for checking an entry in `absoluteFile`: images must exist next to it. */
export function createCheckHelpers(absoluteFile: string): SchemaHelpers {
  const folder = dirname(absoluteFile);
  return createHelpers(() => folder);
}

/**
 * The folder of the entry `validateEntry` is validating. A schema is made once per collection,
 * not once per entry (making and compiling a zod schema cost more than validating with it); its
 * image helper reads this while `safeParse` runs, which is synchronous, so no other entry's
 * validation can come in between.
 */
let entryFolder = '';
const sharedHelpers = createHelpers(() => entryFolder);
const schemas = new WeakMap<(helpers: SchemaHelpers) => z.ZodType, z.ZodType>();

/** Validates the entry in `absoluteFile` with its collection's schema (`createSchema`, made once); as `validateWithSchema`. */
export function validateEntry<T>(
  createSchema: (helpers: SchemaHelpers) => z.ZodType<T>,
  absoluteFile: string,
  value: unknown,
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
  pathPrefix: readonly PropertyKey[] = [],
): ValidationResult<T> {
  let schema = schemas.get(createSchema) as z.ZodType<T> | undefined;
  if (!schema) {
    schema = createSchema(sharedHelpers);
    schemas.set(createSchema, schema);
  }
  entryFolder = dirname(absoluteFile);
  try {
    return validateWithSchema(schema, value, file, lineOf, pathPrefix);
  } finally {
    entryFolder = '';
  }
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
