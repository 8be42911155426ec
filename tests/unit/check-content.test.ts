/**
 * The content check over small content trees: the valid base tree, and one case per kind of
 * mistake laid over it (tests/fixtures/checks/cases/<case>/). Each case must report exactly the
 * listed problems (file, line, field, and a phrase of the message) and nothing else; any problem
 * makes `npm run check:content` exit 1 (the CLI tests below run the real command).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content-input/tree/check-content.ts';
import { CHECK_FIXTURES, makeContentRoot } from '../helpers/check-fixtures.ts';

type Expected = [file: string, line: number | undefined, field: string, says: string];

const S = 'stories/shan-li-de-deng/index.mdx';
const L = 'teachers/lin-qiuyun/index.mdx';
const H = 'honours/2023.yaml';
const C = 'collections/yangwang.yaml';

/** Every case folder, with what it must report (paths relative to content/). */
const CASES: Record<string, Expected[]> = {
  // Schema errors: the loader's own schemas and messages.
  'schema-missing-field': [[S, 2, 'writer', '缺少必填字段']],
  'schema-unknown-field': [[L, 16, 'colour', '不认识的字段 “colour”']],
  'schema-malformed-field': [[L, 6, 'stage', '应是以下之一']],
  'schema-impossible-date': [[S, 6, 'published', '不是真实存在的日期']],
  'schema-yaml-syntax': [[H, 8, 'YAML', 'YAML 格式错误']],
  'schema-duplicate-school-id': [['schools.yaml', 14, '2.id', '与第 1 项重复']],
  'teacher-pinyin-mismatch': [['teachers/tang-haoying/index.mdx', 3, 'pinyin', '的声调和姓名 “唐浩瑛” 对不上：按姓名应是 Táng Hàoyīng']],
  // Two entries at one address.
  'duplicate-letter-case': [
    ['stories/Shan-Li-De-Deng/index.mdx', undefined, '文件夹名', '只能用小写拼音字母'],
    ['stories/Shan-Li-De-Deng/index.mdx', undefined, '文件夹名', '只差大小写'],
  ],
  'duplicate-copied-folder': [
    ['stories/shan-li-de-deng-2/index.mdx', 2, 'title', '标题和人物都与 content/stories/shan-li-de-deng/index.mdx 相同'],
  ],
  'duplicate-copy-name': [
    ['stories/shan-li-de-deng - 副本/index.mdx', undefined, '文件夹名', '只能用小写拼音字母'],
    ['stories/shan-li-de-deng - 副本/index.mdx', undefined, '文件夹名', '像是复制出来的'],
    ['stories/shan-li-de-deng - 副本/index.mdx', 2, 'title', '标题和人物都与'],
  ],
  'duplicate-yaml-extension': [['honours/2023.yml', undefined, '文件名', '的网址相同（/honours/2023/）']],
  'duplicate-teacher': [['teachers/lin-qiuyun-2/index.mdx', 2, 'name', '同一位教师（姓名、学校和简介都相同）']],
  'duplicate-award-id': [[H, 13, 'awards.1.id', '与第 1 项表彰重复']],
  // References that do not resolve, and fiction mixed with real people.
  'reference-story-teacher': [[S, 4, 'teachers.0', '找不到教师 “lin-qiuyn”：content/teachers/ 下没有这个文件夹；是否想写 lin-qiuyun？']],
  'reference-teacher-school': [[L, 4, 'school', '找不到学校 “yunling-qinglan”']],
  'reference-collection-story': [[C, 8, 'chapters.0', '找不到故事 “shan-li-de-den”']],
  'reference-honour-teacher': [[H, 10, 'awards.0.recipients.0.teacher', '找不到教师 “tang-haoyin”']],
  'reference-honour-school': [[H, 12, 'awards.0.recipients.1.school', '找不到学校 “tunxi-erzong”']],
  'reference-collection-draft': [[C, 8, 'chapters.0', '还是草稿']],
  'reference-sample-story-real-teacher': [[S, 4, 'teachers.0', '示例故事（sample: true）写的是真实教师']],
  'reference-real-teacher-sample-school': [['teachers/tang-haoying/index.mdx', 4, 'school', '真实教师不能放在示例（虚构）学校']],
  'reference-honour-sample-teacher': [
    [H, 10, 'awards.0.recipients.0.teacher', '真实的表彰名录（没有 sample: true）不能列入示例（虚构）教师'],
  ],
  // Personal data, wherever it is written.
  'personal-id-number': [[S, 16, '正文', '疑似身份证号 110***********002X']],
  'personal-mobile': [[L, 5, 'subject', '疑似手机号 139****5678']],
  'personal-email': [[S, 16, '正文', '电子邮箱 linqiuyun@qq.com 不是本站公开的邮箱']],
  'personal-in-comment': [['schools.yaml', 1, '注释', '疑似手机号']],
  'personal-home-address': [[L, 18, '正文', '疑似家庭住址（3栋2单元501室）']],
  // Draft leftovers and quotation marks.
  'leftover-placeholder-place': [[S, 7, 'summary', '草稿占位 “xx市”']],
  'leftover-placeholder-year': [[S, 20, '正文', '草稿占位日期 “20xx年”']],
  'leftover-placeholder-name': [[S, 20, '正文', '草稿占位 “XXX”']],
  'leftover-todo': [[S, 18, '<Figure> caption', '待办标记 “TODO”']],
  'leftover-missing-character': [[C, 6, 'description', '缺字符号 “□□”']],
  'quotes-unmatched': [[S, 20, '正文', '这个 “ 没有对应的 ”']],
  'quotes-wrong-mark': [
    [S, 16, '正文', '错误的引号 “〞”'],
    [S, 16, '正文', '这个 “ 没有对应的 ”'],
  ],
  'quotes-in-field': [[S, 3, 'subtitle', '这个 」 前面没有对应的 「']],
  // Unsafe MDX: the loader's rules, all at once.
  'mdx-import': [[S, 16, '正文', '不允许 import 或 export']],
  'mdx-expression': [[S, 20, '正文', '不允许花括号表达式']],
  'mdx-html-tags': [
    [S, 22, '正文', 'HTML 标签 <script>'],
    [S, 24, '正文', 'HTML 标签 <iframe>'],
    [S, 26, '正文', 'HTML 标签 <style>'],
  ],
  'mdx-event-attribute': [[S, 22, '<PullQuote> onClick', '不允许事件属性 onClick']],
  'mdx-javascript-url': [[S, 20, '链接', '不允许 javascript: 链接']],
  'mdx-unknown-component': [[S, 22, '正文', '未登记的组件 <Video>']],
  // Images.
  'image-missing-file': [
    ['stories/shan-li-de-deng/cover.jpg', undefined, '图片文件', '没有被用到'],
    [S, 9, 'cover.src', '找不到这个图片文件'],
  ],
  'image-missing-alt': [[S, 18, '<Figure> alt', '缺少必填属性 alt']],
  'image-missing-credit': [[S, 8, 'cover.credit', '缺少必填字段']],
  'image-meaningless-alt': [[L, 14, 'portrait.alt', '替代文字 “照片” 没有描述画面']],
  'image-too-many-pixels': [[S, 22, '<Figure> src', '5000 × 8 像素，长边不能超过 4096 像素']],
  'image-too-many-bytes': [[S, 22, '<Figure> src', '图片文件太大：4.5 MB，上限是 4.0 MB']],
  'image-unused': [['stories/shan-li-de-deng/photo-2.jpg', undefined, '图片文件', '没有被用到']],
  'image-unsupported-format': [['teachers/lin-qiuyun/portrait-2.heic', undefined, '文件位置', '不能使用 .heic 格式的图片']],
  'image-broken-file': [[S, 22, '<Figure> src', '图片文件打不开']],
  'image-truncated': [[S, 22, '<Figure> src', './night-road.jpg：图片文件不完整或已损坏']],
  // The site's own addresses: redirects, published URLs, links between its pages; and
  // collections with nothing in them (Astro only warns, after rendering).
  'redirect-loop': [
    ['redirects.yaml', 1, '/stories/deng/', '转址绕成了圈：/stories/deng/ → /stories/shan-deng/ → /stories/deng/'],
    ['redirects.yaml', 4, '/stories/shan-deng/', '转址绕成了圈：/stories/shan-deng/ → /stories/deng/ → /stories/shan-deng/'],
  ],
  'redirect-target-missing': [
    ['redirects.yaml', 2, '/stories/shan-li-deng/', '转址 /stories/shan-li-deng/ → /stories/shan-li-de-den/ 指向的页面不存在'],
  ],
  'published-url-vanished': [
    ['published-urls.txt', 5, '/stories/yi-pian-jiu-gushi/', '已发布的地址 /stories/yi-pian-jiu-gushi/ 不再生成，也没有转址'],
  ],
  'link-missing-page': [[S, 22, '链接', '链接到本站的 /teachers/lin-qiuyn/，但网站没有这个页面：是否想写 /teachers/lin-qiuyun/？']],
  'collection-empty': [['honours/', undefined, '文件位置', '网站至少要有一份表彰名录']],
  // Encoding, empty stories, files the site would not read.
  'encoding-gbk': [['teachers/tang-haoying/index.mdx', 2, '文件编码', '不是 UTF-8 编码（看起来是 GBK']],
  'empty-story': [
    [S, 16, '正文', '正文是空的'],
    ['stories/shan-li-de-deng/photo-1.jpg', undefined, '图片文件', '没有被用到'],
  ],
  'outside-loose-file': [['stories/new-story.mdx', undefined, '文件位置', '每篇故事要有自己的文件夹']],
  'outside-wrong-file-name': [['stories/man-man-lai/index.md', undefined, '文件位置', '请把 index.md 改名为 index.mdx']],
  'outside-unknown-folder': [['news', undefined, '文件位置', '网站不读取 content/ 下的这个文件夹']],
  'outside-draft-document': [['stories/shan-li-de-deng/原稿.docx', undefined, '文件位置', '原稿、说明等请不要放在 content/ 里']],
};

