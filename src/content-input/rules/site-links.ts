/**
 * Links between the site's own pages, written in a story or a profile (`[文字](/stories/x/)`):
 * each must lead to a page the site will have, or to an old address a redirect keeps working.
 * Links to other sites, to e-mail, and to files (a path whose last part has a dot) are not
 * checked here.
 */
import { suggestClosest } from './suggest.ts';

/** Paginated story lists: their number depends on how many stories there are; not checked. */
const LIST_PAGE = /^\/stories\/page\/\d+\/$/;

/** The problem with one link's URL, in Chinese, or undefined when it is fine or not a link to this site. */
export function checkSiteLink(url: string, pages: ReadonlySet<string>, redirected: ReadonlySet<string>): string | undefined {
  if (!url.startsWith('/') || url.startsWith('//')) return undefined;
  const path = url.replace(/[?#].*$/, '');
  const last = path.split('/').at(-1) ?? '';
  if (last.includes('.')) return undefined;
  const exists = (p: string) => pages.has(p) || redirected.has(p) || LIST_PAGE.test(p);
  if (exists(path)) return undefined;
  if (!path.endsWith('/') && exists(`${path}/`)) {
    return `本站的页面地址以 / 结尾：请写成 ${path}/${url.slice(path.length)}`;
  }
  const wanted = path.endsWith('/') ? path : `${path}/`;
  const depth = wanted.split('/').length;
  const near = suggestClosest(
    wanted,
    [...pages].filter((p) => p.split('/').length === depth),
  );
  return `链接到本站的 ${path}，但网站没有这个页面${near ? `：是否想写 ${near}？` : '：请检查地址（故事是 /stories/拼音名/，教师是 /teachers/拼音名/）'}`;
}
