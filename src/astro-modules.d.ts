// TypeScript alone cannot read `.astro` files (astro check can, through Astro's language tools), so
// for typescript-eslint and other plain-TypeScript readers a component is a component factory.
// Types a component shares with others live in a `.ts` module next to it (seo/seo-head.ts).
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
  const Component: AstroComponentFactory;
  export default Component;
}
