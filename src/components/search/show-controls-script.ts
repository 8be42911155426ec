/**
 * The search page's sort and filters take their place before the results arrive: shown only with
 * the results, they pushed the results down on phones (a layout shift of 0.54 measured by
 * Lighthouse). A classic inline script right after the controls runs while the page is parsed,
 * before the first paint; Astro's own scripts are modules, which run later. Astro does not hash
 * an `is:inline` script for the Content-Security-Policy, so astro.config.mjs adds this text's hash.
 *
 * The rule is `hasSomethingToSearch` (src/lib/search-query.ts): words to look for, or a filter;
 * the filter names come from the markup.
 */
export const SHOW_CONTROLS_SCRIPT = `(() => {
  const controls = document.querySelector('[data-search-controls]');
  if (!controls) return;
  const params = new URLSearchParams(location.search);
  const words = params.getAll('q').some((q) => /[\\p{L}\\p{N}]/u.test(q));
  const filters = (controls.dataset.filterKeys || '').split(' ').some((key) => key && params.getAll(key).some((v) => v.trim() !== ''));
  if (words || filters) controls.hidden = false;
})();`;
