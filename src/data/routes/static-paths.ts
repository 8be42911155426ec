/**
 * One static path per page: its params, its route data as the only prop, and the digest of that
 * data as `cacheKey`, so Astro's incremental build (`experimental.incrementalBuild`) restores the
 * page from its previous build exactly when what it shows did not change.
 */
import { digestRouteData } from '../../lib/route-digest.ts';

export interface RouteProps<Route> {
  route: Route;
}

/** A `getStaticPaths()` entry whose cache key is the digest of its route data. */
export function toStaticPath<Params extends Record<string, string | undefined>, Route>(params: Params, route: Route) {
  return { params, props: { route } satisfies RouteProps<Route>, cacheKey: digestRouteData(route) };
}
