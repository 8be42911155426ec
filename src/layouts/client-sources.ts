/**
 * The sources of every inline style and client script of the site, in every page's module graph.
 *
 * Astro's `security.csp` lists in every page's Content-Security-Policy the hashes of the inline
 * styles and scripts of the whole site, not only the page's own. Astro's incremental build
 * decides whether a page's code changed from the modules that page imports, so after a change to
 * the `<style>` or `<script>` of a component a page does not use, that page would be restored
 * with the old hashes (seen: a change to the media kit's script left the old hash on the volume
 * page). BaseLayout imports this module, so every page's code hash covers every component,
 * layout and page, and what their scripts import: a change to any of them re-renders every page.
 * Content edits are not affected.
 */
const sources = import.meta.glob(
  [
    '../components/**/*.astro',
    '../layouts/**/*.astro',
    '../pages/**/*.astro',
    // What the scripts import (bundled into them).
    '../components/**/*.ts',
    '../lib/**/*.ts',
    '../i18n/*.ts',
    '../config/*.ts',
  ],
  { query: '?raw', import: 'default', eager: true },
);

/** How many source files the site's inline styles and client scripts are built from. */
export const CLIENT_SOURCE_COUNT = Object.keys(sources).length;
