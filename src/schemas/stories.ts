/** Stories (先进事迹 reports): `content/stories/<slug>/index.mdx`, frontmatter below. */
import { z } from 'astro/zod';
import { createFiguresSchema, createImageSchema, isoDate, slug, text, type SchemaHelpers } from './common.ts';

/** One correction made after publication. */
export const correctionSchema = z
  .object({
    /** 更正的日期，YYYY-MM-DD。 */
    date: isoDate,
    /** 改了什么，用读者看得懂的一句话写明。 */
    text,
  })
  .strict();

/** The fields an editor writes in a story's frontmatter. */
export function createStoryFields<I extends z.ZodType, R extends z.ZodType>(helpers: SchemaHelpers<I, R>) {
  return {
    /** 标题。 */
    title: text,
    /** 副标题，常写作“记某校某老师”。 */
    subtitle: text.optional(),
    /** 文中人物：教师简介的文件夹名，至少一位，例如 [lin-qiuyun]。 */
    teachers: z.array(helpers.reference('teachers')).min(1, '至少要有一位教师'),
    /** 作者。 */
    writer: text,
    /** 在本站首次发布的日期，YYYY-MM-DD，加引号。 */
    published: isoDate,
    /** 最后一次实质修改的日期，YYYY-MM-DD；没改过就不写。 */
    updated: isoDate.optional(),
    /** 摘要：一两句话，用在列表、分享预览和搜索结果里，最多 200 字。 */
    summary: text.max(200, '摘要最多 200 字'),
    /** 题图，要写替代文字、署名和许可。 */
    cover: createImageSchema(helpers).extend({
      /** 图片的许可，例如 CC BY-NC-ND 4.0 或 版权所有。 */
      licence: text,
    }),
    /** 主题，至少一个，例如 [师德, 乡村教育]。 */
    themes: z.array(text).min(1, '至少要有一个主题'),
    /** 转载时写明原载处。 */
    source: z
      .object({
        /** 首发的报纸、杂志或网站。 */
        outlet: text,
        /** 原文发表日期，YYYY-MM-DD。 */
        date: isoDate,
        /** 原文网址（网上能找到时），以 https:// 开头。 */
        url: z.url({ protocol: /^https?$/, error: '应是 http(s) 开头的网址' }).optional(),
      })
      .strict()
      .optional(),
    /** 发布后的更正记录，按时间先后，每次一条。 */
    corrections: z.array(correctionSchema).default([]),
    /** 写虚构人物的示例稿件填 true，网站会标“示例”；真实报道不写。 */
    sample: z.boolean().default(false),
    /** 还没写完时填 true：草稿不会发布。 */
    draft: z.boolean().default(false),
  };
}

/** The frontmatter an editor writes for a story. */
export function createStorySchema<I extends z.ZodType, R extends z.ZodType>(helpers: SchemaHelpers<I, R>) {
  return withStoryRules(z.object(createStoryFields(helpers)).strict());
}

/** What the loader stores: the frontmatter plus the figures found in the body. */
export function createStoredStorySchema<I extends z.ZodType, R extends z.ZodType>(helpers: SchemaHelpers<I, R>) {
  return withStoryRules(z.object({ ...createStoryFields(helpers), figures: createFiguresSchema(helpers) }).strict());
}

function withStoryRules<T extends z.ZodObject<{ published: typeof isoDate; updated: z.ZodOptional<typeof isoDate> }>>(schema: T) {
  return schema.refine((s) => !s.updated || s.updated >= s.published, {
    error: '更新日期不能早于发布日期',
    path: ['updated'],
  });
}

/** Story slugs are ASCII; exported for the scaffolder. */
export const storySlug = slug;

export type StoryData = z.output<ReturnType<typeof createStoredStorySchema>>;
