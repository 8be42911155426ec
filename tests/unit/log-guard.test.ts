/** The log destination that remembers what Astro logs but does not fail on. */
import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import logGuard, { getGuardState, isFailure } from '../../src/content-input/astro/log-guard.mjs';

describe('log guard', () => {
  afterEach(() => {
    const state = getGuardState();
    state.build = false;
    state.failures.length = 0;
    process.exitCode = undefined;
  });

  it('counts errors and the warnings that mean something was lost, nothing else', () => {
    expect(isFailure({ level: 'error', label: 'content', message: 'Invalid content reference' })).toBe(true);
    expect(isFailure({ level: 'warn', label: 'router', message: 'The route "/a" is defined in both "x" and "y".' })).toBe(true);
    expect(isFailure({ level: 'warn', label: 'content', message: '\u001b[33mEntry stories → x was not found.\u001b[39m' })).toBe(true);
    expect(isFailure({ level: 'warn', label: 'vite', message: 'Some chunks are larger than 500 kB' })).toBe(false);
    expect(isFailure({ level: 'info', label: 'build', message: 'error in a file name is not an error' })).toBe(false);
  });

  it('prints as Astro does, remembers failures, and sets the exit code only during a build', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const destination = logGuard({});
    destination.write({ level: 'error', label: 'content', message: 'first', newLine: true });
    expect(process.exitCode).toBeUndefined();
    getGuardState().build = true;
    destination.write({ level: 'error', label: 'content', message: 'second', newLine: true });
    expect(process.exitCode).toBe(1);
    expect(getGuardState().failures.map((f) => f.message)).toEqual(['first', 'second']);
    // Astro colours its output when the terminal (or CI) supports it; compare the text only.
    const printed = stripVTControlCharacters(String(write.mock.calls[0]?.[0]));
    expect(printed).toContain('[ERROR] [content] first');
    write.mockRestore();
  });

  it('writes the pages and images an incremental build skipped as one line each, and every page it rendered', () => {
    const printed: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      printed.push(stripVTControlCharacters(String(chunk)));
      return true;
    });
    const destination = logGuard({});
    const info = (message: string, newLine = true, label: string | null = null) => {
      destination.write({ level: 'info', label, message, newLine });
    };
    // As Astro 7.3 logs the page and image phases (node_modules/astro/dist/core/build/generate.js, assets/build/generate.js).
    info(' generating static routes ', true, 'SKIP_FORMAT');
    info('  ├─ /index.html', false);
    info('  ├─ /stories/a/index.html', false);
    info(' (cached)', true, 'SKIP_FORMAT');
    info('  ├─ /stories/b/index.html', false);
    info(' (restored)', true, 'SKIP_FORMAT');
    info(' (+12ms) ', true, 'SKIP_FORMAT');
    info('  ├─ /stories/c/index.html', false);
    info(' (cached)', true, 'SKIP_FORMAT');
    info('✓ Completed in 3.2s.\n');
    info(' generating optimized images ', true, 'SKIP_FORMAT');
    info('  ▶ /_astro/a_1.avif (reused cache entry) (+1ms) (1/3)');
    info('  ▶ /_astro/b_1.avif (before: 120kB, after: 20kB) (+900ms) (2/3)');
    info('  ▶ /_astro/c_1.webp (reused cache entry) (+0ms) (3/3)');
    info('✓ Completed in 1.0s.\n');
    write.mockRestore();
    const text = printed.join('');
    expect(text).toContain('├─ /index.html (+12ms)');
    expect(text).not.toContain('/stories/');
    expect(text).toContain('沿用上次构建的页面 3 个（原地保留 2 个，从缓存恢复 1 个）\n');
    expect(text.indexOf('沿用上次构建的页面')).toBeLessThan(text.indexOf('Completed in 3.2s'));
    expect(text).toContain('▶ /_astro/b_1.avif (before: 120kB');
    expect(text).not.toContain('a_1.avif');
    expect(text).toContain('沿用缓存的优化图片 2 张\n');
  });

  it('prints a page started just before an error', () => {
    const printed: string[] = [];
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (printed.push(String(chunk)), true));
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (printed.push(String(chunk)), true));
    const destination = logGuard({});
    destination.write({ level: 'info', label: null, message: '  ├─ /stories/x/index.html', newLine: false });
    destination.write({ level: 'error', label: 'build', message: 'boom', newLine: true });
    out.mockRestore();
    err.mockRestore();
    expect(stripVTControlCharacters(printed.join(''))).toMatch(/\/stories\/x\/index\.html.*boom/s);
  });
});
