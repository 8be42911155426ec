import { defineCollection, reference } from 'astro:content';
import { mdxLoader } from './loaders/mdx-loader.ts';
import { yamlFilesLoader, yamlListLoader } from './loaders/yaml-loader.ts';
import { createCollectionSchema } from './schemas/collections.ts';
import type { SchemaHelpers } from './schemas/common.ts';
import { createHonourYearSchema } from './schemas/honours.ts';
import { schoolSchema } from './schemas/schools.ts';
import { createStoredStorySchema, createStorySchema } from './schemas/stories.ts';
import { createStoredTeacherSchema, createTeacherSchema } from './schemas/teachers.ts';

const helpers = (image: SchemaHelpers['image']): SchemaHelpers => ({ image, reference });

// Read by src/data/teachers.ts: profiles, directory, school pages.
const teachers = defineCollection({
  loader: mdxLoader({ base: 'content/teachers', createSchema: createTeacherSchema }),
  schema: ({ image }) => createStoredTeacherSchema(helpers(image)),
});

// Read by src/data/stories.ts: story pages, lists, feeds.
const stories = defineCollection({
  loader: mdxLoader({ base: 'content/stories', createSchema: createStorySchema }),
  schema: ({ image }) => createStoredStorySchema(helpers(image)),
});

// Read by src/data/collections.ts: volumes and their print editions.
const volumes = defineCollection({
  loader: yamlFilesLoader({ base: 'content/collections', createSchema: createCollectionSchema }),
  schema: ({ image }) => createCollectionSchema(helpers(image)),
});

// Read by src/data/schools.ts: school pages and the teachers directory.
const schools = defineCollection({
  loader: yamlListLoader({ file: 'content/schools.yaml', createSchema: () => schoolSchema }),
  schema: schoolSchema,
});

// Read by src/data/honours.ts: honour rolls by year.
const honours = defineCollection({
  loader: yamlFilesLoader({ base: 'content/honours', createSchema: createHonourYearSchema }),
  schema: ({ image }) => createHonourYearSchema(helpers(image)),
});

export const collections = { teachers, stories, collections: volumes, schools, honours };
