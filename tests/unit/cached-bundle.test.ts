/**
 * The web editor's bundle is reused from the cache while none of the files esbuild read changed
 * (src/lib/cached-bundle.ts). A fixture entry importing a module: the first bundle is built, the
 * second copied, an edit of the imported module (not the entry) or other options bundles again.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { cachedBundle } from '../../src/lib/cached-bundle.ts';

const dir = mkdtempSync(join(tmpdir(), 'cached-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('reuses the cached bundle until a file it was made from or an option changes', async () => {
  writeFileSync(join(dir, 'entry.ts'), "import { word } from './word.ts';\nconsole.log(word);\n");
  writeFileSync(join(dir, 'word.ts'), "export const word = '仰望';\n");
  const cache = join(dir, 'cache');
  const options = {
    entryPoints: [join(dir, 'entry.ts')],
    bundle: true,
    format: 'iife' as const,
    logLevel: 'silent' as const,
    charset: 'utf8' as const,
  };
  const out = (name: string) => join(dir, name, 'main.js');

  expect(await cachedBundle({ ...options, outfile: out('first') }, cache)).toBe(false);
  expect(readFileSync(out('first'), 'utf-8')).toContain('仰望');
  expect(await cachedBundle({ ...options, outfile: out('second') }, cache)).toBe(true);
  expect(readFileSync(out('second'), 'utf-8')).toBe(readFileSync(out('first'), 'utf-8'));

  writeFileSync(join(dir, 'word.ts'), "export const word = '星空';\n");
  expect(await cachedBundle({ ...options, outfile: out('third') }, cache)).toBe(false);
  expect(readFileSync(out('third'), 'utf-8')).toContain('星空');
  expect(await cachedBundle({ ...options, outfile: out('fourth') }, cache)).toBe(true);

  expect(await cachedBundle({ ...options, minify: true, outfile: out('fifth') }, cache)).toBe(false);
  // Without a cache folder, always bundled.
  expect(await cachedBundle({ ...options, outfile: out('sixth') })).toBe(false);
});
