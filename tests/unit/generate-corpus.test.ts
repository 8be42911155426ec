/**
 * The benchmark corpus generator: what it writes must pass the same checks as editors' content,
 * with stories of realistic length, and the same arguments must write the same bytes.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertOutsideContent, createRandom, generateCorpus, makeSchools, makeTeachers } from '../../scripts/bench/generate-corpus.ts';
import { checkContent } from '../../src/content-input/tree/check-content.ts';
import { loadMdxEntry } from '../../src/content-input/entry/mdx-entry.ts';
import { loadYamlFile, loadYamlList } from '../../src/content-input/entry/yaml-entry.ts';
import { createVolumeSchema } from '../../src/schemas/volumes.ts';
import { createHonourYearSchema } from '../../src/schemas/honours.ts';
import { schoolSchema } from '../../src/schemas/schools.ts';
import { createStorySchema } from '../../src/schemas/stories.ts';
import { createTeacherSchema } from '../../src/schemas/teachers.ts';

const work = mkdtempSync(join(tmpdir(), 'yw-corpus-'));
const first = join(work, 'a');
const second = join(work, 'b');

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)))
    .sort();
}
function digestTree(dir: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(dir).map((f) => [
      f,
      createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex'),
    ]),
  );
}
function loadEntries(dir: string, createSchema: Parameters<typeof loadMdxEntry>[3]) {
  return readdirSync(dir).map((slug) => {
    const file = join(dir, slug, 'index.mdx');
    return loadMdxEntry(readFileSync(file, 'utf-8'), relative(work, file), resolve(file), createSchema);
  });
}

beforeAll(async () => {
  await generateCorpus({ stories: 30, out: first, seed: 7 });
  await generateCorpus({ stories: 30, out: second, seed: 7 });
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('generate-corpus', () => {
  it('writes a tree that passes npm run check:content (the check every build runs first)', async () => {
    const result = await checkContent({ root: work, contentDir: 'a', cacheFile: false });
    expect(result.problems).toEqual([]);
    expect(result.counts.stories).toBe(30);
  });

  it('writes stories and teachers that pass the content checks, with bodies of 1,500–2,500 characters', () => {
    const stories = loadEntries(join(first, 'stories'), createStorySchema);
    const teachers = loadEntries(join(first, 'teachers'), createTeacherSchema);
    expect(stories).toHaveLength(30);
    expect(teachers.length).toBeGreaterThanOrEqual(15);
    expect([...stories, ...teachers].flatMap((e) => e.problems)).toEqual([]);
    for (const story of stories) {
      expect(story.characterCount, story.id).toBeGreaterThanOrEqual(1500);
      expect(story.characterCount, story.id).toBeLessThanOrEqual(2500);
      expect(story.data.sample, story.id).toBe(true);
    }
    // Every reference resolves to a teacher that was written.
    const teacherIds = new Set(teachers.map((t) => t.id));
    for (const story of stories) for (const id of story.data.teachers as string[]) expect(teacherIds.has(id), id).toBe(true);
    // One story in ten has its own cover and a body figure.
    expect(stories.filter((s) => (s.data.figures as unknown[]).length === 1)).toHaveLength(3);
  });

  it('writes schools, honour rolls and collections that pass the content checks', () => {
    const file = (name: string) => [readFileSync(join(first, name), 'utf-8'), name, join(first, name)] as const;
    expect(loadYamlList(...file('schools.yaml'), () => schoolSchema).problems).toEqual([]);
    for (const name of readdirSync(join(first, 'honours')))
      expect(loadYamlFile(...file(`honours/${name}`), createHonourYearSchema).problems).toEqual([]);
    const volumes = readdirSync(join(first, 'collections'));
    expect(volumes.length).toBeGreaterThan(0);
    for (const name of volumes) expect(loadYamlFile(...file(`collections/${name}`), createVolumeSchema).problems).toEqual([]);
  });

  it('never makes two teachers of the same name at the same school, even at 10,000 stories', () => {
    // The content check reports such a pair as a copied profile; 30 stories are too few to show it.
    const random = createRandom(1);
    const teachers = makeTeachers(5000, makeSchools(400, random), 10, random);
    const people = teachers.map((t) => `${t.name}@${t.school.id}`);
    expect(new Set(people).size).toBe(people.length);
  });

  it('writes the same bytes for the same arguments', () => {
    expect(digestTree(second)).toEqual(digestTree(first));
  });

  it('refuses to write into content/ (it empties its output folder first)', () => {
    expect(() => assertOutsideContent('content')).toThrow(/content/);
    expect(() => assertOutsideContent('content/stories')).toThrow(/content/);
    expect(() => assertOutsideContent('./content/../content/x')).toThrow(/content/);
    expect(() => assertOutsideContent('.bench/corpus-1000')).not.toThrow();
    expect(() => assertOutsideContent('content-copy')).not.toThrow();
  });
});
