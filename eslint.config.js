// @ts-check
// ESLint for the site's code: typescript-eslint's strictest type-aware rules on every TypeScript and
// JavaScript file, eslint-plugin-astro on the components and pages, and eslint-config-prettier last
// so that no rule argues with Prettier about layout (Prettier formats; `npm run lint` checks both).
import eslint from '@eslint/js';
import eslintConfigPrettier from 'eslint-config-prettier/flat';
import eslintPluginAstro from 'eslint-plugin-astro';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // What editors write (content/), what builds write, and the copies the checks and benchmarks make.
  globalIgnores([
    'content/',
    'docs/',
    'public/',
    'dist/',
    'dist-book/',
    // Astro's generated types, here and in the test fixtures' sites.
    '**/.astro/',
    '.bench/',
    '.repro/',
    '.incremental/',
    '.proto/',
    'tmp/',
    'test-results/',
  ]),
  eslint.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  eslintPluginAstro.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    rules: {
      // Numbers in template literals are how the site writes counts, sizes and dates (`${n} 篇`);
      // every other type (undefined, null, objects, booleans) is still reported.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `() => rmSync(dir)` as a callback is a common idiom here; void values used anywhere else
      // (returned from a function with a body, in a condition, assigned) are still reported.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Off: it asks to turn `xs[0] as T` into `xs[0]!`, which strictTypeChecked's
      // no-non-null-assertion then reports; the two cannot both be satisfied. The `as T` stays,
      // naming the type it asserts.
      '@typescript-eslint/non-nullable-type-assertion-style': 'off',
      // `const { [key]: _omitted, ...rest } = data` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // The ideographic space U+3000 is Chinese typography, written on purpose in the
      // site's text; it is still reported in code outside strings, templates and markup text.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true }],
    },
  },
  {
    // The frontmatter and template of a component: astro-eslint-parser hands the TypeScript in it to
    // typescript-eslint's parser, typed through the same tsconfig.json.
    files: ['**/*.astro'],
    languageOptions: {
      parserOptions: {
        parser: tseslint.parser,
        extraFileExtensions: ['.astro'],
        // astro-eslint-parser does not support the project service (it would read it as `project: true`).
        projectService: false,
        project: './tsconfig.json',
      },
    },
  },
  {
    // A component's client-side <script>s are linted as virtual files (`Name.astro/1_1.ts`) that no
    // TypeScript program contains, so they get the rules that need no type information.
    files: ['**/*.astro/*.ts', '**/*.astro/*.js'],
    languageOptions: { globals: { ...globals.browser } },
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // Code that runs in the reader's browser or the web editor.
    files: ['src/admin/**', 'src/components/search/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Plain JavaScript without type annotations: every parameter is `any` to TypeScript, so the
    // type-aware rules would report each use of one. Rules without type information still apply.
    files: ['scripts/generate-sample-images.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  eslintConfigPrettier,
);
