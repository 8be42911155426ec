import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digestRouteData, serializeRouteData } from '../../src/lib/route-digest.ts';

describe('digestRouteData', () => {
  it('does not depend on the order of object keys, and drops undefined fields', () => {
    expect(digestRouteData({ a: 1, b: { c: '灯', d: [1, 2] } })).toBe(digestRouteData({ b: { d: [1, 2], c: '灯' }, a: 1, e: undefined }));
    expect(serializeRouteData({ b: 1, a: [undefined, 2] })).toBe('{"a":[null,2],"b":1}');
  });
  it('changes with any value, and with the order of a list', () => {
    const base = digestRouteData({ title: '山里的灯', cards: ['a', 'b'] });
    expect(digestRouteData({ title: '山里的那盏灯', cards: ['a', 'b'] })).not.toBe(base);
    expect(digestRouteData({ title: '山里的灯', cards: ['b', 'a'] })).not.toBe(base);
  });
  it('reads an image by src, width, height and format only (not where the file lies on this machine)', () => {
    const image = { src: '/_astro/cover.Ab12.jpg', width: 1200, height: 800, format: 'jpg' };
    const key = digestRouteData({ cover: image });
    expect(digestRouteData({ cover: { ...image, fsPath: '/home/someone/cover.jpg' } })).toBe(key);
    expect(digestRouteData({ cover: { ...image, src: '/_astro/cover.Cd34.jpg' } })).not.toBe(key);
  });
  it('refuses what is not plain data', () => {
    expect(() => digestRouteData({ when: new Date(0) })).toThrow(/route\.when/);
    expect(() => digestRouteData({ f: () => 1 })).toThrow(/function/);
    expect(() => digestRouteData({ n: Number.NaN })).toThrow(/NaN/);
  });
});

describe('components', () => {
  // Pages hand components their route data; a component that read src/data itself would show
  // something the page's cache key does not cover.
  it('read nothing from src/data but types', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(astro|ts)$/.test(entry.name)) {
          for (const line of readFileSync(path, 'utf-8').split('\n')) {
            if (/^import\s+(?!type\b).*from\s+'(\.\.\/)+data\//.test(line)) offenders.push(`${path}: ${line}`);
          }
        }
      }
    };
    walk('src/components');
    expect(offenders).toEqual([]);
  });
});

describe('src/layouts/client-sources.ts', () => {
  // Every page's CSP lists the hashes of every inline style and client script of the site; a
  // source left out could change without every page re-rendering (an incremental build would
  // restore pages with the old hashes).
  it('covers every .astro file with a <style> or <script>, wherever it lies', () => {
    const listed = readFileSync('src/layouts/client-sources.ts', 'utf-8');
    const globs = [...listed.matchAll(/'\.\.\/([a-z]+)\/\*\*\/\*\.astro'/g)].map((m) => `src/${m[1]}/`);
    const withClientParts: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.astro') && /<(script|style)[\s>]/.test(readFileSync(path, 'utf-8'))) withClientParts.push(path);
      }
    };
    walk('src');
    expect(withClientParts.length).toBeGreaterThan(10);
    for (const path of withClientParts)
      expect(
        globs.some((g) => path.startsWith(g)),
        path,
      ).toBe(true);
  });
});

describe('serializeRouteData', () => {
  // What the digests of earlier builds were taken of: JSON.stringify of a copy with object keys
  // sorted, undefined dropped, and images reduced to src, width, height, format (in that order).
  // A different serialisation would change every page's cache key and re-render the whole site.
  const reference = (value: unknown): string =>
    JSON.stringify(value, (_key, v: unknown) => {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
      const o = v as Record<string, unknown>;
      if (typeof o.src === 'string' && typeof o.width === 'number' && typeof o.height === 'number' && typeof o.format === 'string')
        return { src: o.src, width: o.width, height: o.height, format: o.format };
      return Object.fromEntries(
        Object.keys(o)
          .sort()
          .map((k) => [k, o[k]]),
      );
    });

  it('is JSON.stringify of a key-sorted copy, for nested data of every kind', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const words = ['灯', 'a"b', '\\n', 'zeta', 'Alpha', '', '山里的灯\u2028', 'src', 'width'];
    const make = (depth: number): unknown => {
      const r = random();
      if (depth > 3 || r < 0.3)
        return [null, true, false, 0, -1.5, 1e21, words[Math.floor(random() * words.length)]][Math.floor(random() * 7)];
      if (r < 0.45)
        return { src: `/_astro/${Math.floor(random() * 9)}.jpg`, width: 1200, height: 800, format: 'jpg', fsPath: '/x', alt: '图' };
      if (r < 0.7) return Array.from({ length: Math.floor(random() * 4) }, () => (random() < 0.15 ? undefined : make(depth + 1)));
      const o: Record<string, unknown> = {};
      for (let i = Math.floor(random() * 5); i > 0; i--)
        o[words[Math.floor(random() * words.length)] ?? 'k'] = random() < 0.15 ? undefined : make(depth + 1);
      return o;
    };
    for (let i = 0; i < 500; i++) {
      const value = { route: make(0) };
      expect(serializeRouteData(value)).toBe(reference(value));
    }
  });
});
