/**
 * The editors' guide stays true: its field tables list exactly the fields the schemas accept,
 * each with the one-line comment written on the field in src/schemas; its component section lists
 * exactly the registered components; its image limits are the ones the check applies.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillGuide, renderGuideBlocks } from '../../scripts/lib/guide-blocks.ts';
import { listSchemaFields } from '../../scripts/lib/schema-fields.ts';
import { IMAGE_LIMITS } from '../../src/content-input/rules/images.ts';
import { createCheckHelpers } from '../../src/content-input/entry/validate.ts';
import { COMPONENTS } from '../../src/content-input/entry/components.ts';
import { createVolumeSchema } from '../../src/schemas/volumes.ts';
import { createHonourYearSchema } from '../../src/schemas/honours.ts';
import { redirectSchema } from '../../src/schemas/redirects.ts';
import { schoolSchema } from '../../src/schemas/schools.ts';
import { createStorySchema } from '../../src/schemas/stories.ts';
import { createTeacherSchema } from '../../src/schemas/teachers.ts';

const guide = readFileSync('docs/editors-guide.md', 'utf-8');
const helpers = createCheckHelpers('x.mdx');
const shapes = {
  stories: createStorySchema(helpers),
  teachers: createTeacherSchema(helpers),
  schools: schoolSchema,
  volumes: createVolumeSchema(helpers),
  honours: createHonourYearSchema(helpers),
  redirects: redirectSchema,
};

describe('docs/editors-guide.md', () => {
  it('has its generated parts in step with the code (run npm run docs:guide after changing a schema, a component or a limit)', () => {
    expect(fillGuide(guide)).toBe(guide);
  });

  it.each(Object.entries(shapes))('lists every top-level field of %s, in the schema’s order', (collection, schema) => {
    const block = renderGuideBlocks()[`fields-${collection}`] ?? '';
    const rows = [...block.matchAll(/^\| `([a-zA-Z]+)` \|/gm)].map((m) => m[1]);
    expect(rows).toEqual(Object.keys((schema as unknown as { shape: object }).shape));
    expect(guide).toContain(block);
  });

  it('has a description from the schema source for every field, nested ones included', () => {
    for (const [collection, fields] of Object.entries(listSchemaFields())) {
      expect(fields.length, collection).toBeGreaterThan(3);
      for (const field of fields) {
        expect(field.doc, `${collection}: ${field.path}`).toMatch(/\p{Script=Han}/u);
        expect(guide, `${collection}: ${field.path}`).toContain(`\`${field.path}\``);
      }
    }
  });

  it('documents every component editors may use, with its example', () => {
    for (const [name, spec] of Object.entries(COMPONENTS)) {
      expect(guide).toContain(`### \`<${name}>\``);
      expect(guide).toContain(spec.example);
    }
  });

  it('has no raw HTML outside code, so the /guide/ page stays valid whatever the comments say', () => {
    const prose = guide
      .replace(/```[\s\S]*?```/g, '')
      .replace(/`[^`]*`/g, '')
      .replace(/<!--[\s\S]*?-->/g, '');
    expect(prose.split('\n').filter((line) => /[<>]/.test(line))).toEqual([]);
  });

  it('states the image limits the check applies', () => {
    expect(guide).toContain(`不超过 ${IMAGE_LIMITS.maxBytes / 1024 / 1024} MB`);
    expect(guide).toContain(`长边不超过 ${IMAGE_LIMITS.maxSide} 像素`);
  });
});
