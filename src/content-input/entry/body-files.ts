/**
 * The rendered bodies of stories and profiles, kept as files in Astro's cache folder instead of
 * inside Astro's content store.
 *
 * Astro bundles its whole content store into the build as one module
 * (`export default JSON.parse("…")`, `vite-plugin-content-virtual-mod.js`), writes it to disk after
 * every change, and compiles and parses it again in every build. The bodies were nine tenths of
 * it (about 90 MB at 10,000 stories), though a rebuild renders only the few pages whose data
 * changed. The MDX loader now writes each body to `<cacheDir>/yangwang-bodies/<collection>/<digest>.html`
 * (the digest of the entry's source, its place and the renderer's version, the same digest that
 * tells the loader an entry is unchanged) and stores only that file's place; a page reads its
 * body when it renders. Route data holds the reference, so a page's `cacheKey` changes exactly when
 * its body's source does.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The folder of Astro's cache that holds the bodies, one folder per collection inside it. */
export const BODY_FOLDER = 'yangwang-bodies';

/**
 * A page's body: the file the loader wrote it to, relative to the project root (a cache restored
 * into another checkout path still matches), or the HTML itself for an entry stored with it inline
 * (the test stores).
 */
export type BodyRef = { file: string } | { html: string };

/** Where one collection's bodies are kept. */
export function bodyFolder(cacheDir: string, collection: string): string {
  return join(cacheDir, BODY_FOLDER, collection);
}

const fileName = (digest: string) => `${digest.replace(/[^\w-]/g, '_')}.html`;

/** The body file of an entry with this digest. */
export function bodyFile(folder: string, digest: string): string {
  return join(folder, fileName(digest));
}

/** Writes a body to its file (`bodyFile`). */
export function writeBody(file: string, html: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, html);
}

/** Removes the bodies of entries no longer stored (an edited entry's old digest, a deleted entry). */
export function pruneBodies(folder: string, digests: Iterable<string>): void {
  if (!existsSync(folder)) return;
  const keep = new Set([...digests].map(fileName));
  for (const name of readdirSync(folder)) if (!keep.has(name)) rmSync(join(folder, name), { force: true });
}

/** The body an entry's page shows: the loader's reference in `rendered.metadata.body`, or the HTML stored inline. */
export function bodyOf(entry: { rendered?: { html: string; metadata?: Record<string, unknown> } }): BodyRef {
  const file = entry.rendered?.metadata?.body;
  return typeof file === 'string' ? { file } : { html: entry.rendered?.html ?? '' };
}

/** The HTML of a body, read when its page renders (paths relative to the project root, the build's working folder). */
export function readBody(body: BodyRef): string {
  if ('html' in body) return body.html;
  const path = resolve(body.file);
  try {
    return readFileSync(path, 'utf-8');
  } catch {
    throw new Error(`找不到正文的缓存文件 ${body.file}：它在构建中途被删除了。请重新构建。`);
  }
}
