/**
 * The cache folders a deploy keeps are named in three places besides scripts/lib/cache-folders.ts
 * (which `npm run check:incremental` uses): the README and the two example pipelines. All four
 * must name the same folders, so adding a cache folder to the list fails here until the README and
 * both examples keep it too.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CACHE_FOLDERS } from '../../scripts/lib/cache-folders.ts';

const expected = CACHE_FOLDERS.map((f) => f.path);

describe('the cache folders a deploy keeps', () => {
  it('are listed in the README, each with what it holds', () => {
    const readme = readFileSync('README.md', 'utf-8');
    const section = /<!-- cache-folders:start[^>]*-->\n([\s\S]*?)<!-- cache-folders:end -->/.exec(readme)?.[1];
    expect(section, 'README.md: the marked cache-folders list').toBeDefined();
    const items = (section ?? '').trim().split('\n');
    expect(items).toEqual(CACHE_FOLDERS.map((f) => `- \`${f.path}\`: ${f.holds}`));
  });

  it('are what the GitHub Actions example caches, keyed by commit and restored from the latest', () => {
    const workflow = parse(readFileSync('docs/deploy/github-actions.yml', 'utf-8')) as {
      jobs: Record<string, { steps: { uses?: string; run?: string; with?: Record<string, string> }[] }>;
    };
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const cache = steps.filter((step) => step.uses?.startsWith('actions/cache@'));
    expect(cache).toHaveLength(1);
    const settings = cache[0]?.with ?? {};
    expect((settings.path ?? '').trim().split('\n')).toEqual(expected);
    expect(settings.key).toMatch(/^(.+)\$\{\{ github\.sha \}\}$/);
    const prefix = /^(.+)\$\{\{ github\.sha \}\}$/.exec(settings.key ?? '')?.[1];
    expect((settings['restore-keys'] ?? '').trim()).toBe(prefix);
    // The cache is restored before the build.
    const build = steps.findIndex((step) => step.run === 'npm run build');
    expect(build).toBeGreaterThan(steps.indexOf(cache[0] as (typeof steps)[number]));
  });

  it('are what the GitLab CI example caches', () => {
    const pipeline = parse(readFileSync('docs/deploy/gitlab-ci.yml', 'utf-8')) as Record<
      string,
      { cache?: { key?: string; paths?: string[] }; script?: string[] }
    >;
    const jobs = Object.values(pipeline).filter((job) => job.script?.includes('npm run build'));
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.cache?.key).toBeTruthy();
    expect(jobs[0]?.cache?.paths).toEqual(expected);
  });
});
