/**
 * `npm run check:incremental`: an incremental build must write exactly what a clean build writes.
 *
 * On a copy of `content/` (never `content/` or `dist/` themselves) it makes a clean build, then
 * applies the edits below one after another. After each edit it makes an incremental build and a
 * clean build of the same content, and compares the two file by file, `pagefind/` included. The
 * incremental builds take turns: after edits 1, 3, 5 and 7 the output folder of the build before is
 * kept, as on an editor's machine (the site's files are rewritten in place and what the build no
 * longer produces is removed, src/integrations/stale-output.ts); after edits 2, 4 and 6 only the
 * cache folders (scripts/lib/cache-folders.ts) are kept, as a deploy pipeline would. Any difference is a stale (or missing, or extra) file: the check names
 * the edit and each differing file with its first differing line, and exits 1.
 *
 * What the clean builds share, to stay cheap: Astro's optimised images (`assets/`) and the share
 * cards (`share-images/`) of the Astro cache. Both are keyed by everything they are drawn from
 * (Astro: the source file's bytes and the transform; src/render/share-card/draw-card.ts: every field the
 * card shows, the picture's bytes, the renderer and font versions), so an entry can only be
 * reused for the same input. Pages are never shared: each clean build starts without the content
 * store, the incremental manifest and its copy of the pages, and with the project's other cache
 * folders moved aside.
 *
 * It also reports, per edit, how many pages the incremental build rendered and how many it
 * restored from the previous build (Astro's log).
 *
 *   npm run check:incremental            # every edit
 *   npm run check:incremental -- --keep  # keep .incremental/ (builds and logs) even when all pass
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compareTrees } from './compare-trees.ts';
import { CACHE_FOLDERS } from './lib/cache-folders.ts';
import { buildSite, commitEpoch, countPages, type PageCounts } from './lib/site-build.ts';

const WORK = resolve('.incremental');
const CONTENT = join(WORK, 'content');
const LOGS = join(WORK, 'logs');
/** The incremental builds: one output folder and one Astro cache, kept from build to build. */
const INCREMENTAL = { outDir: join(WORK, 'incremental', 'dist'), cacheDir: join(WORK, 'incremental', 'cache') };
/** The clean builds: everything but the image caches is removed before each. */
const CLEAN = { outDir: join(WORK, 'clean', 'dist'), cacheDir: join(WORK, 'clean', 'cache') };
/** Folders of the Astro cache that the clean builds share (see above). */
const SHARED_IMAGE_CACHES = ['assets', 'share-images'];

/** Astro's cache folder is `--cacheDir` here; the other cache folders live in the project. */
const ASTRO_CACHE = 'node_modules/.astro/';
if (!CACHE_FOLDERS.some((f) => f.path === ASTRO_CACHE)) throw new Error(`${ASTRO_CACHE} is missing from scripts/lib/cache-folders.ts`);
const PROJECT_CACHES = CACHE_FOLDERS.map((f) => f.path).filter((path) => path !== ASTRO_CACHE);

// ---------------------------------------------------------------------------------------------
// The edits, applied one after another to the copy of the content

interface Edit {
  /** What an editor did, in Chinese and in English. */
  zh: string;
  en: string;
  apply(): void;
}

function edit(file: string, change: (text: string) => string): void {
  const path = join(CONTENT, file);
  const before = readFileSync(path, 'utf-8');
  const after = change(before);
  if (after === before)
    throw new Error(`the edit changed nothing in ${file}: the sample content has changed, update scripts/check-incremental.ts`);
  writeFileSync(path, after);
}

/** Replaces exactly one occurrence, or fails: an edit that misses must not pass silently. */
function replaceOnce(find: string | RegExp, replacement: string): (text: string) => string {
  return (text) => {
    const matches =
      typeof find === 'string'
        ? text.split(find).length - 1
        : (text.match(new RegExp(find.source, `${find.flags.replace('g', '')}g`)) ?? []).length;
    if (matches !== 1)
      throw new Error(
        `expected one match of ${String(find)}, found ${matches}: the sample content has changed, update scripts/check-incremental.ts`,
      );
    return text.replace(find, replacement);
  };
}

