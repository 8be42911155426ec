/**
 * Builds the site once before the build tests, so they read the `dist/` of the code under test.
 * Set YANGWANG_REUSE_DIST=1 to read an existing `dist/` instead (CI builds just before testing).
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export default function setup() {
  if (process.env.YANGWANG_REUSE_DIST === '1' && existsSync('dist/index.html')) return;
  execSync('npm run build --silent', { stdio: 'inherit', env: { ...process.env, YANGWANG_REUSE_DIST: '' } });
}
