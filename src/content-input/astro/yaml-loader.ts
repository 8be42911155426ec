/**
 * Astro loaders for the collections kept in YAML (schools, honours, volumes): each file is
 * read by `entry/yaml-entry.ts`, the same functions the content check uses, and all problems are
 * reported at once.
 */
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { readContentFile } from '../entry/read-content.ts';
import { listYamlFiles, loadYamlFile, loadYamlList, type CreateSchema, type YamlLoadResult } from '../entry/yaml-entry.ts';
import { handleLoaderProblems } from './loader-problems.ts';

/**
 * Stores the entries read from YAML, replacing what the store held: an entry whose file and data
 * did not change is left as it is, and entries no longer read are deleted. Clearing the store and
 * setting everything again would mark Astro's content store changed on every build, which then
 * writes all of it to disk again (4.8 s at 10,000 stories, with nothing edited).
 */
async function storeEntries(context: LoaderContext, result: Omit<YamlLoadResult, 'yaml'>) {
  handleLoaderProblems(context, result.problems);
  const read = new Set<string>();
  for (const entry of result.entries) {
    read.add(entry.id);
    const digest = context.generateDigest({ file: entry.file, data: entry.data });
    if (context.store.get(entry.id)?.digest === digest) continue;
    const data = await context.parseData({ id: entry.id, data: entry.data, filePath: entry.file });
    context.store.set({ id: entry.id, data, filePath: entry.file, digest });
  }
  for (const id of context.store.keys()) if (!read.has(id)) context.store.delete(id);
}

function watch(context: LoaderContext, path: string, reload: () => Promise<void>) {
  if (!context.watcher) return;
  context.watcher.add(path);
  const onChange = async (changed: string) => {
    if (!changed.startsWith(path)) return;
    try {
      await reload();
      context.logger.info(`已重新载入 ${changed}`);
    } catch (error) {
      context.logger.error((error as Error).message);
    }
  };
  // onChange reports its own failures: its promise never rejects.
  context.watcher.on('change', (changed) => void onChange(changed));
  context.watcher.on('add', (changed) => void onChange(changed));
  context.watcher.on('unlink', (changed) => void onChange(changed));
}

/** One YAML file holding a list of entries, each with an `id`. */
export function yamlListLoader(options: { file: string; createSchema: CreateSchema }): Loader {
  return {
    name: 'yangwang-yaml-list-loader',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const absolute = resolve(root, options.file);
      // Astro stores file paths relative to the project root.
      const file = relative(root, absolute).split('\\').join('/');
      const reload = async () => {
        const read = await readContentFile(absolute, file);
        if (!read.ok) {
          handleLoaderProblems(context, [read.problem]);
          return;
        }
        const result = loadYamlList(read.text, file, absolute, options.createSchema);
        await storeEntries(context, result);
      };
      await reload();
      watch(context, absolute, reload);
    },
  };
}

/** A folder of YAML files, one entry per file. */
export function yamlFilesLoader(options: { base: string; createSchema: CreateSchema }): Loader {
  return {
    name: 'yangwang-yaml-files-loader',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const dir = resolve(root, options.base);
      const reload = async () => {
        const combined: Omit<YamlLoadResult, 'yaml'> = { entries: [], problems: [] };
        for (const name of await listYamlFiles(dir)) {
          const absolute = join(dir, name);
          const file = relative(root, absolute).split('\\').join('/');
          const read = await readContentFile(absolute, file);
          if (!read.ok) {
            combined.problems.push(read.problem);
            continue;
          }
          const result = loadYamlFile(read.text, file, absolute, options.createSchema);
          combined.entries.push(...result.entries);
          combined.problems.push(...result.problems);
        }
        await storeEntries(context, combined);
      };
      await reload();
      watch(context, dir, reload);
    },
  };
}
