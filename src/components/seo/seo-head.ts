/**
 * What a page hands to SeoHead.astro besides its title and description: the breadcrumb trail, the
 * share image, article dates and feeds. In a TypeScript module rather than the component, so that
 * every tool (astro check, typescript-eslint, vitest) reads the same types.
 */

export interface Crumb {
  /** Text of the crumb. */
  name: string;
  /** Site path of the page. */
  path: string;
}

export interface ShareImage {
  /** Site path of the image (`/share/stories/x.jpg`). */
  path: string;
  width: number;
  height: number;
  /** What the image shows, for screen readers in apps that use it. */
  alt: string;
}

export interface ArticleFacts {
  /** `YYYY-MM-DD`. */
  published: string;
  /** `YYYY-MM-DD`: the updated date, or the published one. */
  modified: string;
  /** Themes. */
  tags: readonly string[];
}

export interface FeedLink {
  title: string;
  /** Site path of the feed. */
  path: string;
  type: 'application/rss+xml' | 'application/atom+xml';
}
