/**
 * A real build that must fail: a copy of the content with a published story removed (no
 * redirect) and a redirect to a page that does not exist. The build has to stop and name both
 * URLs. The copy gets its own cache and output folders, with the image caches of the main build
 * copied in, so it neither disturbs the main dist/ nor re-encodes every picture.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const WORK = resolve('node_modules/.cache/yangwang-url-test');
const REMOVED = 'lou-ding-shang-de-ban-mu-tian';

describe('the build guards published URLs', () => {
  it('fails, naming the URL, when a published story is removed without a redirect, and when a redirect leads nowhere', () => {
    rmSync(WORK, { recursive: true, force: true });
    mkdirSync(WORK, { recursive: true });
    const content = join(WORK, 'content');
    cpSync('content', content, { recursive: true });
    rmSync(join(content, 'stories', REMOVED), { recursive: true });
    writeFileSync(
      join(content, 'redirects.yaml'),
      "- from: /stories/an-old-name/\n  to: /stories/does-not-exist/\n  date: '2025-03-01'\n",
    );
    const cache = join(WORK, 'cache');
    for (const warm of ['assets', 'share-images']) {
      if (existsSync(`node_modules/.astro/${warm}`)) cpSync(`node_modules/.astro/${warm}`, join(cache, warm), { recursive: true });
    }

    const run = spawnSync('npm', ['run', 'build', '--silent', '--', '--outDir', join(WORK, 'dist')], {
      encoding: 'utf-8',
      env: { ...process.env, YANGWANG_CONTENT_DIR: content, YANGWANG_CACHE_DIR: cache, CI: 'true' },
      timeout: 240_000,
    });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output.slice(-3000)).not.toBe(0);
    expect(output).toContain('永久地址检查发现 2 个问题');
    expect(output).toMatch(new RegExp(`published-urls\\.txt:\\d+  /stories/${REMOVED}/  已发布的地址 /stories/${REMOVED}/ 不再生成，也没有转址`));
    expect(output).toMatch(/redirects\.yaml:1  \/stories\/an-old-name\/  转址 \/stories\/an-old-name\/ → \/stories\/does-not-exist\/ 指向的页面不存在/);
    // The editors' redirect reached Astro: the old address became a redirect page.
    const redirectPage = readFileSync(join(WORK, 'dist/stories/an-old-name/index.html'), 'utf-8');
    expect(redirectPage).toContain('<meta http-equiv="refresh" content="0;url=/stories/does-not-exist/">');
    rmSync(WORK, { recursive: true, force: true });
  }, 300_000);
});
