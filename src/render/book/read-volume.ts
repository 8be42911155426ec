/**
 * Reads what the book of one volume prints, straight from the content folder, with the loaders'
 * own functions (the same parsing, schemas and MDX rules as the site). The whole content check
 * runs first, as it does before a build: a book is never made from content the site would
 * refuse, and every problem comes back as `file:line  field  message`.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { checkContent } from '../../content-input/tree/check-content.ts';
import { suggestClosest } from '../../content-input/rules/suggest.ts';
import type { ContentProblem } from '../../content-input/problem.ts';
import { DEFAULT_TRIM, parseTrimSize, type TrimSize } from '../../lib/trim-size.ts';
import { loadMdxEntry } from '../../content-input/entry/mdx-entry.ts';
import { readContentFile } from '../../content-input/entry/read-content.ts';
import { createCheckHelpers } from '../../content-input/entry/validate.ts';
import { listYamlFiles, loadYamlFile } from '../../content-input/entry/yaml-entry.ts';
import { createVolumeSchema } from '../../schemas/volumes.ts';
import { createStorySchema } from '../../schemas/stories.ts';
import { createTeacherSchema } from '../../schemas/teachers.ts';

/** A picture as the book prints it: the original file, never a web-size copy. */
export interface BookPicture {
  /** Absolute path of the original file. */
  path: string;
  alt: string;
  credit: string;
  caption?: string | undefined;
  licence?: string | undefined;
}

export interface BookChapter {
  /** 1-based, in reading order (drafts are left out, as on the site). */
  number: number;
  /** The story's folder name: its address on the site is `/stories/<id>/`. */
  id: string;
  title: string;
  subtitle?: string | undefined;
  writer: string;
  /** `YYYY-MM-DD`. */
  published: string;
  /** The teachers' names, in the story's order. */
  teachers: string[];
  /** The rendered body; figures are placeholders (`FIGURE_PLACEHOLDER` with `data-index`). */
  html: string;
  figures: BookPicture[];
  sample: boolean;
}

export interface BookVolume {
  id: string;
  title: string;
  subtitle?: string | undefined;
  year: number;
  editor: string;
  publisher: string;
  printRun?: number | undefined;
  printed?: string | undefined;
  licence?: string | undefined;
  preface?: string | undefined;
  description: string;
  trim: TrimSize;
  cover?: BookPicture | undefined;
  sample: boolean;
  chapters: BookChapter[];
}

export type ReadVolumeResult = { ok: true; volume: BookVolume } | { ok: false; problems: ContentProblem[] };

export interface ReadVolumeOptions {
  /** Project root (absolute). */
  root: string;
  /** Content folder relative to the root (`content`). */
  contentDir: string;
  /** The volume's file name without `.yaml`. */
  slug: string;
}

/** Reads one volume and its chapters; problems instead when the content check finds any. */
export async function readVolume({ root, contentDir, slug }: ReadVolumeOptions): Promise<ReadVolumeResult> {
  const folder = join(contentDir, 'collections');
  const file = `${folder}/${slug}.yaml`;
  const absolute = resolve(root, file);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) || !existsSync(absolute)) {
    const known = (await listYamlFiles(resolve(root, folder))).map((name) => name.replace(/\.ya?ml$/, ''));
    const closest = suggestClosest(slug, known);
    const hint = closest ? `是否想写 ${closest}？` : known.length ? `现有的文集：${known.join('、')}` : `${folder}/ 下还没有文集`;
    return { ok: false, problems: [{ file, field: '文集', message: `找不到文集 “${slug}”：${folder}/ 下没有 ${slug}.yaml；${hint}` }] };
  }

  const check = await checkContent({ root, contentDir });
  if (check.problems.length) return { ok: false, problems: check.problems };

  const read = await readContentFile(absolute, file);
  if (!read.ok) return { ok: false, problems: [read.problem] };
  const loaded = loadYamlFile(read.text, file, absolute, createVolumeSchema);
  if (loaded.problems.length) return { ok: false, problems: loaded.problems };
  const data = createVolumeSchema(createCheckHelpers(absolute)).parse(loaded.yaml.value);

  const chapters: BookChapter[] = [];
  const teacherNames = new Map<string, string>();
  for (const { id } of data.chapters as { id: string }[]) {
    const story = await loadEntry(root, `${contentDir}/stories/${id}/index.mdx`, 'stories');
    if (!story.ok) return story;
    const frontmatter = createStorySchema(createCheckHelpers(story.absolute)).parse(story.loaded.frontmatter?.value);
    if (frontmatter.draft) continue;
    const teachers: string[] = [];
    for (const { id: teacherId } of frontmatter.teachers as { id: string }[]) {
      let name = teacherNames.get(teacherId);
      if (name === undefined) {
        const teacher = await loadEntry(root, `${contentDir}/teachers/${teacherId}/index.mdx`, 'teachers');
        if (!teacher.ok) return teacher;
        name = createTeacherSchema(createCheckHelpers(teacher.absolute)).parse(teacher.loaded.frontmatter?.value).name;
        teacherNames.set(teacherId, name);
      }
      teachers.push(name);
    }
    const figures = (story.loaded.data.figures ?? []) as { src: string; alt: string; credit: string; caption?: string; licence?: string }[];
    chapters.push({
      number: chapters.length + 1,
      id,
      title: frontmatter.title,
      subtitle: frontmatter.subtitle,
      writer: frontmatter.writer,
      published: frontmatter.published,
      teachers,
      html: story.loaded.html,
      figures: figures.map((f) => ({ ...f, path: resolve(dirname(story.absolute), f.src) })),
      sample: frontmatter.sample,
    });
  }

  const cover = data.cover as { src: string; alt: string; credit: string } | undefined;
  return {
    ok: true,
    volume: {
      id: slug,
      title: data.title,
      subtitle: data.subtitle,
      year: data.year,
      editor: data.editor,
      publisher: data.publisher,
      printRun: data.printRun,
      printed: data.printed,
      licence: data.licence,
      preface: data.preface,
      description: data.description,
      trim: (data.trim ? parseTrimSize(data.trim) : undefined) ?? DEFAULT_TRIM,
      cover: cover && { ...cover, path: resolve(dirname(absolute), cover.src) },
      sample: data.sample,
      chapters,
    },
  };
}

type LoadedEntry = { ok: true; absolute: string; loaded: ReturnType<typeof loadMdxEntry> } | { ok: false; problems: ContentProblem[] };

async function loadEntry(root: string, file: string, kind: 'stories' | 'teachers'): Promise<LoadedEntry> {
  const absolute = resolve(root, file);
  const read = await readContentFile(absolute, relative(root, absolute));
  if (!read.ok) return { ok: false, problems: [read.problem] };
  const loaded = loadMdxEntry(read.text, file, absolute, kind === 'stories' ? createStorySchema : createTeacherSchema);
  if (loaded.problems.length) return { ok: false, problems: loaded.problems };
  return { ok: true, absolute, loaded };
}
