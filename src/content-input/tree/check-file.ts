/**
 * The checks that need one file alone: read it with the loaders' own functions (same schemas,
 * same MDX rules) and add what no schema can express (personal data, draft leftovers, quotation
 * marks, a teacher's pinyin, alt text, an empty story). A function of the file's text and folder
 * only, so its result is cached (check-cache.ts) and it can run on another thread
 * (check-workers.ts).
 */
import { createHash } from 'node:crypto';
import type { EntryFacts } from '../rules/cross-entries.ts';
import { findDraftLeftovers } from '../rules/draft-leftovers.ts';
import { checkNamePinyin } from '../rules/names.ts';
import { checkAltText } from '../rules/images.ts';
import { findPersonalData } from '../rules/personal-data.ts';
import { findQuoteProblems, lineOfFinding, type TextBlock } from '../rules/quotes.ts';
import type { ContentProblem } from '../problem.ts';
import type { YamlSource } from '../entry/yaml-source.ts';
import { loadMdxEntry, type LoadedMdx } from '../entry/mdx-entry.ts';
import { loadYamlFile, loadYamlList } from '../entry/yaml-entry.ts';
import { createVolumeSchema } from '../../schemas/volumes.ts';
import { createHonourYearSchema } from '../../schemas/honours.ts';
import { schoolSchema } from '../../schemas/schools.ts';
import { createStorySchema } from '../../schemas/stories.ts';
import { createTeacherSchema } from '../../schemas/teachers.ts';
import type { ContentFile } from './content-tree.ts';

/** The schemas the loaders use (src/content.config.ts). */
const SCHEMAS = {
  stories: createStorySchema,
  teachers: createTeacherSchema,
  volumes: createVolumeSchema,
  honours: createHonourYearSchema,
} as const;

/** An image an entry refers to. */
export interface ImageUse {
  file: string;
  line: number | undefined;
  field: string;
  src: string;
}

/** What one file contributes: its own problems, and what the checks across files need. */
export interface FileResult {
  problems: ContentProblem[];
  facts: Omit<EntryFacts, 'lineOf'>[];
  images: ImageUse[];
  /** Links in the body of a story or profile that is not a draft (checked against the site's pages). */
  links?: { url: string; line: number }[];
  /** True when the file could not be read far enough to know which images it uses. */
  unsure: boolean;
}

/** Every check that needs this file alone. */
export function checkFile(
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
    const body = loaded.texts
      .filter((t) => t.field === '正文')
      .map((t) => t.value)
      .join('')
      .replace(/\s+/g, '');
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
    checkPersonalData(
      file,
      source,
      allowedEmails,
      problems,
      (line) => loaded.frontmatter?.fieldAt(line) ?? (line <= end ? '注释' : '正文'),
    );

    // A teacher's pinyin must be a reading of the name (once the schema accepts both).
    if (
      kind === 'teachers' &&
      typeof data?.name === 'string' &&
      typeof data.pinyin === 'string' &&
      !loaded.problems.some((p) => p.field === 'pinyin' || p.field === 'name')
    ) {
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
      problems.push({
        file,
        line: end + 1,
        field: '正文',
        message: '正文是空的：请在第二个 --- 下面写正文（还没写完的稿子可以先写 draft: true）',
      });
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

/** Text values of a YAML document, each as its own block named by its field path. */
function yamlTexts(yaml: YamlSource): TextBlock[] {
  return yaml.strings().map((s) => ({ line: s.line, field: s.path.join('.'), value: s.value }));
}

/** Line of the closing `---` of the frontmatter (0 when there is none). */
function frontmatterEnd(source: string): number {
  const lines = source.replace(/^\uFEFF/, '').split('\n');
  if (lines[0]?.trim() !== '---') return 0;
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  return end === -1 ? 0 : end + 1;
}

export function idOf(entry: ContentFile): string {
  const parts = entry.file.split('/');
  return entry.kind === 'stories' || entry.kind === 'teachers' ? (parts.at(-2) ?? '') : (parts.at(-1) ?? '').replace(/\.ya?ml$/, '');
}
