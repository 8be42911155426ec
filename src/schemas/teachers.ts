/** Teachers: `content/teachers/<slug>/index.mdx`, frontmatter below, the MDX body is the profile. */
import { z } from 'astro/zod';
import { createFiguresSchema, createImageSchema, honourLevel, stage, text, year, type SchemaHelpers } from './common.ts';

/** An honour as listed on a teacher's profile. */
export const teacherHonourSchema = z
  .object({
    /** 获奖年份。 */
    year,
    /** 荣誉名称，例如 师德标兵。 */
    title: text,
    /** 级别：国家级、省级、市级、县区级或校级。 */
    level: honourLevel,
    /** 授予单位，例如 市教育体育局。 */
    awardedBy: text,
  })
  .strict();

/** The fields an editor writes in a teacher's frontmatter. */
export function createTeacherFields<I extends z.ZodType, R extends z.ZodType>(helpers: SchemaHelpers<I, R>) {
  return {
    /** 姓名（汉字）。 */
    name: text,
    /** 姓名的拼音，带声调，姓在前，姓和名之间空一格：Táng Hàoyīng。 */
    pinyin: z
      .string()
      .regex(/^[\p{Script=Latin}]+(?: [\p{Script=Latin}]+)*$/u, '应是带声调的拼音，姓在前，姓和名之间一个空格，例如 Táng Hàoyīng'),
    /** 所在学校：content/schools.yaml 里的 id。 */
    school: helpers.reference('schools'),
    /** 任教学科，例如 语文；资料没写就不写。 */
    subject: text.optional(),
    /** 任教学段：小学、初中、高中、中职、特殊教育或高校；资料没写就不写。 */
    stage: stage.optional(),
    /** 职称，例如 高级教师；资料没写就不写。 */
    jobTitle: text.optional(),
    /** 获得的荣誉，顺序不限（网站会排序）。 */
    honours: z.array(teacherHonourSchema).default([]),
    /** 照片，要写替代文字和署名；可不写（真实教师没有授权照片时不放）。 */
    portrait: createImageSchema(helpers).optional(),
    /** 示例稿件里的虚构教师填 true，网站会标“示例”；真实教师不写。 */
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
