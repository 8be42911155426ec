/**
 * The build stops on bad content and on problems Astro only logs. These run real `astro build`s:
 * of the site over a broken content tree (it stops before rendering anything), and of a tiny
 * fixture site whose content has a reference Astro cannot resolve.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeContentRoot } from '../helpers/check-fixtures.ts';

const ASTRO = resolve('node_modules/astro/bin/astro.mjs');
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

function astroBuild(args: string[], env: Record<string, string> = {}) {
  const out = mkdtempSync(join(tmpdir(), 'yangwang-build-'));
  cleanups.push(() => rmSync(out, { recursive: true, force: true }));
  const run = spawnSync(process.execPath, [ASTRO, 'build', '--outDir', out, ...args], {
    encoding: 'utf-8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', ...env },
  });
  return { ...run, out };
}

describe('npm run build', () => {
  it('stops before rendering anything when the content check finds problems, and lists them all', () => {
    const { root, cleanup } = makeContentRoot('reference-story-teacher');
    cleanups.push(cleanup);
    const run = astroBuild([], { YANGWANG_CONTENT_DIR: join(root, 'content') });
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toContain(`${root}/content/stories/shan-li-de-deng/index.mdx:4  teachers.0  找不到教师 “lin-qiuyn”`);
    expect(run.stdout + run.stderr).toContain('网站没有构建：请先改正上面的问题。');
    expect(existsSync(join(run.out, 'index.html'))).toBe(false);
  });

  it('fails when Astro logs an error it would otherwise exit 0 on (a reference to a missing entry)', () => {
    const fixture = resolve('tests/fixtures/astro-log-guard');
    // What Astro does on its own: logs the error and exits 0.
    const plain = astroBuild(['--root', fixture], { YANGWANG_NO_LOG_GUARD: '1' });
    expect(plain.stdout + plain.stderr).toContain('Invalid content reference');
    expect(plain.status).toBe(0);
    // With the site's log guard and content-checks integration: exit 1 with a summary.
    const guarded = astroBuild(['--root', fixture]);
    expect(guarded.status).toBe(1);
    expect(guarded.stdout + guarded.stderr).toContain('构建过程中 Astro 报告了 1 个错误或会丢失内容的警告');
    expect(guarded.stdout + guarded.stderr).toContain('references "nobody" in collection "people"');
  });
});
