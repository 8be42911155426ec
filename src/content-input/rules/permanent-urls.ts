/**
 * Permanent URLs: newspapers print our links, so a URL the site has published must keep working.
 * These pure functions compare the committed list of published URLs and the editors' redirects
 * with the pages of the site: before the build with the pages the content will make
 * (tree/site-urls.ts, in the content check), and after it with what `dist/` holds
 * (tree/built-site.ts).
 */

/** A redirect from an old site path to the page that replaced it. */
export interface Redirect {
  from: string;
  to: string;
}

/** Something that breaks the promise of a permanent URL. */
export interface UrlProblem {
  kind: 'missing' | 'redirect-target-missing' | 'redirect-chain' | 'redirect-loop' | 'redirect-shadows-page' | 'list-syntax';
  /** The URL the problem is about (the listed URL, or the redirect's old path). */
  url: string;
  /** The file to fix, relative to the repository. */
  file: string;
  /** 1-based line in the file the problem comes from, when known. */
  line?: number | undefined;
  /** What is wrong and what to do, in Chinese. */
  message: string;
}

/** Site paths: `/`, `/stories/x/`, `/rss.xml`, `/collections/x/rss.xml`. Lowercase ASCII only. */
export const SITE_PATH = /^\/(?:[a-z0-9][a-z0-9._-]*\/)*(?:[a-z0-9][a-z0-9_-]*\.(?:xml|json))?$/;

/** Reads `published-urls.txt`: one site path a line; blank lines and `# comments` are skipped. */
export function parsePublishedUrls(
  text: string,
  file = 'content/published-urls.txt',
): { urls: { url: string; line: number }[]; problems: UrlProblem[] } {
  const urls: { url: string; line: number }[] = [];
  const problems: UrlProblem[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const url = raw.trim();
    if (url === '' || url.startsWith('#')) return;
    if (!SITE_PATH.test(url)) {
      problems.push({
        kind: 'list-syntax',
        url,
        file,
        line,
        message: `“${url}”不是本站地址：应以 / 开头，页面地址以 / 结尾，例如 /stories/shan-li-de-deng/`,
      });
      return;
    }
    const first = seen.get(url);
    if (first !== undefined) {
      problems.push({ kind: 'list-syntax', url, file, line, message: `与第 ${first} 行重复` });
      return;
    }
    seen.set(url, line);
    urls.push({ url, line });
  });
  return { urls, problems };
}

/**
 * The URL of a built file, when it is one the site promises to keep: pages (`…/index.html`),
 * feeds (`rss.xml`, `atom.xml`) and the sitemap index. Not listed: the 404 page, hashed assets,
 * share images, the numbered sitemap parts and the paginated story lists (`/stories/page/2/`),
 * whose contents shift as stories are added; nobody cites them.
 */
export function getPermanentUrl(file: string): string | undefined {
  const path = file.split('\\').join('/');
  // The web editor (/admin/) is a tool, not a published page.
  if (path.startsWith('admin/')) return undefined;
  if (path === 'index.html') return '/';
  if (path.endsWith('/index.html')) {
    const url = `/${path.slice(0, -'index.html'.length)}`;
    return /\/page\/\d+\/$/.test(url) ? undefined : url;
  }
  if (/(^|\/)(rss|atom)\.xml$/.test(path) || path === 'sitemap-index.xml') return `/${path}`;
  return undefined;
}

