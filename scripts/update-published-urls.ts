/**
 * `npm run urls:update`: after a build, adds every new page and feed to the list of published
 * URLs (`content/published-urls.txt`), so later builds keep them working. Never removes a URL:
 * a page that goes away needs a redirect instead (`content/redirects.yaml`).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getUrlFiles } from '../src/content-input/entry/redirects-file.ts';
import { checkBuiltSite } from '../src/content-input/tree/built-site.ts';
import { mergePublishedUrls } from '../src/content-input/rules/permanent-urls.ts';

const contentDir = process.env.YANGWANG_CONTENT_DIR ?? 'content';
const distDir = process.argv[2] ?? 'dist';
if (!existsSync(join(distDir, 'index.html'))) {
  console.error(`找不到 ${distDir}/index.html：请先运行 npm run build`);
  process.exit(1);
}
const { list } = getUrlFiles(contentDir);
const result = checkBuiltSite(distDir, contentDir);
if (result.error) {
  console.error(result.error);
  process.exit(1);
}
const before = existsSync(list) ? readFileSync(list, 'utf-8') : '';
writeFileSync(list, mergePublishedUrls(before, result.unlisted));
console.log(
  result.unlisted.length
    ? `登记了 ${result.unlisted.length} 个新地址到 ${list}：\n${result.unlisted.map((u) => `  ${u}`).join('\n')}\n请提交这个文件。`
    : `没有新地址，${list} 不用改。`,
);
