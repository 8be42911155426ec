/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Projects: `unit` (pure functions, schemas, loader, components through the Container API),
// `dev` (the dev server reloads edited content), `build` (reads a fresh build of the whole site;
// its global setup runs the build once), `guard` (whole builds that must fail, run after the
// others so they do not compete with the dev server test for two cores) and `e2e` (real
// Chromium against the built site; `npm run test:e2e`, not part of `npm test`).
export default getViteConfig(
  {
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            include: ['tests/unit/**/*.test.ts', 'tests/schemas/**/*.test.ts', 'tests/components/**/*.test.ts'],
            // Some unit tests start `npm run check:content` or render every sample entry: on a busy
            // two-core machine they took over vitest's default 5 s, which says nothing about correctness.
            testTimeout: 30_000,
          },
        },
        {
          extends: true,
          test: {
            name: 'dev',
            include: ['tests/dev/**/*.test.ts'],
            // Astro 7 runs one dev server per project (a lock file in .astro/): one file at a time.
            fileParallelism: false,
            testTimeout: 60_000,
          },
        },
        {
          extends: true,
          test: {
            name: 'build',
            include: ['tests/build/**/*.test.ts'],
            globalSetup: ['tests/build/setup.ts'],
            testTimeout: 60_000,
          },
        },
        {
          extends: true,
          test: {
            name: 'guard',
            include: ['tests/guard/**/*.test.ts'],
            // Whole builds of content copies: one at a time (two cores; and two builds of different
            // content share Astro's generated files in .astro/).
            fileParallelism: false,
            testTimeout: 300_000,
            sequence: { groupOrder: 1 },
          },
        },
        {
          extends: true,
          test: {
            name: 'e2e',
            include: ['tests/e2e/**/*.test.ts'],
            globalSetup: ['tests/e2e/setup.ts'],
            // One browser at a time: the machines have two cores.
            fileParallelism: false,
            testTimeout: 60_000,
            hookTimeout: 60_000,
          },
        },
      ],
    },
  },
  { devToolbar: { enabled: false } },
);
