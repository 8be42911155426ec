/**
 * The content loader for collections editors write in MDX (stories, teachers): every
 * `<slug>/index.mdx` under `base` is parsed as data by `renderMdx` (never compiled or run),
 * validated, and stored with a digest, so an unchanged entry is not rendered again. Its rendered
 * HTML goes to a file in Astro's cache, not into the content store (entry/body-files.ts says why);
 * the store keeps the file's place. In `astro dev` the watcher reloads an edited file.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { loadMdxEntry, type CreateSchema } from '../entry/mdx-entry.ts';
import { readContentFile, readContentFileSync, type ReadContent } from '../entry/read-content.ts';
import { ContentError, type ContentProblem } from '../problem.ts';
import { handleLoaderProblems } from './loader-problems.ts';
import { getRenderedEntriesVersion, takeRenderedEntry } from '../tree/rendered-entries.ts';
import { bodyFile, bodyFolder, pruneBodies, writeBody } from '../entry/body-files.ts';

/** Bumped when the renderer's output or what is stored changes, so stored entries are rendered again. */
const RENDERER_VERSION = '3';

export interface MdxLoaderOptions {
  /** Folder holding one `<slug>/index.mdx` per entry, relative to the project root. */
  base: string;
  /** The frontmatter schema an editor writes, given helpers (for the Chinese checks). */
  createSchema: CreateSchema;
}

/**
 * Lists `<slug>/index.mdx` files under a folder, relative to it. Synchronous: one awaited
 * `readdir` per entry folder cost a 10,000-story build seconds of waiting.
 */
export function listMdxEntries(baseDir: string): string[] {
  let dirents;
  try {
    dirents = readdirSync(baseDir, { withFileTypes: true });
  } catch {
    return [];
  }
  return dirents
    .filter((d) => d.isDirectory() && existsSync(join(baseDir, d.name, 'index.mdx')))
    .map((d) => `${d.name}/index.mdx`)
    .sort();
}

export function mdxLoader(options: MdxLoaderOptions): Loader {
  return {
    name: 'yangwang-mdx-loader',
    load: async (context: LoaderContext) => {
      const root = fileURLToPath(context.config.root);
      const baseDir = resolve(root, options.base);
      const bodies = bodyFolder(fileURLToPath(context.config.cacheDir), context.collection);
      const seen = new Set<string>();
      // The rules' version, read once per load when the first entry needs it.
      let rules: Promise<string> | undefined;

      const fileOf = (absoluteFile: string) => relative(root, absoluteFile).split('\\').join('/');
      const sync = async (absoluteFile: string, alreadyRead?: ReadContent): Promise<ContentProblem[]> => {
        const file = fileOf(absoluteFile);
        const read = alreadyRead ?? (await readContentFile(absoluteFile, file));
        if (!read.ok) return [read.problem];
        const source = read.text;
        // The file's path is part of it: the same text read from another content folder (a copy
        // `npm run dev` served) has its images elsewhere, and must be stored again.
        const digest = context.generateDigest(`${RENDERER_VERSION}\n${file}\n${source}`);
        const id = file.split('/').at(-2) ?? '';
        seen.add(id);
        const existing = context.store.get(id);
        const bodyPath = bodyFile(bodies, digest);
        // Where the page reads the body: relative to the project root (entry/body-files.ts, BodyRef).
        const body = relative(root, bodyPath);
        // Unchanged since the last build, its body still kept where the store says: keep the stored
        // entry (its images stay registered, since Astro rebuilds the image imports from the stored entries).
        if (existing?.digest === digest && existing.rendered?.metadata?.body === body && existsSync(bodyPath)) return [];
        // A build takes what the content check rendered; `astro dev` renders each change itself.
        const taken = context.watcher
          ? undefined
          : await takeRenderedEntry(await (rules ??= getRenderedEntriesVersion()), absoluteFile, file, source);
        const loaded = taken ?? loadMdxEntry(source, file, absoluteFile, options.createSchema);
        if (loaded.problems.length) return loaded.problems;
        const data = await context.parseData({ id, data: loaded.data, filePath: file });
        writeBody(bodyPath, loaded.html);
        context.store.set({
          id,
          data,
          filePath: file,
          digest,
          rendered: {
            html: '',
            metadata: { headings: loaded.headings, characterCount: loaded.characterCount, body },
          },
        });
        return [];
      };

      const problems: ContentProblem[] = [];
      // Read synchronously: awaited one after another, the reads of a 10,000-story site's 15,000
      // files waited on libuv's thread pool for about 3 s.
      for (const entry of listMdxEntries(baseDir)) {
        const file = join(baseDir, entry);
        problems.push(...(await sync(file, readContentFileSync(file, fileOf(file)))));
      }
      for (const id of context.store.keys()) {
        if (!seen.has(id)) context.store.delete(id);
      }
      handleLoaderProblems(context, problems);
      pruneBodies(
        bodies,
        context.store.values().flatMap((entry) => (entry.digest === undefined ? [] : [String(entry.digest)])),
      );

      const watcher = context.watcher;
      if (!watcher) return;
      watcher.add(baseDir);
      const isEntry = (path: string) => path.startsWith(baseDir) && path.endsWith('/index.mdx');
      const onChange = async (path: string) => {
        if (!isEntry(path)) return;
        try {
          const found = await sync(path);
          if (found.length) context.logger.error(new ContentError(found).message);
          else context.logger.info(`已重新载入 ${relative(root, path)}`);
        } catch (error) {
          context.logger.error(`重新载入 ${relative(root, path)} 失败：${(error as Error).message}`);
        }
      };
      // onChange reports its own failures: its promise never rejects.
      watcher.on('change', (path) => void onChange(path));
      watcher.on('add', (path) => void onChange(path));
      watcher.on('unlink', (path) => {
        if (isEntry(path)) context.store.delete(path.split('/').at(-2) ?? '');
      });
    },
  };
}
