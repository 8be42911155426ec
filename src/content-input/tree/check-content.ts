/**
 * The content check: every rule the build enforces, run over the whole content folder at once,
 * so an editor sees every problem in one report. Each entry is read by the loaders' own
 * functions (`loadMdxEntry`, `loadYamlList`, `loadYamlFile`: same schemas, same MDX rules); the
 * checks that need more than one entry, or that no schema can express, are added here.
 * Used by `npm run check:content`, by the build (astro/check-integration.ts) and by tests.
 */
import { dirname, extname, relative, resolve } from 'node:path';
import { SITE } from '../../config/site.ts';
import { findCrossEntryProblems, type EntryFacts } from '../rules/cross-entries.ts';
import { checkImageSize, IMAGE_LIMITS, isImageFile, type ImageLimits } from '../rules/images.ts';
import { sortProblems, type ContentProblem } from '../problem.ts';
import { parseYamlSource, type YamlSource } from '../entry/yaml-source.ts';
import { readContentFileSync } from '../entry/read-content.ts';
import { getDefaultCachePath, getFileKey, getRulesVersion, readCache, writeCache, type CacheFile } from './check-cache.ts';
import { idOf, type FileResult, type ImageUse } from './check-file.ts';
import { checkFiles, type FileJob } from './check-workers.ts';
import { readContentTree, type ContentFile, type EntryKind } from './content-tree.ts';
import { createImageInspector, type ImageFacts } from './image-files.ts';
import { checkSiteUrls, type SiteLink } from './site-urls.ts';

export interface CheckContentOptions {
  /** The project root (absolute). Paths in the report are relative to it. */
  root: string;
  /** The content folder, relative to the root; default: `YANGWANG_CONTENT_DIR` or `content`. */
  contentDir?: string;
  /** E-mail addresses that may appear in content; default: those in `src/config/site.ts`. */
  allowedEmails?: readonly string[];
  /** Limits for image files; default `IMAGE_LIMITS`. */
  imageLimits?: ImageLimits;
  /** Where per-file results are cached between runs; `false` for none. Default: the project's node_modules/.cache. */
  cacheFile?: string | false;
  /** Keep the rendered stories and profiles for the MDX loader (tree/rendered-entries.ts; inside a build). */
  keepRendered?: boolean;
  /** Worker threads that check files besides this one, or `'auto'` (by cores and files); default 0 (tree/check-workers.ts). */
  workers?: number | 'auto';
}

export interface CheckContentResult {
  /** Every problem, sorted by file and line. */
  problems: ContentProblem[];
  /** How many entries and images were checked. */
  counts: Record<'stories' | 'teachers' | 'schools' | 'volumes' | 'honours' | 'images', number>;
}

/** The content folder the site reads: `YANGWANG_CONTENT_DIR` (benchmarks) or `content`. */
export function getContentDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.YANGWANG_CONTENT_DIR ?? 'content';
}

/** The e-mail addresses the site itself publishes (`src/config/site.ts`). */
export function getSiteEmails(): string[] {
  return Object.values(SITE as Record<string, unknown>).filter((v): v is string => typeof v === 'string' && /^[^\s@]+@[^\s@]+$/.test(v));
}