const EDITS: Edit[] = [
  {
    zh: '修改一篇故事的正文',
    en: "a story's body",
    apply: () =>
      edit(
        'stories/man-man-lai/index.mdx',
        (text) => `${text.trimEnd()}\n\n编辑部补记：本文发表后，沈若竹老师所在的学校又开设了两个资源教室。\n`,
      ),
  },
  {
    zh: '修改一篇故事的标题（列表、教师页、相关故事、文集都显示标题）',
    en: "a story's title (shown on lists, its teachers' pages, related stories, the volume)",
    apply: () => edit('stories/shan-li-de-deng/index.mdx', replaceOnce(/^title: 山里的灯$/m, 'title: 山里的那盏灯')),
  },
  {
    zh: '修改一位教师的姓名',
    en: "a teacher's name",
    // Same pinyin, so the profile's pinyin field stays right.
    apply: () => edit('teachers/lin-qiuyun/index.mdx', replaceOnce(/^name: 林秋云$/m, 'name: 林秋芸')),
  },
  {
    zh: '新增一篇故事（分页随之移动）',
    en: 'a new story (pagination moves)',
    apply: () => {
      const dir = join(CONTENT, 'stories', 'xin-xue-qi-de-di-yi-ke');
      cpSync(join(CONTENT, 'stories', 'man-man-lai'), dir, { recursive: true });
      edit('stories/xin-xue-qi-de-di-yi-ke/index.mdx', (text) =>
        replaceOnce(
          /^title: .*$/m,
          'title: 新学期的第一课',
        )(replaceOnce(/^published: .*$/m, "published: '2026-10-01'")(text)).replace(
          /\n---\n/,
          '\n---\n开学第一天，她在黑板上写下每个孩子的名字。\n\n',
        ),
      );
    },
  },
  {
    zh: '删除一篇故事并登记转址',
    en: 'a story removed, with its redirect',
    apply: () => {
      rmSync(join(CONTENT, 'stories', 'lou-ding-shang-de-ban-mu-tian'), { recursive: true });
      edit(
        'redirects.yaml',
        (text) =>
          `${text.trimEnd()}\n- from: /stories/lou-ding-shang-de-ban-mu-tian/\n  to: /stories/\n  date: '2026-11-01'\n  reason: 稿件撤回\n`,
      );
    },
  },
  {
    zh: '调整文集的篇目顺序',
    en: "a volume's chapter order",
    apply: () =>
      edit(
        'collections/yangwang.yaml',
        replaceOnce('  - shan-li-de-deng\n  - nian-dui-mei-yi-ge-ming-zi\n', '  - nian-dui-mei-yi-ge-ming-zi\n  - shan-li-de-deng\n'),
      ),
  },
  {
    zh: '学校改名',
    en: 'a school renamed',
    apply: () => edit('schools.yaml', replaceOnce(/^ {2}name: 云岭县青岚小学$/m, '  name: 云岭县青岚中心小学')),
  },
];

// ---------------------------------------------------------------------------------------------
// Builds

const epoch = commitEpoch();
let buildNumber = 0;

async function incrementalBuild(label: string, keepOutput = false): Promise<{ seconds: number; pages: PageCounts }> {
  // A deploy keeps only the cache folders: the output folder of the build before is gone.
  if (!keepOutput) rmSync(INCREMENTAL.outDir, { recursive: true, force: true });
  const { seconds, log } = await buildSite({
    ...INCREMENTAL,
    contentDir: CONTENT,
    epoch,
    logFile: join(LOGS, `${++buildNumber}-${label}-incremental.log`),
  });
  return { seconds, pages: countPages(log) };
}

async function cleanBuild(label: string): Promise<{ seconds: number }> {
  rmSync(CLEAN.outDir, { recursive: true, force: true });
  mkdirSync(CLEAN.cacheDir, { recursive: true });
  for (const name of readdirSync(CLEAN.cacheDir))
    if (!SHARED_IMAGE_CACHES.includes(name)) rmSync(join(CLEAN.cacheDir, name), { recursive: true, force: true });
  // The project's other cache folders belong to the incremental builds: moved aside meanwhile.
  mkdirSync(STASH, { recursive: true });
  for (const path of PROJECT_CACHES) if (existsSync(path)) renameSync(path, stashed(path));
  try {
    return await buildSite({ ...CLEAN, contentDir: CONTENT, epoch, logFile: join(LOGS, `${++buildNumber}-${label}-clean.log`) });
  } finally {
    // What the clean build wrote there goes; what the incremental builds had comes back.
    for (const path of PROJECT_CACHES) rmSync(path, { recursive: true, force: true });
    unstash();
  }
}

/** Where a project cache folder waits during a clean build. */
const STASH = join(WORK, 'stash');
const stashed = (path: string) => join(STASH, encodeURIComponent(path));

/** Puts the project's cache folders back (also those a run killed during a clean build left aside). */
function unstash(): void {
  for (const path of PROJECT_CACHES) {
    if (!existsSync(stashed(path))) continue;
    rmSync(path, { recursive: true, force: true });
    renameSync(stashed(path), path);
  }
}

