/**
 * The content check: every rule the build enforces, run over the whole content folder at once,
 * so an editor sees every problem in one report. Each entry is read by the loaders' own
 * functions (`loadMdxEntry`, `loadYamlList`, `loadYamlFile`: same schemas, same MDX rules); the
 * checks that need more than one entry, or that no schema can express, are added here.
 * Used by `npm run check:content`, by the build (astro/check-integration.ts) and by tests.
 */
import { createHash } from 'node:crypto';
import { dirname, extname, relative, resolve } from 'node:path';
import { SITE } from '../../config/site.ts';
import { findCrossEntryProblems, type EntryFacts } from '../rules/cross-entries.ts';
import { findDraftLeftovers } from '../rules/draft-leftovers.ts';
import { checkNamePinyin } from '../rules/names.ts';
import { checkAltText, checkImageSize, IMAGE_LIMITS, isImageFile, type ImageLimits } from '../rules/images.ts';
import { findPersonalData } from '../rules/personal-data.ts';
import { findQuoteProblems, lineOfFinding, type TextBlock } from '../rules/quotes.ts';
import { sortProblems, type ContentProblem } from '../problem.ts';
import { parseYamlSource, type YamlSource } from '../entry/yaml-source.ts';
import { keepRenderedEntry } from './rendered-entries.ts';
import { loadMdxEntry, type LoadedMdx } from '../entry/mdx-entry.ts';
import { readContentFile } from '../entry/read-content.ts';
import { loadYamlFile, loadYamlList } from '../entry/yaml-entry.ts';
import { createCollectionSchema } from '../../schemas/collections.ts';
import { createHonourYearSchema } from '../../schemas/honours.ts';
import { schoolSchema } from '../../schemas/schools.ts';
import { createStorySchema } from '../../schemas/stories.ts';
import { createTeacherSchema } from '../../schemas/teachers.ts';
import { getDefaultCachePath, getFileKey, getRulesVersion, readCache, writeCache, type CacheFile } from './check-cache.ts';
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
}

export interface CheckContentResult {
  /** Every problem, sorted by file and line. */
  problems: ContentProblem[];
  /** How many entries and images were checked. */
  counts: Record<'stories' | 'teachers' | 'schools' | 'collections' | 'honours' | 'images', number>;
}

/** The content folder the site reads: `YANGWANG_CONTENT_DIR` (benchmarks) or `content`. */
export function getContentDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.YANGWANG_CONTENT_DIR ?? 'content';
}

/** The e-mail addresses the site itself publishes (`src/config/site.ts`). */
export function getSiteEmails(): string[] {
  return Object.values(SITE as Record<string, unknown>).filter((v): v is string => typeof v === 'string' && /^[^\s@]+@[^\s@]+$/.test(v));
}

/** The schemas the loaders use (src/content.config.ts). */
const SCHEMAS = {
  stories: createStorySchema,
  teachers: createTeacherSchema,
  collections: createCollectionSchema,
  honours: createHonourYearSchema,
} as const;

/** An image an entry refers to. */
interface ImageUse {
  file: string;
  line: number | undefined;
  field: string;
  src: string;
}

/** What one file contributes: its own problems, and what the checks across files need. */
interface FileResult {
  problems: ContentProblem[];
  facts: Omit<EntryFacts, 'lineOf'>[];
  images: ImageUse[];
  /** Links in the body of a story or profile that is not a draft (checked against the site's pages). */
  links?: { url: string; line: number }[];
  /** True when the file could not be read far enough to know which images it uses. */
  unsure: boolean;
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
  // Every entry's text first: image decoding keeps libuv's thread pool busy, and file reads
  // queued behind it left this thread waiting.
  const sources = await Promise.all(tree.entries.map((entry) => readContentFile(entry.absolute, entry.file)));
  // Images are decoded on sharp's threads while this thread checks the entries.
  const inspectImage = createImageInspector(cache.images, nextCache.images);
  for (const image of tree.images) void inspectImage(image.absolute, image.file);
  const links: SiteLink[] = [];
  const problems: ContentProblem[] = [...tree.problems];
  const facts: EntryFacts[] = [];
  const uses: (ImageUse & { from: string })[] = [];
  const unsure = new Set<string>(tree.orphanFolders);
  const counts: CheckContentResult['counts'] = { stories: 0, teachers: 0, schools: 0, collections: 0, honours: 0, images: tree.images.length };