/** Cases whose files cannot be committed: made in the temporary tree before checking. */
const PREPARE: Record<string, (root: string) => void> = {
  // The only honour roll removed (git keeps no empty folder: the case holds a .gitkeep).
  'collection-empty': (root) => rmSync(join(root, 'content/honours/2023.yaml')),
  // A real JPEG followed by 4.5 MB of padding: opens fine, too many bytes.
  'image-too-many-bytes': (root) => {
    const folder = join(root, 'content/stories/shan-li-de-deng');
    writeFileSync(join(folder, 'big.jpg'), Buffer.concat([readFileSync(join(folder, 'cover.jpg')), Buffer.alloc(4.5 * 1024 * 1024)]));
  },
};

const roots: (() => void)[] = [];
afterAll(() => roots.forEach((cleanup) => cleanup()));

async function check(caseName?: string) {
  const { root, cleanup } = makeContentRoot(caseName);
  roots.push(cleanup);
  if (caseName) PREPARE[caseName]?.(root);
  return { root, result: await checkContent({ root, contentDir: 'content', cacheFile: false }) };
}

describe('content check: fixtures', () => {
  it('has a case for every fixture folder, and at least 25 of them', () => {
    expect(readdirSync(join(CHECK_FIXTURES, 'cases')).sort()).toEqual(Object.keys(CASES).sort());
    expect(Object.keys(CASES).length).toBeGreaterThanOrEqual(25);
  });

  it('passes the valid base tree', async () => {
    const { result } = await check();
    expect(result.problems).toEqual([]);
    expect(result.counts).toEqual({ stories: 1, teachers: 2, schools: 2, volumes: 1, honours: 1, images: 3 });
  });

  it.each(Object.entries(CASES))('%s: reports exactly its problems', async (caseName, expected) => {
    const { result } = await check(caseName);
    const got = result.problems.map((p) => [p.file, p.line, p.field]);
    expect(got).toEqual(expected.map(([file, line, field]) => [`content/${file}`, line, field]));
    result.problems.forEach((p, i) => expect(p.message).toContain(expected[i]?.[3]));
  });
});

