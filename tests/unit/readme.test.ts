/** The README and the editors' guide show only commands that exist. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const scripts = Object.keys((JSON.parse(readFileSync('package.json', 'utf-8')) as { scripts: Record<string, string> }).scripts);

describe.each(['README.md', 'docs/editors-guide.md'])('%s', (file) => {
  it('names only npm scripts that package.json defines', () => {
    const named = [...readFileSync(file, 'utf-8').matchAll(/npm run ([a-z][a-z0-9:-]*)/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(0);
    for (const name of new Set(named)) expect(scripts, `${file}: npm run ${name}`).toContain(name);
  });
});
