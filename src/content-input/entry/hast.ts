/** Tiny builders for the HTML trees the components produce. */
import type { Element, ElementContent } from 'hast';

/** The tag that marks where a body figure's picture goes; the page puts a `<Picture>` there. */
export const FIGURE_PLACEHOLDER = 'yw-figure-image';

/** Makes an element. */
export function h(tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

/** Makes a text node. */
export function t(value: string): ElementContent {
  return { type: 'text', value };
}
