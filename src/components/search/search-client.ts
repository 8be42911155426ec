/**
 * The search page in the browser: reads the query, filters and sort from the URL, searches with
 * Pagefind as the reader types, and writes the state back to the URL so a search can be shared.
 * Results, filters and messages are built with DOM methods and `textContent` only: nothing from
 * the query or the index is ever parsed as HTML.
 */
import { UI } from '../../i18n/zh-CN.ts';
import { splitExcerpt, type ExcerptPart } from '../../lib/search-excerpt.ts';
import {
  MAX_QUERY_LENGTH,
  SEARCH_FILTER_KEYS,
  dropStopWords,
  hasSomethingToSearch,
  normaliseQuery,
  readSearchState,
  writeSearchState,
  type SearchFilterKey,
  type SearchState,
} from '../../lib/search-query.ts';
import { loadIndex, loadPagefind, type FilterCounts, type Pagefind, type PagefindResultData } from './pagefind.ts';
import { prepareQuery, searchPages, toPagefindFilters, type ResultList } from './search-run.ts';

const T = UI.search;
/** Results shown at first, and added by each press of “more”. */
const PAGE_SIZE = 10;
/** Filter values shown before the rest fold away. */
const VISIBLE_VALUES = 8;
/** Wait after a keystroke before searching: long enough to skip half-typed pinyin, short enough to feel live. */
const TYPING_DELAY_MS = 120;
/** Pause after results before counting filters, so counting never holds up the next keystroke's search. */
const COUNTS_DELAY_MS = 400;
const HAN = /\p{Script=Han}/u;

interface Elements {
  /** Carries `data-state`: busy, results (shown, counts to come), counting, done or failed; tests and benchmarks wait on it. */
  root: HTMLElement;
  form: HTMLFormElement;
  filters: HTMLDetailsElement;
  chosen: HTMLElement;
  input: HTMLInputElement;
  sort: HTMLSelectElement;
  controls: HTMLElement;
  groups: HTMLElement;
  clear: HTMLButtonElement;
  status: HTMLElement;
  notice: HTMLElement;
  results: HTMLOListElement;
  more: HTMLButtonElement;
}

function find<E extends Element>(root: ParentNode, selector: string, kind: new () => E): E {
  const element = root.querySelector(selector);
  if (!(element instanceof kind)) throw new Error(`search page: missing ${selector}`);
  return element;
}

function create<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * Pagefind counts filter values only once its filter files are loaded (`filters()`), in each part
 * merged so far: called before every count, since later searches merge more parts (a part loads
 * its filter files once).
 */
function loadFilters(pagefind: Pagefind): Promise<unknown> {
  return pagefind.filters();
}

/** Pagefind joins block elements with “. ”; an excerpt that starts at such a join starts with it. */
function trimExcerpt(parts: ExcerptPart[]): ExcerptPart[] {
  const [first, ...rest] = parts;
  if (!first) return parts;
  const text = first.text.replace(/^[\s.,，。、；;:：]+/u, '');
  return text ? [{ ...first, text }, ...rest] : rest;
}

/** The URL a result links to, asking that page to highlight the words searched. */
function getResultHref(data: PagefindResultData, query: string): string {
  // Pinyin and initials never occur in the text: highlight the name they matched instead.
  const terms = HAN.test(query) || !data.meta.name ? query : data.meta.name;
  if (!terms) return data.url;
  return `${data.url}?${new URLSearchParams({ highlight: terms }).toString()}`;
}

function renderResult(data: PagefindResultData, query: string): HTMLLIElement {
  const item = create('li', 'result');
  const article = create('article', 'result-body');
  if (data.meta.image) {
    const image = create('img', 'result-image');
    image.src = data.meta.image;
    image.alt = '';
    image.width = 64;
    image.height = 48;
    image.loading = 'lazy';
    image.decoding = 'async';
    item.append(image);
  }
  const kind = data.filters.type?.[0];
  if (kind) article.append(create('p', 'result-kind', kind));
  const heading = create('h2', 'result-title');
  const link = create('a', undefined, data.meta.title ?? data.url);
  link.href = getResultHref(data, query);
  heading.append(link);
  article.append(heading);
  const facts = [data.meta.teacher, data.meta.school, data.meta.date].filter((f): f is string => Boolean(f));
  if (facts.length > 0) article.append(create('p', 'result-facts', facts.join(' · ')));
  const excerpt = create('p', 'result-excerpt');
  for (const part of trimExcerpt(splitExcerpt(data.excerpt)))
    excerpt.append(part.marked ? create('mark', undefined, part.text) : part.text);
  if (excerpt.childNodes.length > 0) article.append(excerpt);
  item.append(article);
  return item;
}

