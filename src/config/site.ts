/**
 * Facts about the site that editors or operators may change. The site's URL is set in
 * astro.config.mjs (or the SITE_URL environment variable) and read as `Astro.site`.
 */
export const SITE = {
  /** Name of the site. */
  name: '仰望',
  /** What the site is, in a line. */
  tagline: '优秀教师先进事迹',
  /** Longer description for the home page and feeds. */
  description: '仰望：全市优秀教师、师德标兵、学科带头人和专业技术拔尖人才的先进事迹与荣誉名录，收录《仰望》优秀教师先进事迹报告集。',
  /** Who publishes the site. */
  publisher: '市教育体育局',
  /** Language of every page. */
  lang: 'zh-CN',
  /** Contact address for editors' corrections and reprint requests. */
  email: 'yangwang@example.org',
  /** Terms for reprinting articles. */
  reprint: '欢迎转载。转载文字请注明作者和出处“仰望”，并附原文链接；图片的版权和许可以各图署名为准。商业用途请先联系编辑部。',
  /** Stories per page on the stories index. */
  storiesPerPage: 9,
} as const;
