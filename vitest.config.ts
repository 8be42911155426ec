/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Two projects: `unit` (pure functions, schemas, loader, components through the Container API)
// and `build` (reads a fresh build of the whole site; its global setup runs the build once).
export default getViteConfig(
  {
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            include: ['tests/unit/**/*.test.ts', 'tests/schemas/**/*.test.ts', 'tests/components/**/*.test.ts'],
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
      ],
    },
  },
  { devToolbar: { enabled: false } },
);
