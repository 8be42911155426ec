/**
 * Building blocks shared by the collection schemas. Every schema module takes its Astro helpers
 * (`image`, `reference`) as arguments, so the same schema serves the build (real helpers) and the
 * content checker and tests (plain stand-ins), without importing `astro:content`.
 *
 * The one-line comment on each field is written in Chinese: it is the editors' documentation.
 * The field tables of docs/editors-guide.md and the files `npm run new` writes are generated from
 * these comments (scripts/lib/schema-fields.ts), and a test keeps them in step.
 */
import { z } from 'astro/zod';
import { isRealIsoDate } from '../lib/dates.ts';

/**
 * What a schema needs from Astro: the image helper and the reference helper. Generic, so the
 * types Astro's helpers produce (ImageMetadata, `{ collection, id }`) flow into the entries.
 */
export interface SchemaHelpers<I extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  /** Resolves an image path relative to the entry file (Astro's `image()`). */
  image: () => I;
  /** Points at an entry of another collection (Astro's `reference()`). */
  reference: (collection: CollectionName) => R;
}

/** Names of the content collections. */
export type CollectionName = 'teachers' | 'stories' | 'volumes' | 'schools' | 'honours';

/** School stages, in the order readers expect them. */
export const STAGES = ['小学', '初中', '高中', '中职', '特殊教育', '高校'] as const;

/** Levels of an honour, from highest to lowest. */
export const HONOUR_LEVELS = ['国家级', '省级', '市级', '县区级', '校级'] as const;

/** An ASCII slug: lowercase letters, digits and single hyphens. */
export const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '只能用小写拼音字母、数字和连字符，例如 lin-qiuyun');

/** A non-empty line of text. */
export const text = z.string().trim().min(1, '不能为空');

/** A calendar date written `YYYY-MM-DD`, checked to exist (2023-02-30 is refused). */
export const isoDate = z
  .string({ error: '应是写成 YYYY-MM-DD 的日期，例如 2024-09-10（请加引号）' })
  .refine(isRealIsoDate, '不是真实存在的日期，应写成 YYYY-MM-DD，例如 2024-09-10');

/** A four-digit year. */
export const year = z.number({ error: '应是四位数年份，例如 2023' }).int().min(1949).max(2100);

/** A school stage. */
export const stage = z.enum(STAGES, { error: `应是以下之一：${STAGES.join('、')}` });

/** An honour level. */
export const honourLevel = z.enum(HONOUR_LEVELS, {
  error: `应是以下之一：${HONOUR_LEVELS.join('、')}`,
});

/** An image with the text every image must carry: alt text and a credit. */
export function createImageSchema<I extends z.ZodType>({ image }: { image: () => I }) {
  return z
    .object({
      /** 图片文件，放在同一文件夹里，例如 ./cover.jpg。 */
      src: image(),
      /** 替代文字：用一句话描述画面，给看不见图片的读者。 */
      alt: text,
      /** 署名：摄影者、绘图者或来源。 */
      credit: text,
    })
    .strict();
}

/**
 * Figures found in an MDX body by the loader (never written in frontmatter): the image goes
 * through Astro's pipeline like a cover does.
 */
export function createFiguresSchema<I extends z.ZodType>({ image }: { image: () => I }) {
  return z
    .array(
      z
        .object({
          /** 图片文件，相对于文章。 */
          src: image(),
          /** 替代文字。 */
          alt: text,
          /** 署名。 */
          credit: text,
          /** 图注。 */
          caption: text.optional(),
          /** 图片许可。 */
          licence: text.optional(),
          /** <Figure> 在文件中的行号。 */
          line: z.number().int(),
        })
        .strict(),
    )
    .default([]);
}