/** Checks the published URLs and the redirects against what the build produced. */
export function checkPermanentUrls(input: {
  /** URLs listed in published-urls.txt, with their lines. */
  published: readonly { url: string; line?: number | undefined }[];
  /** Real pages and feeds of the build (redirect pages not included). */
  produced: ReadonlySet<string>;
  /** The editors' redirects, with the line of each in redirects.yaml. */
  redirects: readonly (Redirect & { line?: number | undefined })[];
  /** Paths of the files, for the messages. */
  files: { list: string; redirects: string };
}): UrlProblem[] {
  const { published, produced, redirects, files } = input;
  const problems: UrlProblem[] = [];
  const redirectFrom = new Map(redirects.map((r) => [r.from, r]));
  for (const { url, line } of published) {
    if (produced.has(url) || redirectFrom.has(url)) continue;
    problems.push({
      kind: 'missing',
      url,
      file: files.list,
      line,
      message:
        `已发布的地址 ${url} 不再生成，也没有转址（登记在 ${files.list}）。` +
        `报刊印出的链接必须一直有效：如果页面改名或删除，请在 ${files.redirects} 里加一条转址（from: ${url} 到现在的地址）；如果是误删，请恢复这一页。`,
    });
  }
  for (const redirect of redirects) {
    if (produced.has(redirect.from)) {
      problems.push({
        kind: 'redirect-shadows-page',
        url: redirect.from,
        file: files.redirects,
        line: redirect.line,
        message: `转址的旧地址 ${redirect.from} 仍然有页面。旧地址还在用时不需要转址，请删掉 ${files.redirects} 中这一条`,
      });
    }
    if (produced.has(redirect.to)) continue;
    const loop = findLoop(redirect, redirectFrom);
    if (loop) {
      problems.push({
        kind: 'redirect-loop',
        url: redirect.from,
        file: files.redirects,
        line: redirect.line,
        message: `转址绕成了圈：${loop.join(' → ')}，读者永远到不了页面。请让每条转址直接指向一个现有的页面`,
      });
      continue;
    }
    const next = redirectFrom.get(redirect.to);
    problems.push(
      next
        ? {
            kind: 'redirect-chain',
            url: redirect.from,
            file: files.redirects,
            line: redirect.line,
            message: `转址 ${redirect.from} → ${redirect.to} 指向的又是一条转址（→ ${next.to}），请直接指向最终的页面`,
          }
        : {
            kind: 'redirect-target-missing',
            url: redirect.from,
            file: files.redirects,
            line: redirect.line,
            message: `转址 ${redirect.from} → ${redirect.to} 指向的页面不存在，请改成一个存在的页面地址`,
          },
    );
  }
  return problems;
}

/** The addresses of a loop that starts at `start` (`a → b → a`), or undefined when it ends somewhere. */
function findLoop(start: Redirect, redirectFrom: ReadonlyMap<string, Redirect>): string[] | undefined {
  const path = [start.from];
  let current: Redirect | undefined = start;
  while (current) {
    path.push(current.to);
    if (current.to === start.from) return path;
    if (path.indexOf(current.to) < path.length - 1) return undefined; // a loop further on: reported from its own lines
    current = redirectFrom.get(current.to);
  }
  return undefined;
}

/** Produced URLs that are not listed yet, sorted. */
export function findUnlistedUrls(published: readonly string[], produced: ReadonlySet<string>): string[] {
  const listed = new Set(published);
  return [...produced].filter((url) => !listed.has(url)).sort();
}

/** The list file with the new URLs merged in: comments first, then every URL, sorted. */
export function mergePublishedUrls(text: string, add: readonly string[]): string {
  const lines = text.split(/\r?\n/);
  const header = [];
  for (const line of lines) {
    if (line.trim() !== '' && !line.trim().startsWith('#')) break;
    header.push(line);
  }
  while (header.length && header.at(-1)?.trim() === '') header.pop();
  const urls = new Set(parsePublishedUrls(text).urls.map((u) => u.url));
  for (const url of add) urls.add(url);
  const sorted = [...urls].sort();
  return `${[...header, ...(header.length ? [''] : []), ...sorted].join('\n')}\n`;
}

/** One message for all problems, as the build prints it. */
export function formatUrlProblems(problems: readonly UrlProblem[]): string {
  return `永久地址检查发现 ${problems.length} 个问题：\n${problems
    .map((p) => `  ${p.file}${p.line ? `:${p.line}` : ''}  ${p.url}  ${p.message}`)
    .join('\n')}`;
}