  const kept: Promise<void>[] = [];
  const keep = options.keepRendered ? (absolute: string, source: string, loaded: LoadedMdx) => kept.push(keepRenderedEntry(version, absolute, source, loaded)) : undefined;
  for (const [i, entry] of tree.entries.entries()) {
    const read = sources[i];
    if (!read) continue;
    let result: FileResult;
    let source = '';
    if (!read.ok) {
      // Still known by its name, so references to it do not turn into more problems.
      result = { problems: [read.problem], facts: [{ collection: entry.kind, id: idOf(entry), file: entry.file, data: undefined }], images: [], unsure: true };
    } else {
      source = read.text;
      const folder = entry.kind === 'schools' ? undefined : dirname(entry.absolute);
      const key = await getFileKey(source, folder, `${entry.kind}\u0000${allowedEmails.join(',')}`);
      const cached = cache.files[entry.file];
      result = cached?.key === key ? cached.result : checkFile(entry, source, allowedEmails, keep);
      nextCache.files[entry.file] = { key, result };
    }
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
  await Promise.all(kept);
  return { problems: sortProblems(dedupe(problems)), counts };
}

/** Every check that needs this file alone. */
function checkFile(
  entry: ContentFile,
  source: string,
  allowedEmails: readonly string[],
  keep: ((absolute: string, source: string, loaded: LoadedMdx) => void) | undefined,
): FileResult {
  const result: FileResult = { problems: [], facts: [], images: [], unsure: false };
  const { problems } = result;
  const { file } = entry;

  if (entry.kind === 'stories' || entry.kind === 'teachers') {
    const kind = entry.kind;
    const loaded = loadMdxEntry(source, file, entry.absolute, SCHEMAS[kind]);
    problems.push(...loaded.problems);
    if (!loaded.problems.length) keep?.(entry.absolute, source, loaded);
    const data = (loaded.frontmatter?.value ?? undefined) as Record<string, unknown> | undefined;
    const lineOf = loaded.frontmatter?.lineOf ?? (() => undefined);
    const draft = data?.draft === true;
    if (!data || loaded.problems.some((p) => p.field === '正文' && p.message.startsWith('MDX 语法错误'))) result.unsure = true;
    const body = loaded.texts.filter((t) => t.field === '正文').map((t) => t.value).join('').replace(/\s+/g, '');
    result.facts.push({
      collection: kind,
      id: loaded.id,
      file,
      data,
      bodyKey: body.length > 20 ? createHash('sha256').update(body).digest('hex') : undefined,
    });

    checkTexts(file, loaded.frontmatter ? yamlTexts(loaded.frontmatter) : [], loaded.texts, !draft, problems);
    if (!draft && loaded.links.length) result.links = loaded.links;
    const end = frontmatterEnd(source);
    checkPersonalData(file, source, allowedEmails, problems, (line) => loaded.frontmatter?.fieldAt(line) ?? (line <= end ? '注释' : '正文'));

    // A teacher's pinyin must be a reading of the name (once the schema accepts both).
    if (kind === 'teachers' && typeof data?.name === 'string' && typeof data.pinyin === 'string' && !loaded.problems.some((p) => p.field === 'pinyin' || p.field === 'name')) {
      const bad = checkNamePinyin(data.name, data.pinyin);
      if (bad) problems.push({ file, line: lineOf(['pinyin']), field: 'pinyin', message: bad });
    }

    // Images: the cover or portrait, and every <Figure>.
    const imageField = kind === 'stories' ? 'cover' : 'portrait';
    const picture = data?.[imageField] as { src?: unknown; alt?: unknown } | undefined;
    if (typeof picture?.src === 'string') {
      result.images.push({ file, line: lineOf([imageField, 'src']), field: `${imageField}.src`, src: picture.src });
    }
    if (typeof picture?.alt === 'string') {
      const bad = checkAltText(picture.alt);
      if (bad) problems.push({ file, line: lineOf([imageField, 'alt']), field: `${imageField}.alt`, message: bad });
    }
    // Every <Figure src>, also of a figure with other problems: its image is not unused.
    for (const figure of loaded.figureSources) {
      result.images.push({ file, line: figure.line, field: '<Figure> src', src: figure.src });
    }
    for (const figure of (loaded.data.figures ?? []) as { src: string; alt: string; line: number }[]) {
      const bad = checkAltText(figure.alt);
      if (bad) problems.push({ file, line: figure.line, field: '<Figure> alt', message: bad });
    }

    // An empty story: nothing to read once the frontmatter is done. Drafts may be unfinished.
    if (kind === 'stories' && !draft && loaded.characterCount === 0 && !loaded.problems.some((p) => p.field === '正文')) {
      problems.push({ file, line: end + 1, field: '正文', message: '正文是空的：请在第二个 --- 下面写正文（还没写完的稿子可以先写 draft: true）' });
    }
    return result;
  }

  if (entry.kind === 'schools') {
    const loaded = loadYamlList(source, file, entry.absolute, () => schoolSchema);
    problems.push(...loaded.problems);
    const list = Array.isArray(loaded.yaml.value) ? (loaded.yaml.value as unknown[]) : [];
    list.forEach((item, index) => {
      const id = (item as { id?: unknown } | null)?.id;
      if (typeof id === 'string') result.facts.push({ collection: 'schools', id, file, data: item, path: [index] });
    });
    checkTexts(file, yamlTexts(loaded.yaml), [], true, problems);
    checkPersonalData(file, source, allowedEmails, problems, (line) => loaded.yaml.fieldAt(line) ?? '注释');
    return result;
  }

  const kind = entry.kind;
  const loaded = loadYamlFile(source, file, entry.absolute, SCHEMAS[kind]);
  problems.push(...loaded.problems);
  const data = loaded.yaml.value as Record<string, unknown> | undefined;
  if (!data) result.unsure = true;
  result.facts.push({ collection: kind, id: idOf(entry), file, data });
  checkTexts(file, yamlTexts(loaded.yaml), [], true, problems);
  checkPersonalData(file, source, allowedEmails, problems, (line) => loaded.yaml.fieldAt(line) ?? '注释');
  const cover = data?.cover as { src?: unknown; alt?: unknown } | undefined;
  if (typeof cover?.src === 'string') {
    result.images.push({ file, line: loaded.yaml.lineOf(['cover', 'src']), field: 'cover.src', src: cover.src });
  }
  if (typeof cover?.alt === 'string') {
    const bad = checkAltText(cover.alt);
    if (bad) problems.push({ file, line: loaded.yaml.lineOf(['cover', 'alt']), field: 'cover.alt', message: bad });
  }
  return result;
}

/** Draft leftovers and quotation marks in what readers will see. */
function checkTexts(file: string, fields: TextBlock[], body: TextBlock[], leftovers: boolean, problems: ContentProblem[]) {
  if (leftovers) {
    for (const block of [...fields, ...body]) {
      for (const f of findDraftLeftovers(block.value)) {
        problems.push({ file, line: lineOfFinding(block, f.index), field: block.field, message: f.message });
      }
    }
  }
  // Each field stands alone; the body's paragraphs are read in order.
  for (const f of [...fields.flatMap((b) => findQuoteProblems([b])), ...findQuoteProblems(body)]) {
    problems.push({ file, line: lineOfFinding(f.block, f.index), field: f.block.field, message: f.message });
  }
}

/** Personal data anywhere in the file, comments included: the repository is public too. */
function checkPersonalData(
  file: string,
  source: string,
  allowedEmails: readonly string[],
  problems: ContentProblem[],
  fieldAt: (line: number) => string,
) {
  source.split('\n').forEach((text, i) => {
    for (const f of findPersonalData(text, allowedEmails)) {
      problems.push({ file, line: i + 1, field: fieldAt(i + 1), message: f.message });
    }
  });
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
      problems.push({ file: use.file, line: use.line, field: use.field, message: `图片格式应是 .jpg、.png、.webp 或 .avif，这里是 “${extname(use.src) || '没有扩展名'}”` });
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
        if (where.length) for (const use of where) problems.push({ file: use.file, line: use.line, field: use.field, message: `${use.src}：${message}` });
        else problems.push({ file, field: '图片文件', message });
      };
      if (facts.error === 'open') report('图片文件打不开：可能已损坏，或扩展名和真实格式不符；请重新导出为 .jpg 或 .png');
      else if (facts.error === 'damaged') report('图片文件不完整或已损坏（只能读出一部分，网页上缺的部分会显示成灰色）：可能没有下载或复制完；请从原图重新导出或复制');
      else for (const message of checkImageSize({ bytes: facts.bytes, width: facts.width, height: facts.height }, limits)) report(message);
      if (!where.length && ![...unsure].some((dir) => absolute.startsWith(`${dir}/`))) {
        problems.push({ file, field: '图片文件', message: '这张图片没有被用到（cover、portrait 或 <Figure> 都没有引用它）：请在文章里引用，或删除这个文件' });
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
    collections: [`${contentDir}/collections/`, '一部文集'],
    honours: [`${contentDir}/honours/`, '一份表彰名录'],
  };
  // A folder of something else altogether (no entry of any kind) is not this site's content.
  if (!entries.length) return [];
  return (Object.keys(where) as EntryKind[])
    .filter((kind) => counts[kind] === 0 && !entries.some((e) => e.kind === kind))
    .map((kind) => ({ file: where[kind][0], field: '文件位置', message: `这里还没有任何内容：网站至少要有${where[kind][1]}，否则列出它们的页面会出错` }));
}

/** Text values of a YAML document, each as its own block named by its field path. */
function yamlTexts(yaml: YamlSource): TextBlock[] {
  return yaml.strings().map((s) => ({ line: s.line, field: s.path.join('.'), value: s.value }));
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

/** Line of the closing `---` of the frontmatter (0 when there is none). */
function frontmatterEnd(source: string): number {
  const lines = source.replace(/^\uFEFF/, '').split('\n');
  if (lines[0]?.trim() !== '---') return 0;
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  return end === -1 ? 0 : end + 1;
}

function idOf(entry: ContentFile): string {
  const parts = entry.file.split('/');
  return entry.kind === 'stories' || entry.kind === 'teachers' ? (parts.at(-2) ?? '') : (parts.at(-1) ?? '').replace(/\.ya?ml$/, '');
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
