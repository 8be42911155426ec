/** Stories (先进事迹 reports): `content/stories/<slug>/index.mdx`, frontmatter below. */
import { z } from 'astro/zod';
import { createFiguresSchema, createImageSchema, isoDate, slug, text, type SchemaHelpers } from './common.ts';

/** One correction made after publication. */
export const correctionSchema = z
  .object({
    /** Day the correction was made. */
    date: isoDate,
    /** What was corrected, in a sentence readers understand. */
    text,
  })
  .strict();

/** The fields an editor writes in a story's frontmatter. */
export function createStoryFields<I extends z.ZodType, R extends z.ZodType>(helpers: SchemaHelpers<I, R>) {
  return {
      /** Headline. */
      title: text,
      /** Subtitle, often "记某校某老师". */
      subtitle: text.optional(),
      /** The teachers the story is about, by profile slug (at least one). */
      teachers: z.array(helpers.reference('teachers')).min(1, '至少要有一位教师'),
      /** Who wrote the story. */
      writer: text,
      /** Day first published on this site, `YYYY-MM-DD`. */
      published: isoDate,
      /** Day of the last substantive change, `YYYY-MM-DD`; leave out if never changed. */
      updated: isoDate.optional(),
      /** One or two sentences for lists, previews and search results. */
      summary: text.max(200, '摘要最多 200 字'),
      /** Cover image with alt text, credit and licence. */
      cover: createImageSchema(helpers).extend({
        /** Licence of the image, e.g. CC BY-NC-ND 4.0 or 版权所有. */
        licence: text,
      }),
      /** Themes, e.g. 师德, 乡村教育, 特殊教育. */
      themes: z.array(text).min(1, '至少要有一个主题'),
      /** Where the story first appeared, when this is a reprint. */
      source: z
        .object({
          /** Newspaper, magazine or site that first published it. */
          outlet: text,
          /** Day of the original publication. */
          date: isoDate,
          /** Address of the original, when it is online. */
          url: z.url({ protocol: /^https?$/, error: '应是 http(s) 开头的网址' }).optional(),
        })
        .strict()
        .optional(),
      /** Corrections made after publication, oldest first. */
      corrections: z.array(correctionSchema).default([]),
      /** True for the sample stories about fictional teachers; shown as 示例. */
      sample: z.boolean().default(false),
      /** True while the story is not ready; drafts are never built. */
      draft: z.boolean().default(false),
  };
}

/** The frontmatter an editor writes for a story. */
export function createStorySchema<I extends z.ZodType, R extends z.ZodType>(helpers: SchemaHelpers<I, R>) {
  return withStoryRules(z.object(createStoryFields(helpers)).strict());
}

/** What the loader stores: the frontmatter plus the figures found in the body. */
export function createStoredStorySchema<I extends z.ZodType, R extends z.ZodType>(helpers: SchemaHelpers<I, R>) {
  return withStoryRules(
    z.object({ ...createStoryFields(helpers), figures: createFiguresSchema(helpers) }).strict(),
  );
}

function withStoryRules<T extends z.ZodObject<{ published: typeof isoDate; updated: z.ZodOptional<typeof isoDate> }>>(schema: T) {
  return schema.refine((s) => !s.updated || s.updated >= s.published, {
    message: '更新日期不能早于发布日期',
    path: ['updated'],
  });
}

/** Story slugs are ASCII; exported for the scaffolder. */
export const storySlug = slug;

export type StoryData = z.output<ReturnType<typeof createStoredStorySchema>>;
