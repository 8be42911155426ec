/** Schools: one list in `content/schools.yaml`, read by the school pages, profiles and search. */
import { z } from 'astro/zod';
import { slug, stage, text } from './common.ts';

export const schoolSchema = z
  .object({
    /** 学校页面的网址 /schools/<id>/（拼音），定下后不再改。 */
    id: slug,
    /** 学校全称。 */
    name: text,
    /** 所在区县；资料没写就不写。 */
    district: text.optional(),
    /** 学段（小学、初中、高中、中职、特殊教育、高校），不知道时写 []。 */
    stages: z.array(stage).default([]),
    /** 示例稿件里虚构的学校填 true，网站会标“示例”。 */
    sample: z.boolean().default(false),
  })
  .strict();

export type School = z.output<typeof schoolSchema>;
