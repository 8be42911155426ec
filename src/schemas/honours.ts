/** Honour rolls: `content/honours/<year>.yaml`, one file per year. */
import { z } from 'astro/zod';
import { honourLevel, isoDate, slug, text, year, type SchemaHelpers } from './common.ts';

/** A named recipient: a teacher with a profile, or a plain name. */
export function createRecipientSchema<I extends z.ZodType, R extends z.ZodType>(helpers: SchemaHelpers<I, R>) {
  return z.union(
    [
      z
        .object({
          /** 有简介的获奖教师：教师文件夹名。 */
          teacher: helpers.reference('teachers'),
        })
        .strict(),
      z
        .object({
          /** 没有简介的获奖者：姓名。 */
          name: text,
          /** 没有简介的获奖者的学校 id（知道时写）。 */
          school: helpers.reference('schools').optional(),
        })
        .strict(),
    ],
    { error: '每位获奖者写成 { teacher: 教师slug } 或 { name: 姓名, school: 学校id }' },
  );
}

/** One award in a year's roll. */
export function createAwardSchema<I extends z.ZodType, R extends z.ZodType>(helpers: SchemaHelpers<I, R>) {
  return z
    .object({
      /** 这项表彰在本年度的 id（拼音），例如 shide-biaobing。 */
      id: slug,
      /** 荣誉名称，例如 师德标兵。 */
      title: text,
      /** 级别：国家级、省级、市级、县区级或校级。 */
      level: honourLevel,
      /** 授予单位。 */
      awardedBy: text,
      /** 表彰日期（知道时写），YYYY-MM-DD。 */
      date: isoDate.optional(),
      /** 不知道具体日期时，用文字写时间，例如 2023年教师节前夕。 */
      occasion: text.optional(),
      /** 获奖总人数。 */
      count: z.number().int().positive(),
      /** 说明：来自原始资料的一句背景。 */
      note: text.optional(),
      /** 资料中写明的获奖者，可以少于总人数。 */
      recipients: z.array(createRecipientSchema(helpers)).default([]),
    })
    .strict()
    .refine((a) => a.recipients.length <= a.count, {
      error: '列出的获奖者多于总人数',
      path: ['recipients'],
    });
}

/** A year's roll. */
export function createHonourYearSchema<I extends z.ZodType, R extends z.ZodType>(helpers: SchemaHelpers<I, R>) {
  return z
    .object({
      /** 年度，必须和文件名一致。 */
      year,
      /** 名单出处（文件名称）。 */
      source: text,
      /** 本年度的各项表彰。 */
      awards: z.array(createAwardSchema(helpers)).min(1, '至少要有一项表彰'),
      /** 为示例内容编的名录填 true；只有这样的名录可以列入示例教师。 */
      sample: z.boolean().default(false),
    })
    .strict();
}

export type HonourYear = z.output<ReturnType<typeof createHonourYearSchema>>;
