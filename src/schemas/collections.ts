/** Collections (compiled volumes like 仰望): `content/collections/<slug>.yaml`. */
import { z } from 'astro/zod';
import { createImageSchema, text, year, type SchemaHelpers } from './common.ts';

/** A volume: its facts and its chapters in reading order. */
export function createCollectionSchema<I extends z.ZodType, R extends z.ZodType>(helpers: SchemaHelpers<I, R>) {
  return z
    .object({
      /** Title of the volume, e.g. 仰望. */
      title: text,
      /** Subtitle, e.g. 优秀教师先进事迹报告集. */
      subtitle: text.optional(),
      /** Year of the volume. */
      year,
      /** Who compiled it. */
      editor: text,
      /** Who published (printed and distributed) it. */
      publisher: text,
      /** Copies printed, when known. */
      printRun: z.number().int().positive().optional(),
      /** A few sentences about the volume. */
      description: text,
      /** Cover image with alt text and credit. */
      cover: createImageSchema(helpers).optional(),
      /** Stories in reading order, by story slug; chapter numbers follow this order. */
      chapters: z.array(helpers.reference('stories')).min(1, '至少要有一篇'),
      /** True for a volume made up for the sample content; shown as 示例. */
      sample: z.boolean().default(false),
    })
    .strict();
}

export type CollectionData = z.output<ReturnType<typeof createCollectionSchema>>;
