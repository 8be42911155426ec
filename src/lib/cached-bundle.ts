/**
 * An esbuild bundle kept in a cache folder and reused while none of its inputs changed.
 *
 * The web editor's bundle (Decap CMS and React, minified) took 2 s of every build, a sixth of a
 * rebuild of the sample site, though it changes only with our editor code or a dependency. esbuild
 * lists every file it read in its metafile; the cache keeps the bundle with that list and each
 * file's digest, and the options. The next build reuses the bundle when the options are the same
 * and every listed file still has its digest: a changed, moved or deleted input (our code, a
 * dependency after `npm install`) bundles again. Digests of content, not times: a fresh clone in
 * the same place with a restored cache reuses it (the options name absolute paths, so a checkout
 * elsewhere bundles once).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build, type BuildOptions } from 'esbuild';

interface BundleRecord {
  options: string;
  inputs: Record<string, string>;
}

/** SHA-256 of a file's bytes: what the caches built on a list of inputs compare. */
export const digestOf = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The options as the record compares them: the output file's own place left out. */
function optionsKey(options: BuildOptions): string {
  const { outfile: _outfile, ...rest } = options;
  return JSON.stringify(rest);
}

/**
 * Whether every input recorded (path, relative to `workingDir` or absolute → `digestOf`) still
 * exists with its digest. Also used by the web editor's field descriptions (scripts/lib/schema-fields.ts).
 */
export function inputsUnchanged(inputs: Record<string, string>, workingDir: string): boolean {
  return Object.entries(inputs).every(([file, digest]) => {
    const path = resolve(workingDir, file);
    return existsSync(path) && digestOf(path) === digest;
  });
}

/**
 * Bundles `options` (one `outfile`, written to disk) or copies the bundle from `cacheFolder` when
 * nothing it was made from changed. Returns whether the cached bundle was used.
 */
export async function cachedBundle(options: BuildOptions & { outfile: string }, cacheFolder?: string): Promise<boolean> {
  const workingDir = options.absWorkingDir ?? process.cwd();
  const recordFile = cacheFolder && join(cacheFolder, 'bundle.json');
  const cachedOutput = cacheFolder && join(cacheFolder, 'bundle.js');
  if (recordFile && cachedOutput && existsSync(recordFile) && existsSync(cachedOutput)) {
    const record = JSON.parse(readFileSync(recordFile, 'utf-8')) as BundleRecord;
    if (record.options === optionsKey(options) && inputsUnchanged(record.inputs, workingDir)) {
      mkdirSync(dirname(options.outfile), { recursive: true });
      copyFileSync(cachedOutput, options.outfile);
      return true;
    }
  }
  const result = await build({ ...options, metafile: true, write: true });
  if (recordFile && cachedOutput) {
    const inputs: Record<string, string> = {};
    for (const file of Object.keys(result.metafile.inputs)) {
      const path = resolve(workingDir, file);
      // Inputs that are not files (esbuild's own namespaces) cannot be checked: no cache then.
      if (!existsSync(path)) return false;
      inputs[file] = digestOf(path);
    }
    mkdirSync(cacheFolder, { recursive: true });
    // No record describes the cached bundle while it is replaced.
    rmSync(recordFile, { force: true });
    copyFileSync(options.outfile, cachedOutput);
    writeFileSync(recordFile, JSON.stringify({ options: optionsKey(options), inputs } satisfies BundleRecord));
  }
  return false;
}
