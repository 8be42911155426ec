/**
 * Browser tests read the built site. Builds it first when dist/ is missing; set
 * YANGWANG_REBUILD=1 to rebuild anyway (CI builds just before and reuses it).
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export default function setup() {
  if (process.env.YANGWANG_REBUILD !== '1' && existsSync('dist/index.html')) return;
  execSync('npm run build --silent', { stdio: 'inherit' });
}
