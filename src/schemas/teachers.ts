/** Teachers: `content/teachers/<slug>/index.mdx`, frontmatter below, the MDX body is the profile. */
import { z } from 'astro/zod';
import {
  createFiguresSchema,
  createImageSchema,
  honourLevel,
  stage,
  text,
  year,
  type SchemaHelpers,
} from './common.ts';

/** An honour as listed on a teacher's profile. */
export const teacherHonourSchema = z
  .object({
    /** Year the honour was given. */
    year,
    /** Name of the honour, e.g. 师德标兵. */
    title: text,
    /** Level of the honour: 国家级, 省级, 市级, 县区级 or 校级. */
    level: honourLevel,
    /** Who gave it, e.g. 市教育体育局. */
    awardedBy: text,
  })
  .strict();

/** The fields an editor writes in a teacher's frontmatter. */
export function createTeacherFields<I extends z.ZodType, R extends z.ZodType>(helpers: SchemaHelpers<I, R>) {
  return {
      /** Full name in Chinese characters. */
      name: text,
      /** Name in Hanyu Pinyin with tone marks, family name first: Táng Hàoyīng. */
      pinyin: z
        .string()
        .regex(
          /^[\p{Script=Latin}]+(?: [\p{Script=Latin}]+)*$/u,
          '应是带声调的拼音，姓在前，姓和名之间一个空格，例如 Táng Hàoyīng',
        ),
      /** The school's id in `content/schools.yaml`. */
      school: helpers.reference('schools'),
      /** Subject taught, e.g. 语文; leave out when the sources do not say. */
      subject: text.optional(),
      /** Stage taught; leave out when the sources do not say. */
      stage: stage.optional(),
      /** Professional title (职称), e.g. 高级教师; leave out when the sources do not say. */
      jobTitle: text.optional(),
      /** Honours received, any order (the site sorts them). */
      honours: z.array(teacherHonourSchema).default([]),
      /** Portrait with alt text and credit; never required (real teachers have none here). */
      portrait: createImageSchema(helpers).optional(),
      /** True for fictional teachers of the sample stories; shown as 示例. */
      sample: z.boolean().default(false),
  };
}

/** The frontmatter an editor writes for a teacher. */
export function createTeacherSchema<I extends z.ZodType, R extends z.ZodType>(helpers: SchemaHelpers<I, R>) {
  return z.object(createTeacherFields(helpers)).strict();
}

/** What the loader stores: the frontmatter plus the figures found in the profile. */
export function createStoredTeacherSchema<I extends z.ZodType, R extends z.ZodType>(helpers: SchemaHelpers<I, R>) {
  return z.object({ ...createTeacherFields(helpers), figures: createFiguresSchema(helpers) }).strict();
}

export type TeacherData = z.output<ReturnType<typeof createStoredTeacherSchema>>;