/** One filter's checkboxes, with counts; values with no results are left out unless chosen. */
function renderFilterGroup(
  key: SearchFilterKey,
  counts: Record<string, number>,
  chosen: readonly string[],
): HTMLFieldSetElement | undefined {
  const values = Object.entries(counts)
    .filter(([value, count]) => count > 0 || chosen.includes(value))
    .sort(([a, countA], [b, countB]) => (key === 'year' ? b.localeCompare(a) : countB - countA || a.localeCompare(b, 'zh-CN')));
  if (values.length === 0) return undefined;
  const fieldset = create('fieldset', 'filter-group');
  fieldset.append(create('legend', undefined, T.filters[key]));
  const list = create('ul', 'filter-values');
  const rest = create('ul', 'filter-values');
  values.forEach(([value, count], i) => {
    const item = create('li');
    const label = create('label');
    const box = create('input');
    box.type = 'checkbox';
    box.name = key;
    box.value = value;
    box.checked = chosen.includes(value);
    // The filters sit outside the form (for layout) but are part of it.
    box.setAttribute('form', 'search-form');
    label.append(box, create('span', 'filter-value', value), create('span', 'filter-count', String(count)));
    item.append(label);
    (i < VISIBLE_VALUES || box.checked ? list : rest).append(item);
  });
  fieldset.append(list);
  if (rest.childElementCount > 0) {
    const more = create('details', 'filter-more');
    more.append(create('summary', undefined, T.filters.more(rest.childElementCount)), rest);
    fieldset.append(more);
  }
  return fieldset;
}

class SearchPage {
  private state: SearchState;
  private sequence = 0;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private pending: ResultList | undefined;
  private shownQuery = '';
  /** The search whose filter counts are still to be shown (when the panel opens). */
  private countsFor: { run: number; term: string | null; state: SearchState; list: ResultList } | undefined;