// ---------------------------------------------------------------------------------------------

const { values } = parseArgs({ options: { keep: { type: 'boolean', default: false } } });
const started = performance.now();
unstash();
rmSync(WORK, { recursive: true, force: true });
mkdirSync(LOGS, { recursive: true });
cpSync('content', CONTENT, { recursive: true });
const rel = (path: string) => relative(process.cwd(), path);
console.log(`增量构建检查 (incremental build check) on a copy of content/ in ${rel(WORK)}/`);
console.log(
  `Incremental builds keep the cache folders: ${CACHE_FOLDERS.map((f) => f.path).join(', ')} (Astro's as --cacheDir ${rel(INCREMENTAL.cacheDir)}); after odd-numbered edits also the output folder.`,
);

const first = await incrementalBuild('start');
console.log(`== clean build to start from: ${first.seconds.toFixed(1)} s, ${first.pages.rendered} pages rendered`);
// The clean builds start with the image caches the first build filled (see the comment at the top).
for (const name of SHARED_IMAGE_CACHES) {
  const from = join(INCREMENTAL.cacheDir, name);
  if (existsSync(from)) cpSync(from, join(CLEAN.cacheDir, name), { recursive: true });
}

interface Outcome {
  edit: Edit;
  inPlace: boolean;
  pages: PageCounts;
  files: number;
  problems: string[];
  seconds: { incremental: number; clean: number };
}
const outcomes: Outcome[] = [];
/** Differences already reported for an earlier edit (the edits build on each other). */
const reported = new Set<string>();
for (const [i, e] of EDITS.entries()) {
  e.apply();
  const label = `edit${i + 1}`;
  const inPlace = i % 2 === 0;
  const incremental = await incrementalBuild(label, inPlace);
  const clean = await cleanBuild(label);
  const { files, problems } = compareTrees(INCREMENTAL.outDir, CLEAN.outDir, { first: 'the incremental build', second: 'the clean build' });
  const fresh = problems.filter((p) => !reported.has(p));
  const carried = problems.length - fresh.length;
  for (const p of problems) reported.add(p);
  outcomes.push({
    edit: e,
    inPlace,
    pages: incremental.pages,
    files,
    problems,
    seconds: { incremental: incremental.seconds, clean: clean.seconds },
  });
  const counts = `${incremental.pages.rendered} pages rendered, ${incremental.pages.restored} restored${incremental.pages.cached ? `, ${incremental.pages.cached} kept in place` : ''}`;
  const times = `incremental ${inPlace ? 'in place' : 'into an empty folder'} ${incremental.seconds.toFixed(1)} s, clean ${clean.seconds.toFixed(1)} s`;
  if (!problems.length) {
    console.log(`✓ ${i + 1}. ${e.zh} (${e.en}): 与干净构建完全相同 (identical to a clean build, ${files} files); ${counts}; ${times}`);
    continue;
  }
  console.error(
    `\n✗ ${i + 1}. ${e.zh} (${e.en})：增量构建与干净构建有 ${problems.length} 个文件不同 (the incremental build differs from a clean build in ${problems.length} files); ${counts}; ${times}`,
  );
  for (const p of fresh.slice(0, 30)) console.error(`  ${p}`);
  if (fresh.length > 30) console.error(`  … and ${fresh.length - 30} more`);
  if (carried) console.error(`  (${carried} of them already reported for an earlier edit)`);
}

const failed = outcomes.filter((o) => o.problems.length);
const total = (performance.now() - started) / 1000;
console.log(`\n| edit | output folder | pages rendered | restored | kept in place | result |\n|---|---|---:|---:|---:|---|`);
for (const o of outcomes)
  console.log(
    `| ${o.edit.en} | ${o.inPlace ? 'kept' : 'empty'} | ${o.pages.rendered} | ${o.pages.restored} | ${o.pages.cached} | ${o.problems.length ? `**${o.problems.length} files differ**` : 'identical'} |`,
  );
if (failed.length) {
  console.error(`\n增量构建检查失败：${failed.length} 次编辑后，增量构建写出的文件与干净构建不同，网站上会留下过期的页面。`);
  console.error(
    `Incremental build check failed: after ${failed.length} of ${EDITS.length} edits the incremental build wrote files a clean build does not (stale pages). Builds and logs are kept in ${rel(WORK)}/. (${total.toFixed(0)} s)`,
  );
  process.exit(1);
}
console.log(
  `\n增量构建检查通过 (incremental build check passed): after each of ${EDITS.length} edits the incremental build equals a clean build (${total.toFixed(0)} s).`,
);
if (!values.keep) rmSync(WORK, { recursive: true, force: true });
