/**
 * Runs Astro integrations' hooks in the order and with the options `astro build` gives the ones
 * the site's sitemap uses (`astro:config:done`, `astro:routes:resolved`, `astro:build:done`), over
 * an output folder that is already built: for the sitemap's tests and its benchmark
 * (scripts/bench/build-done.ts), without running Astro.
 */
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';

export interface BuildHooksRun {
  /** The site's URL (`site` in astro.config.mjs). */
  site: string;
  /** The built output folder the integrations read (`outDir`). */
  outDir: string;
  /** Astro's cache folder (`cacheDir`). */
  cacheDir: string;
  /** Where `astro:build:done` writes (`dir`); `outDir` unless given. */
  dir?: string;
  /** The built pages' paths, in the order Astro lists them. */
  pathnames: readonly string[];
  /** Receives the integrations' warnings and errors. */
  report: (message: string) => void;
}

/** Runs the hooks; resolves to the milliseconds `astro:build:done` took. */
export async function runBuildHooks(integrations: readonly AstroIntegration[], run: BuildHooksRun): Promise<number> {
  const config = {
    site: run.site,
    base: '/',
    trailingSlash: 'ignore',
    build: { format: 'directory' },
    outDir: pathToFileURL(`${run.outDir}/`),
    cacheDir: pathToFileURL(`${run.cacheDir}/`),
  };
  const logger = { info: (m: string) => m, warn: run.report, error: run.report };
  type Hook = (options: unknown) => unknown;
  const hook = async (name: string, options: unknown) => {
    for (const integration of integrations) await (integration.hooks as Record<string, Hook | undefined>)[name]?.(options);
  };
  await hook('astro:config:done', { config, logger });
  await hook('astro:routes:resolved', { routes: [], logger });
  const start = performance.now();
  const pages = run.pathnames.map((pathname) => ({ pathname }));
  await hook('astro:build:done', { dir: pathToFileURL(`${run.dir ?? run.outDir}/`), pages, logger });
  return performance.now() - start;
}
