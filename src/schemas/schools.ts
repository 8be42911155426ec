/** Schools: one list in `content/schools.yaml`, read by the school pages, profiles and search. */
import { z } from 'astro/zod';
import { slug, stage, text } from './common.ts';

export const schoolSchema = z
  .object({
    /** URL slug of the school page, `/schools/<id>/`; chosen once, never changed. */
    id: slug,
    /** Full name of the school as the public knows it. */
    name: text,
    /** District or county the school is in; leave out when the sources do not say. */
    district: text.optional(),
    /** Stages the school teaches (小学, 初中, 高中, 中职, 特殊教育, 高校); empty when unknown. */
    stages: z.array(stage).default([]),
    /** True for the fictional schools of the sample stories; shown as 示例. */
    sample: z.boolean().default(false),
  })
  .strict();

export type School = z.output<typeof schoolSchema>;
