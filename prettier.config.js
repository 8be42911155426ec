// @ts-check
// Prettier formats every code file (TypeScript, JavaScript, Astro components, CSS, JSON); what
// editors write (content/, docs/, Markdown) and the test fixtures are left as written
// (.prettierignore). The options follow the style the code was written in before Prettier was
// added: single quotes, semicolons, trailing commas, two spaces, lines up to 140 characters.

/** @type {import('prettier').Config} */
export default {
  printWidth: 140,
  singleQuote: true,
  trailingComma: 'all',
  plugins: ['prettier-plugin-astro'],
  overrides: [
    {
      // Recommended by prettier-plugin-astro: name the parser rather than rely on detection.
      files: '*.astro',
      options: { parser: 'astro' },
    },
  ],
};
