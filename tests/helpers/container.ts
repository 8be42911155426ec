/**
 * The one place tests touch Astro's experimental Container API, so an API change touches one file.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';

type Renderable = Parameters<AstroContainer['renderToString']>[0];

let container: Promise<AstroContainer> | undefined;

/** Renders a component to an HTML string with the given props; scoped-style attributes removed. */
export async function renderComponent(
  component: Renderable,
  props: Record<string, unknown> = {},
  slots: Record<string, string> = {},
): Promise<string> {
  container ??= AstroContainer.create();
  const html = await (await container).renderToString(component, { props, slots });
  return html.replace(/ data-astro-cid-[a-z0-9]+/g, '');
}
