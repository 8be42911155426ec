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
});
