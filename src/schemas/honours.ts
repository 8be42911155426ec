/** Honour rolls: `content/honours/<year>.yaml`, one file per year. */
import { z } from 'astro/zod';
import { honourLevel, isoDate, slug, text, year, type SchemaHelpers } from './common.ts';

/** A named recipient: a teacher with a profile, or a plain name. */
export function createRecipientSchema<I extends z.ZodType, R extends z.ZodType>(helpers: SchemaHelpers<I, R>) {
  return z.union(
    [
      z
        .object({
          /** Slug of the teacher's profile. */
          teacher: helpers.reference('teachers'),
        })
        .strict(),
      z
        .object({
          /** Name of a recipient without a profile. */
          name: text,
          /** The recipient's school id, when known. */
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
      /** Slug of the award within the year, e.g. shide-biaobing. */
      id: slug,
      /** Name of the honour, e.g. 师德标兵. */
      title: text,
      /** Level: 国家级, 省级, 市级, 县区级 or 校级. */
      level: honourLevel,
      /** Who gave it. */
      awardedBy: text,
      /** Day it was given, when known. */
      date: isoDate.optional(),
      /** When it was given, in words, when the day is not known (e.g. 2023年教师节前夕). */
      occasion: text.optional(),
      /** How many people received it. */
      count: z.number().int().positive(),
      /** A sentence of context from the source. */
      note: text.optional(),
      /** The recipients named in the sources; may be fewer than `count`. */
      recipients: z.array(createRecipientSchema(helpers)).default([]),
    })
    .strict()
    .refine((a) => a.recipients.length <= a.count, {
      message: '列出的获奖者多于总人数',
      path: ['recipients'],
    });
}

/** A year's roll. */
export function createHonourYearSchema<I extends z.ZodType, R extends z.ZodType>(helpers: SchemaHelpers<I, R>) {
  return z
    .object({
      /** The year; must match the file name. */
      year,
      /** The document the roll is taken from. */
      source: text,
      /** The awards of the year. */
      awards: z.array(createAwardSchema(helpers)).min(1, '至少要有一项表彰'),
      /** True for a made-up roll (sample content); only such a roll may name sample teachers. */
      sample: z.boolean().default(false),
    })
    .strict();
}

export type HonourYear = z.output<ReturnType<typeof createHonourYearSchema>>;
