/**
 * Wraps the searched words in `<mark>` inside the page's indexed article (`data-pagefind-body`),
 * and brings the first one into view below the title. Text nodes only: the page's markup and the
 * query never mix.
 *
 * Self-contained on purpose (no imports): Astro then inlines the page's script, so pages pay no
 * extra request for it, and the CSP hash Astro computes covers it.
 */

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'MARK']);

/** Escapes a term for use inside a regular expression. */
function escape(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function highlightTerms(raw: string, root: ParentNode = document): number {
  // The same clean-up as the search box (normaliseQuery in src/lib/search-query.ts), kept short.
  const words = raw
    .slice(0, 64)
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u);
  const terms = [...new Set(words.filter(Boolean))].sort((a, b) => b.length - a.length);
  const article = root.querySelector('[data-pagefind-body]');
  if (terms.length === 0 || !article) return 0;
  const pattern = new RegExp(terms.map(escape).join('|'), 'giu');
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement && !SKIP.has(node.parentElement.tagName) && !node.parentElement.closest('[hidden]')
        ? NodeFilter.FILTER_ACCEPT
        : NodeFilter.FILTER_REJECT,
  });
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  let count = 0;
  let first: HTMLElement | undefined;
  for (const node of nodes) {
    const text = node.data;
    pattern.lastIndex = 0;
    if (!pattern.test(text)) continue;
    pattern.lastIndex = 0;
    const fragment = document.createDocumentFragment();
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      fragment.append(text.slice(last, match.index));
      const mark = document.createElement('mark');
      mark.className = 'search-highlight';
      mark.textContent = match[0];
      fragment.append(mark);
      first ??= mark;
      last = match.index + match[0].length;
      count += 1;
    }
    fragment.append(text.slice(last));
    node.replaceWith(fragment);
  }
  // Scroll only when the first mark is out of sight (a long story); a title match needs no jump.
  if (first && first.getBoundingClientRect().top > window.innerHeight) first.scrollIntoView({ block: 'center' });
  return count;
}
