/** Volumes (compiled books like 仰望; 文集 to editors): `content/collections/<slug>.yaml`. */
import { z } from 'astro/zod';
import { parseTrimSize, TRIM_SIZE_HINT } from '../lib/trim-size.ts';
import { createImageSchema, isoDate, text, year, type SchemaHelpers } from './common.ts';

/** A volume: its facts and its chapters in reading order. */
export function createVolumeSchema<I extends z.ZodType, R extends z.ZodType>(helpers: SchemaHelpers<I, R>) {
  return z
    .object({
      /** 书名，例如 仰望。 */
      title: text,
      /** 副书名，例如 优秀教师先进事迹报告集。 */
      subtitle: text.optional(),
      /** 出版年份，四位数字。 */
      year,
      /** 编者。 */
      editor: text,
      /** 出版（印制发行）单位。 */
      publisher: text,
      /** 印数（知道时写），数字，例如 12000。 */
      printRun: z.number().int().positive().optional(),
      /** 简介：几句话介绍这本文集。 */
      description: text,
      /** 封面图，要写替代文字和署名；可不写。 */
      cover: createImageSchema(helpers).optional(),
      /** 前言：印在书的目录之前，可以有几段，段与段之间空一行；可不写。 */
      preface: text.optional(),
      /** 印制日期（印在版权页上），YYYY-MM-DD，加引号；不写时只印出版年份。 */
      printed: isoDate.optional(),
      /** 版权和许可说明，印在版权页上；不写时印网站的转载说明。 */
      licence: text.optional(),
      /** 开本（印刷版的成品尺寸）：宽×高（毫米），例如 185×260，或写 16开、大32开、A5；不写时为 16开（185×260）。 */
      trim: z
        .string({ error: `应是开本尺寸：${TRIM_SIZE_HINT}` })
        .refine((value) => parseTrimSize(value) !== undefined, {
          error: (issue) => `“${String(issue.input)}” 不是开本尺寸：${TRIM_SIZE_HINT}`,
        })
        .optional(),
      /** 目录：故事的文件夹名，按阅读顺序排列，篇次按这个顺序编号。 */
      chapters: z.array(helpers.reference('stories')).min(1, '至少要有一篇'),
      /** 为示例内容编的文集填 true，网站会标“示例”。 */
      sample: z.boolean().default(false),
    })
    .strict();
}

export type VolumeData = z.output<ReturnType<typeof createVolumeSchema>>;
