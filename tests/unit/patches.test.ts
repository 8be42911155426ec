/**
 * The patches in patches/ are applied to what is installed (`postinstall`: patch-package): every
 * line a patch adds is in the installed file, so a build never runs without them unnoticed (an
 * install that skipped lifecycle scripts, `npm install --ignore-scripts`). What the patches change
 * in the output (nothing) is `npm run check:incremental`'s to show.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PATCHES = join(import.meta.dirname, '..', '..', 'patches');

/** The lines each file of a unified diff gains, by the file's path (relative to the project). */
function addedLines(patch: string): Map<string, string[]> {
  const files = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of patch.split('\n')) {
    const target = /^\+\+\+ b\/(.+)$/.exec(line);
    if (target?.[1]) {
      current = [];
      files.set(target[1], current);
    } else if (current && line.startsWith('+') && line.slice(1).trim() !== '') current.push(line.slice(1));
  }
  return files;
}

const patches = readdirSync(PATCHES).filter((name) => name.endsWith('.patch'));

describe('patches to dependencies', () => {
  it('there is at least one, and patches/README.md names each', () => {
    expect(patches.length).toBeGreaterThan(0);
    const readme = readFileSync(join(PATCHES, 'README.md'), 'utf-8');
    for (const name of patches) expect(readme, name).toContain(`## ${name}`);
  });

  it.each(patches)('%s is applied to the installed files', (name) => {
    const files = addedLines(readFileSync(join(PATCHES, name), 'utf-8'));
    expect(files.size).toBeGreaterThan(0);
    for (const [file, lines] of files) {
      const installed = readFileSync(join(PATCHES, '..', file), 'utf-8');
      for (const line of lines) expect(installed, `${file} lacks: ${line}`).toContain(line);
    }
  });
});