  constructor(private readonly el: Elements) {
    this.state = readSearchState(location.search);
    el.input.value = this.state.q;
    el.sort.value = this.state.sort;
    // Filters start open where there is room beside the results; on a phone they stay folded
    // above the results (their summary says how many are chosen).
    el.filters.open = window.matchMedia('(min-width: 64rem)').matches;
    el.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.readForm();
      void this.run();
    });
    el.input.addEventListener('input', () => {
      clearTimeout(this.typingTimer);
      const query = dropStopWords(el.input.value);
      if (query)
        void loadPagefind().then(
          (pagefind) => pagefind.preload(query),
          () => undefined,
        );
      this.typingTimer = setTimeout(() => {
        this.readForm();
        void this.run();
      }, TYPING_DELAY_MS);
    });
    el.input.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown') {
        const first = el.results.querySelector<HTMLAnchorElement>('a');
        if (first) {
          event.preventDefault();
          first.focus();
        }
      }
    });
    el.input.addEventListener('focus', () => void loadPagefind().catch(() => undefined), { once: true });
    el.groups.addEventListener('change', () => {
      this.readForm();
      void this.run();
    });
    el.filters.addEventListener('toggle', () => {
      if (el.filters.open && this.countsFor) void loadPagefind().then((pagefind) => this.showCounts(pagefind));
    });
    el.sort.addEventListener('change', () => {
      this.readForm();
      void this.run();
    });
    el.clear.addEventListener('click', () => {
      for (const box of el.groups.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) box.checked = false;
      this.state = { ...this.state, filters: {} };
      this.writeUrl();
      void this.run();
    });
    el.more.addEventListener('click', () => void this.showMore());
    window.addEventListener('popstate', () => {
      this.state = readSearchState(location.search);
      el.input.value = this.state.q;
      el.sort.value = this.state.sort;
      void this.run();
    });
    void this.run();
  }

  /** Takes the query, chosen filters and sort from the form. */
  private readForm(): void {
    const data = new FormData(this.el.form);
    const params = new URLSearchParams();
    for (const [key, value] of data) if (typeof value === 'string') params.append(key, value);
    const next = readSearchState(params);
    // Until the filter panel has been drawn, the chosen filters live only in the state (URL).
    this.state = this.el.groups.childElementCount > 0 ? next : { ...next, filters: this.state.filters };
    this.writeUrl();
  }

  private writeUrl(): void {
    const query = writeSearchState(this.state);
    const url = `${location.pathname}${query ? `?${query}` : ''}`;
    if (url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
  }

  private setStatus(text: string): void {
    this.el.status.textContent = text;
  }

  private setNotice(lines: string[]): void {
    this.el.notice.replaceChildren(...lines.map((line) => create('p', undefined, line)));
    this.el.notice.hidden = lines.length === 0;
  }

  private clearResults(): void {
    this.pending = undefined;
    this.el.results.replaceChildren();
    this.el.more.hidden = true;
  }

  async run(): Promise<void> {
    const run = ++this.sequence;
    const { state } = this;
    const notices: string[] = [];
    if (state.truncated) notices.push(T.tooLong(MAX_QUERY_LENGTH));
    let query = normaliseQuery(state.q);
    if (!hasSomethingToSearch(state)) {
      this.clearResults();
      this.el.controls.hidden = true;
      this.setNotice(notices);
      this.setStatus(state.q ? T.nothingToSearch : T.prompt);
      this.el.root.dataset.state = 'done';
      return;
    }
    this.el.root.dataset.state = 'busy';
    this.el.results.setAttribute('aria-busy', 'true');
    try {
      const [index, prepared] = await Promise.all([loadIndex(), prepareQuery(query)]);
      const { pagefind } = index;
      if (prepared.simplified !== undefined) notices.push(T.converted(query, prepared.simplified));
      query = prepared.term;
      const results = await searchPages(index, query || null, state);
      if (run !== this.sequence) return;
      this.pending = results;
      this.shownQuery = query;
      if (!(await this.showMore(run, true))) return;
      this.setNotice(notices);
      if (results.count === 0 && results.complete) {
        this.setStatus(query ? T.none(state.q) : T.countFiltered(0));
        this.el.results.append(create('li', 'result-none', T.noneTips));
      } else {
        this.showCount(results, state);
      }
      this.showControls();
      // Counts need Pagefind's filter files (about 250 KB at 10,000 stories) and a search per
      // chosen filter: they come after the results, once the reader pauses, and on a phone only
      // when the folded filter panel is opened. See BENCHMARKS.md, “Search”.
      this.countsFor = { run, term: query || null, state, list: results };
      if (!this.el.filters.open) {
        this.el.root.dataset.state = 'done';
        return;
      }
      this.el.root.dataset.state = 'results';
      await new Promise((resolve) => setTimeout(resolve, COUNTS_DELAY_MS));
      if (run !== this.sequence) return;
      await this.showCounts(pagefind);
    } catch (error) {
      if (run !== this.sequence) return;
      console.error(error);
      this.clearResults();
      this.setStatus(T.failed);
      this.el.root.dataset.state = 'failed';
    } finally {
      if (run === this.sequence) this.el.results.removeAttribute('aria-busy');
    }
  }

  /**
   * Counts each filter's values among the results. Within a filter the reader may tick several
   * values (any of them matches), so a chosen filter's own counts leave that filter out.
   */
  private async countFilters(pagefind: Pagefind, term: string | null, state: SearchState, list: ResultList): Promise<FilterCounts> {
    // Counts are over every part the query was routed to.
    await this.completeList(list);
    await loadFilters(pagefind);
    const { scope } = list;
    const counts: FilterCounts = { ...(await pagefind.search(term, { filters: { ...toPagefindFilters(state), ...scope } })).filters };
    for (const key of SEARCH_FILTER_KEYS) {
      if ((state.filters[key]?.length ?? 0) === 0) continue;
      const without = await pagefind.search(term, { filters: { ...toPagefindFilters(state, key), ...scope } });
      counts[key] = without.filters[key] ?? {};
    }
    return counts;
  }

  /** Shows sort and the filter panel's summary (with how many filters are chosen). */
  private showControls(): void {
    const chosen = SEARCH_FILTER_KEYS.reduce((sum, key) => sum + (this.state.filters[key]?.length ?? 0), 0);
    this.el.chosen.textContent = chosen > 0 ? T.filters.chosen(chosen) : '';
    this.el.clear.hidden = chosen === 0;
    this.el.controls.hidden = false;
  }

  /** Counts the filters for the search on screen and draws the checkboxes. */
  private async showCounts(pagefind: Pagefind): Promise<void> {
    const target = this.countsFor;
    if (target?.run !== this.sequence) return;
    this.countsFor = undefined;
    this.el.root.dataset.state = 'counting';
    const counts = await this.countFilters(pagefind, target.term, target.state, target.list);
    if (target.run !== this.sequence) return;
    const groups = SEARCH_FILTER_KEYS.map((key) => renderFilterGroup(key, counts[key] ?? {}, target.state.filters[key] ?? [])).filter(
      (g): g is HTMLFieldSetElement => g !== undefined,
    );
    this.el.groups.replaceChildren(...groups);
    this.el.root.dataset.state = 'done';
  }

  /** The result count, “at least” while parts the query was routed to are still to be searched. */
  private showCount(list: ResultList, state: SearchState): void {
    const query = this.shownQuery;
    if (!list.complete) this.setStatus(query ? T.countAtLeast(list.count, state.q) : T.countFilteredAtLeast(list.count));
    else this.setStatus(query ? T.count(list.count, state.q) : T.countFiltered(list.count));
  }

  /** Searches the parts a list has left, and says the full count if it is still on screen. */
  private async completeList(list: ResultList): Promise<void> {
    if (list.complete) return;
    await list.completeAll();
    if (list === this.pending) this.showCount(list, this.state);
  }

  /**
   * Loads and shows the next page of results; `replace` starts a new list (once the data is
   * there, so the old list does not blink away). False when a newer search took over.
   */
  private async showMore(run = this.sequence, replace = false): Promise<boolean> {
    const list = this.pending;
    // “More” on a list that has not searched every routed part searches the rest first.
    if (list && !replace) await this.completeList(list);
    const data = list ? await list.next(PAGE_SIZE) : [];
    if (run !== this.sequence) return false;
    const items = data.map((d) => renderResult(d, this.shownQuery));
    if (replace) {
      this.el.results.replaceChildren(...items);
    } else {
      const firstNew = this.el.results.childElementCount;
      this.el.results.append(...items);
      // After “more”, focus the first new result so keyboard readers go on from there.
      this.el.results.children[firstNew]?.querySelector('a')?.focus();
    }
    this.el.more.hidden = !list?.hasMore();
    return true;
  }
}

/** Starts the search page on the element marked `data-search-page`. */
export function startSearchPage(): void {
  const root = document.querySelector<HTMLElement>('[data-search-page]');
  if (!root) return;
  new SearchPage({
    root,
    form: find(root, 'form[role="search"]', HTMLFormElement),
    filters: find(root, '[data-search-filters]', HTMLDetailsElement),
    chosen: find(root, '[data-search-chosen]', HTMLElement),
    input: find(root, 'input[name="q"]', HTMLInputElement),
    sort: find(root, 'select[name="sort"]', HTMLSelectElement),
    controls: find(root, '[data-search-controls]', HTMLElement),
    groups: find(root, '[data-search-groups]', HTMLElement),
    clear: find(root, '[data-search-clear]', HTMLButtonElement),
    status: find(root, '[data-search-status]', HTMLElement),
    notice: find(root, '[data-search-notice]', HTMLElement),
    results: find(root, '[data-search-results]', HTMLOListElement),
    more: find(root, '[data-search-more]', HTMLButtonElement),
  });
}