describe('content check: on worker threads', () => {
  // With worker threads (src/content-input/tree/check-workers.ts; `workers` or `--workers` in the
  // benchmark), the report must be what one thread gives, in the same order.
  it.each([undefined, 'quotes-unmatched', 'reference-story-teacher', 'schema-unknown-field'])(
    '%s: reports the same as on one thread',
    async (caseName) => {
      const { root, cleanup } = caseName ? makeContentRoot(caseName) : { root: process.cwd(), cleanup: () => undefined };
      roots.push(cleanup);
      const contentDir = 'content';
      const alone = await checkContent({ root, contentDir, cacheFile: false, workers: 0 });
      const shared = await checkContent({ root, contentDir, cacheFile: false, workers: 2 });
      expect(shared).toEqual(alone);
      if (caseName) expect(alone.problems.length).toBeGreaterThan(0);
      else expect(alone.counts.stories).toBeGreaterThan(2);
    },
  );
});

describe('content check: the shipped content', () => {
  it('has no problems', async () => {
    const result = await checkContent({ root: process.cwd(), contentDir: 'content', cacheFile: false });
    expect(result.problems).toEqual([]);
    expect(result.counts.stories).toBeGreaterThan(0);
  });
});

describe('npm run check:content (the real command)', () => {
  const cli = (root: string) =>
    spawnSync(process.execPath, [resolve('scripts/check-content.ts'), '--root', root, '--content', 'content'], { encoding: 'utf-8' });

  it('exits 0 and says so on clean content', async () => {
    const { root } = await check();
    const run = cli(root);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('内容检查通过：1 篇故事、2 位教师、2 所学校、1 部文集、1 份表彰名录、3 张图片');
  });

  it.each(['schema-impossible-date', 'reference-story-teacher', 'personal-id-number', 'encoding-gbk', 'mdx-html-tags'])(
    '%s: exits 1 and prints each problem as file:line  field  message',
    (caseName) => {
      const { root } = makeContentRoot(caseName);
      roots.push(() => undefined);
      const run = cli(root);
      expect(run.status).toBe(1);
      const lines = run.stderr.split('\n').filter((l) => l.startsWith('  content/'));
      expect(lines.map((l) => l.trim().split('  ').slice(0, 2))).toEqual(
        (CASES[caseName] ?? []).map(([file, line, field]) => [`content/${file}${line ? `:${line}` : ''}`, field]),
      );
      expect(run.stderr).toMatch(/^内容检查发现 \d+ 个问题/);
    },
  );
});