/** Checks all content under `root/contentDir`. Never throws on bad content: it reports it. */
export async function checkContent(options: CheckContentOptions): Promise<CheckContentResult> {
  const root = resolve(options.root);
  const contentDir = options.contentDir ?? getContentDir();
  const allowedEmails = options.allowedEmails ?? getSiteEmails();
  const cachePath = options.cacheFile === false ? undefined : (options.cacheFile ?? getDefaultCachePath(resolve(root, contentDir)));
  const version = await getRulesVersion();
  const empty = (): CacheFile<FileResult> => ({ version, files: {}, images: { files: {}, hashes: {} } });
  const cache: CacheFile<FileResult> = cachePath ? await readCache<FileResult>(cachePath, version) : empty();
  const nextCache: CacheFile<FileResult> = empty();

  const tree = await readContentTree(root, contentDir);
  // Every entry's text first, synchronously: through libuv's thread pool the reads queued behind
  // image decoding, and small files one after another are faster here (read-content.ts).
  const sources = tree.entries.map((entry) => readContentFileSync(entry.absolute, entry.file));
  // Images are decoded on sharp's threads while this thread checks the entries.
  const inspectImage = createImageInspector(cache.images, nextCache.images);
  for (const image of tree.images) void inspectImage(image.absolute, image.file);
  const links: SiteLink[] = [];
  const problems: ContentProblem[] = [...tree.problems];
  const facts: EntryFacts[] = [];
  const uses: (ImageUse & { from: string })[] = [];
  const unsure = new Set<string>(tree.orphanFolders);
  const counts: CheckContentResult['counts'] = { stories: 0, teachers: 0, schools: 0, volumes: 0, honours: 0, images: tree.images.length };

  // Each file's result from the cache when its key is unchanged; the others are checked together
  // (tree/check-workers.ts: on worker threads too when asked).
  const results: (FileResult | undefined)[] = [];
  const keys: (string | undefined)[] = [];
  const jobs: (FileJob & { index: number })[] = [];
  for (const [i, entry] of tree.entries.entries()) {
    const read = sources[i];
    if (!read) continue;
    if (!read.ok) {
      // Still known by its name, so references to it do not turn into more problems.
      results[i] = {
        problems: [read.problem],
        facts: [{ collection: entry.kind, id: idOf(entry), file: entry.file, data: undefined }],
        images: [],
        unsure: true,
      };
      continue;
    }
    const folder = entry.kind === 'schools' ? undefined : dirname(entry.absolute);
    const key = getFileKey(read.text, folder, `${entry.kind}\u0000${allowedEmails.join(',')}`);
    keys[i] = key;
    const cached = cache.files[entry.file];
    if (cached?.key === key) {
      results[i] = cached.result;
    } else {
      jobs.push({ entry, source: read.text, index: i });
    }
  }
  const checked = await checkFiles(jobs, { allowedEmails, keepVersion: options.keepRendered ? version : undefined }, options.workers);
  jobs.forEach((job, j) => {
    results[job.index] = checked[j];
  });

  for (const [i, entry] of tree.entries.entries()) {
    const result = results[i];
    const read = sources[i];
    if (!result) continue;
    const source = read?.ok ? read.text : '';
    const key = keys[i];
    if (key !== undefined) nextCache.files[entry.file] = { key, result };
    problems.push(...result.problems);
    if (result.unsure) unsure.add(dirname(entry.absolute));
    const lineOf = lazyLineOf(entry.kind, source);
    for (const fact of result.facts) {
      facts.push({ ...fact, lineOf });
      if (fact.collection === entry.kind) counts[entry.kind]++;
    }
    for (const use of result.images) uses.push({ ...use, from: entry.absolute });
    for (const link of result.links ?? []) links.push({ file: entry.file, ...link });
  }

  problems.push(...findCrossEntryProblems(facts, contentDir));
  problems.push(...findEmptyCollections(counts, tree.entries, contentDir));
  problems.push(...checkSiteUrls(root, contentDir, facts, links));
  problems.push(...(await checkImages(uses, tree.images, root, options.imageLimits ?? IMAGE_LIMITS, unsure, inspectImage)));
  if (cachePath) await writeCache(cachePath, nextCache);
  return { problems: sortProblems(dedupe(problems)), counts };
}

