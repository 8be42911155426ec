// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';

const site = process.env.SITE_URL ?? 'https://yangwang.example.org';

export default defineConfig({
  site,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), sitemap()],
  image: {
    // Images are local files only; nothing is fetched from other hosts.
    remotePatterns: [],
  },
  devToolbar: { enabled: false },
  // No code blocks in the site's pages; Shiki's inline styles would need 'unsafe-inline' (CSP).
  markdown: { syntaxHighlight: false },
  security: {
    // A Content-Security-Policy <meta> on every page: scripts and styles only from this site or
    // inline with the hash Astro computes for each page; WebAssembly for Pagefind's search; nothing
    // from any other origin. `frame-ancestors` cannot be set in a <meta>: public/_headers sends it.
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
