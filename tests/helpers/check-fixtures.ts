/** Content trees for the content-check tests: the valid base tree with one case laid over it. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const CHECK_FIXTURES = resolve('tests/fixtures/checks');

/** A fresh project root holding `content/`: the base tree, then the case's files over it. */
export function makeContentRoot(caseName?: string): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'yangwang-check-'));
  cpSync(join(CHECK_FIXTURES, 'base'), root, { recursive: true });
  if (caseName) cpSync(join(CHECK_FIXTURES, 'cases', caseName), root, { recursive: true });
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