/** Size, format and soundness of every image; images nothing refers to. */
async function checkImages(
  uses: (ImageUse & { from: string })[],
  files: { file: string; absolute: string }[],
  root: string,
  limits: ImageLimits,
  unsure: ReadonlySet<string>,
  inspectImage: (absolute: string, file: string) => Promise<ImageFacts | undefined>,
): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  const usesByPath = new Map<string, ImageUse[]>();
  for (const use of uses) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(use.src) || use.src.startsWith('/')) continue; // refused by the schema
    const absolute = resolve(dirname(use.from), use.src);
    usesByPath.set(absolute, [...(usesByPath.get(absolute) ?? []), use]);
    if (!isImageFile(use.src) && use.field !== '<Figure> src') {
      problems.push({
        file: use.file,
        line: use.line,
        field: use.field,
        message: `图片格式应是 .jpg、.png、.webp 或 .avif，这里是 “${extname(use.src) || '没有扩展名'}”`,
      });
    }
  }
  const all = new Map(files.map((f) => [f.absolute, f.file]));
  for (const absolute of usesByPath.keys()) if (!all.has(absolute)) all.set(absolute, relative(root, absolute).split('\\').join('/'));

  await Promise.all(
    [...all].map(async ([absolute, file]) => {
      // A missing file is reported by the schema, where it is referred to.
      if (!isImageFile(absolute)) return;
      const facts = await inspectImage(absolute, file);
      if (!facts) return;
      const where = usesByPath.get(absolute) ?? [];
      const report = (message: string) => {
        if (where.length)
          for (const use of where) problems.push({ file: use.file, line: use.line, field: use.field, message: `${use.src}：${message}` });
        else problems.push({ file, field: '图片文件', message });
      };
      if (facts.error === 'open') report('图片文件打不开：可能已损坏，或扩展名和真实格式不符；请重新导出为 .jpg 或 .png');
      else if (facts.error === 'damaged')
        report('图片文件不完整或已损坏（只能读出一部分，网页上缺的部分会显示成灰色）：可能没有下载或复制完；请从原图重新导出或复制');
      else for (const message of checkImageSize({ bytes: facts.bytes, width: facts.width, height: facts.height }, limits)) report(message);
      if (!where.length && ![...unsure].some((dir) => absolute.startsWith(`${dir}/`))) {
        problems.push({
          file,
          field: '图片文件',
          message: '这张图片没有被用到（cover、portrait 或 <Figure> 都没有引用它）：请在文章里引用，或删除这个文件',
        });
      }
    }),
  );
  return problems;
}

/** A collection with no entry at all: Astro only warns, and the pages that list it break. */
function findEmptyCollections(counts: CheckContentResult['counts'], entries: readonly ContentFile[], contentDir: string): ContentProblem[] {
  const where: Record<EntryKind, [string, string]> = {
    stories: [`${contentDir}/stories/`, '一篇故事'],
    teachers: [`${contentDir}/teachers/`, '一位教师'],
    schools: [`${contentDir}/schools.yaml`, '一所学校'],
    volumes: [`${contentDir}/collections/`, '一部文集'],
    honours: [`${contentDir}/honours/`, '一份表彰名录'],
  };
  // A folder of something else altogether (no entry of any kind) is not this site's content.
  if (!entries.length) return [];
  return (Object.keys(where) as EntryKind[])
    .filter((kind) => counts[kind] === 0 && !entries.some((e) => e.kind === kind))
    .map((kind) => ({
      file: where[kind][0],
      field: '文件位置',
      message: `这里还没有任何内容：网站至少要有${where[kind][1]}，否则列出它们的页面会出错`,
    }));
}

/**
 * Lines of fields for the checks across files, parsed only when one of them reports a problem
 * (a cached file's parse is not kept). Matches the loaders: frontmatter lines count from the
 * top of the file.
 */
function lazyLineOf(kind: EntryKind, source: string): EntryFacts['lineOf'] {
  let yaml: YamlSource | undefined;
  return (path) => {
    if (!yaml) {
      if (kind === 'stories' || kind === 'teachers') {
        const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(source);
        yaml = parseYamlSource(match?.[1] ?? '', 1);
      } else {
        yaml = parseYamlSource(source);
      }
    }
    return yaml.lineOf(path);
  };
}

function dedupe(problems: ContentProblem[]): ContentProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}\u0000${p.line ?? ''}\u0000${p.field}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
