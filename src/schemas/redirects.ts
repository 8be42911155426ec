/** Redirects: `content/redirects.yaml`, a list; each keeps an old URL working after a rename or removal. */
import { z } from 'astro/zod';
import { SITE_PATH } from '../content-input/rules/permanent-urls.ts';
import { isoDate, text } from './common.ts';

/** A path on this site, as in `published-urls.txt`. */
const sitePath = z
  .string({ error: '应是本站地址，以 / 开头，例如 /stories/shan-li-de-deng/' })
  .regex(SITE_PATH, '应是本站地址：以 / 开头，只用小写字母、数字和连字符，页面地址以 / 结尾，例如 /stories/shan-li-de-deng/');

/** One redirect. */
export const redirectSchema = z
  .object({
    /** 旧地址，和发布时一字不差，例如 /stories/old-slug/。 */
    from: sitePath,
    /** 新地址：代替它的页面，必须存在（不能是另一条转址）。 */
    to: sitePath,
    /** 添加这条转址的日期，YYYY-MM-DD。 */
    date: isoDate,
    /** 原因：为什么旧地址不用了，一句话，留作记录。 */
    reason: text.optional(),
  })
  .strict()
  .refine((r) => r.from !== r.to, { error: '旧地址和新地址相同', path: ['to'] });

/** The whole file: a list of redirects (an empty list `[]` when there are none). */
export const redirectsSchema = z.array(redirectSchema, { error: '应是列表：每条以 “- from: …” 开头；没有转址时文件里只留注释' });

export type RedirectEntry = z.output<typeof redirectSchema>;
