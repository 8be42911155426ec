/**
 * Real builds over a copy of the content, each with its own cache and output folders (the image
 * caches of the main build copied in, so no picture is encoded again and the main dist/ is not
 * touched):
 * - mistakes found today only after rendering (a published story removed without a redirect, a
 *   redirect that leads nowhere, a picture cut short, a link to a page that does not exist) stop
 *   the build before anything is rendered, with our report alone: no hook name, no stack trace;
 * - a rename done right (the old address redirected) builds, and the redirect reaches Astro.
 */
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildContentCopy, makeContentCopy } from '../helpers/content-copy.ts';

const WORK = resolve('node_modules/.cache/yangwang-url-test');
const REMOVED = 'lou-ding-shang-de-ban-mu-tian';
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

/** A copy of the content, changed by `edit`, built into its own folder. */
function build(name: string, edit: (content: string) => void) {
  const work = join(WORK, name);
  rmSync(work, { recursive: true, force: true });
  const copy = makeContentCopy(work);
  edit(copy.content);
  return { ...buildContentCopy(copy), ...copy };
}

describe('the build guards published URLs and stops on content mistakes before rendering', () => {
  it('lists every mistake as file:line  field  message, renders nothing, and shows no hook name or stack trace', () => {
    const run = build('broken', (content) => {
      rmSync(join(content, 'stories', REMOVED), { recursive: true });
      writeFileSync(
        join(content, 'redirects.yaml'),
        "- from: /stories/an-old-name/\n  to: /stories/does-not-exist/\n  date: '2025-03-01'\n",
      );
      const story = readdirSync(join(content, 'stories')).sort()[0] ?? '';
      const cover = join(content, 'stories', story, 'cover.jpg');
      const bytes = readFileSync(cover);
      writeFileSync(cover, bytes.subarray(0, Math.floor(bytes.length / 2)));
      appendFileSync(join(content, 'stories', story, 'index.mdx'), '\n另见[她的学生写的回忆](/stories/ta-de-xuesheng/)。\n');
    });
    expect(run.status, run.output.slice(-3000)).toBe(1);
    expect(run.output).toContain('内容检查发现 4 个问题');
    expect(run.output).toMatch(
      new RegExp(`published-urls\\.txt:\\d+  /stories/${REMOVED}/  已发布的地址 /stories/${REMOVED}/ 不再生成，也没有转址`),
    );
    expect(run.output).toMatch(
      /redirects\.yaml:1 {2}\/stories\/an-old-name\/ {2}转址 \/stories\/an-old-name\/ → \/stories\/does-not-exist\/ 指向的页面不存在/,
    );
    expect(run.output).toMatch(/index\.mdx:\d+ {2}cover\.src {2}\.\/cover\.jpg：图片文件不完整或已损坏/);
    expect(run.output).toMatch(/index\.mdx:\d+ {2}链接 {2}链接到本站的 \/stories\/ta-de-xuesheng\/，但网站没有这个页面/);
    expect(run.output).toContain('网站没有构建：请先改正上面的问题。');
    expect(run.output).not.toContain('An unhandled error occurred');
    expect(run.output).not.toContain('Stack trace');
    expect(run.output).not.toMatch(/\n\s+at /);
    expect(existsSync(join(run.dist, 'index.html'))).toBe(false);
  }, 300_000);

  it('builds a rename done right: the old address becomes a redirect page and a line of _redirects', () => {
    const run = build('renamed', (content) => {
      const target =
        readdirSync(join(content, 'stories'))
          .sort()
          .find((s) => s !== REMOVED) ?? '';
      rmSync(join(content, 'stories', REMOVED), { recursive: true });
      writeFileSync(join(content, 'redirects.yaml'), `- from: /stories/${REMOVED}/\n  to: /stories/${target}/\n  date: '2025-03-01'\n`);
    });
    expect(run.status, run.output.slice(-3000)).toBe(0);
    const page = readFileSync(join(run.dist, `stories/${REMOVED}/index.html`), 'utf-8');
    expect(page).toMatch(/<meta http-equiv="refresh" content="0;url=\/stories\/[a-z-]+\/">/);
    expect(readFileSync(join(run.dist, '_redirects'), 'utf-8')).toContain(`/stories/${REMOVED}/ /stories/`);
  }, 300_000);
});
