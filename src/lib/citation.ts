/**
 * Citations of a story, for journalists and researchers: GB/T 7714—2015 (the national standard
 * for references, electronic resource `[EB/OL]`) and a plain Chinese one.
 *
 * GB/T 7714—2015 §4.8 (electronic resources):
 * `主要责任者. 题名: 其他题名信息[EB/OL]. (更新或修改日期)[引用日期]. 获取和访问路径.`
 * — the standard's own example: `萧钰. 出版业信息化迈入快车道[EB/OL]. (2001-12-19)[2002-04-15].
 * http://www.creader.com/news/20011219/200112190019.html.` More than three authors: the first
 * three, then `, 等`. The access date is the reader's, so a static page cannot know it: it is
 * left as the placeholder below, which the page's script replaces with the reader's date.
 */
import { getWriterNames } from './structured-data.ts';
import { formatChineseDate } from './dates.ts';

/** What the access date reads before the reader's date is filled in. */
export const ACCESS_DATE_PLACEHOLDER = '引用日期';

export interface CitableStory {
  /** The writer line as published (`仰望编辑部 周南`, `张三、李四`). */
  writer: string;
  title: string;
  subtitle?: string | undefined;
  /** `YYYY-MM-DD`. */
  published: string;
  /** `YYYY-MM-DD`, when changed since. */
  updated?: string | undefined;
  /** The site's name. */
  site: string;
  /** Absolute permanent URL. */
  url: string;
}

/** The people to name, GB/T style: up to three, then `等`. */
function formatGbtAuthors(writer: string): string {
  const names = getWriterNames(writer);
  return names.length > 3 ? `${names.slice(0, 3).join(', ')}, 等` : names.join(', ');
}

/** Ends a part with a full stop unless it already ends with one (`等.` not `等..`). */
function withStop(text: string): string {
  return /[.。?？!！]$/.test(text) ? text : `${text}.`;
}

/**
 * GB/T 7714—2015 reference. `accessed` is the reader's date (`YYYY-MM-DD`); without it the
 * placeholder `[引用日期]` stands in its place.
 */
export function formatGbtCitation(story: CitableStory, accessed?: string): string {
  const title = story.subtitle ? `${story.title}: ${story.subtitle}` : story.title;
  const date = story.updated ?? story.published;
  return [
    withStop(formatGbtAuthors(story.writer)),
    ` ${title}[EB/OL].`,
    ` (${date})[${accessed ?? ACCESS_DATE_PLACEHOLDER}].`,
    ` ${story.url}.`,
  ].join('');
}

/** A plain citation as Chinese newspapers write one. */
export function formatPlainCitation(story: CitableStory): string {
  const title = story.subtitle ? `《${story.title}——${story.subtitle}》` : `《${story.title}》`;
  const updated = story.updated ? `，${formatChineseDate(story.updated)}更新` : '';
  return `${story.writer}：${title}，${story.site}，${formatChineseDate(story.published)}${updated}。${story.url}`;
}
