import { defineCollection, reference } from 'astro:content';
import { mdxLoader } from './content-input/astro/mdx-loader.ts';
import { yamlFilesLoader, yamlListLoader } from './content-input/astro/yaml-loader.ts';
import { createVolumeSchema } from './schemas/volumes.ts';
import { createHonourYearSchema } from './schemas/honours.ts';
import { schoolSchema } from './schemas/schools.ts';
import { createStoredStorySchema, createStorySchema } from './schemas/stories.ts';
import { createStoredTeacherSchema, createTeacherSchema } from './schemas/teachers.ts';

// The benchmarks build synthetic corpora from another folder; the site always uses `content/`.
const CONTENT = process.env.YANGWANG_CONTENT_DIR ?? 'content';

// Read by src/data/teachers.ts: profiles, directory, school pages.
const teachers = defineCollection({
  loader: mdxLoader({ base: `${CONTENT}/teachers`, createSchema: createTeacherSchema }),
  schema: ({ image }) => createStoredTeacherSchema({ image, reference }),
});

// Read by src/data/stories.ts: story pages, lists, feeds.
const stories = defineCollection({
  loader: mdxLoader({ base: `${CONTENT}/stories`, createSchema: createStorySchema }),
  schema: ({ image }) => createStoredStorySchema({ image, reference }),
});

// Read by src/data/volumes.ts: volumes and their print editions (folder and URL: collections/).
const volumes = defineCollection({
  loader: yamlFilesLoader({ base: `${CONTENT}/collections`, createSchema: createVolumeSchema }),
  schema: ({ image }) => createVolumeSchema({ image, reference }),
});

// Read by src/data/schools.ts: school pages and the teachers directory.
const schools = defineCollection({
  loader: yamlListLoader({ file: `${CONTENT}/schools.yaml`, createSchema: () => schoolSchema }),
  schema: schoolSchema,
});

// Read by src/data/honours.ts: honour rolls by year.
const honours = defineCollection({
  loader: yamlFilesLoader({ base: `${CONTENT}/honours`, createSchema: createHonourYearSchema }),
  schema: ({ image }) => createHonourYearSchema({ image, reference }),
});

export const collections = { teachers, stories, volumes, schools, honours };
