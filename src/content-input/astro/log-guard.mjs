// @ts-check
/**
 * A log destination for Astro (the `logger` option in astro.config.mjs) that prints exactly what
 * Astro's own Node logger prints, and also remembers every message that means content was lost
 * or broken. Astro logs some of those and still exits 0 (a reference to a missing entry, an
 * image it could not process, two routes for one URL); during `astro build` this makes the
 * process exit 1 and lets the content-checks integration stop the build with a summary.
 *
 * JavaScript, not TypeScript: Astro loads log destinations with a plain `import()`.
 * @see https://docs.astro.build/en/reference/logger-reference/#custom-loggers
 */
import { stripVTControlCharacters } from 'node:util';
import nodeDestination from 'astro/logger/node';

/** Warnings that mean a page, an entry or an image silently went missing from the site. */
export const FAILING_WARNINGS = [
  /was not found\./, // getEntry() of an id that does not exist
  /does not exist or is empty/, // getCollection() of a collection with no entries
  /is defined in both/, // two routes for one URL
  /Could not render .* as it conflicts/, // two pages generating one path
  /because a file with the same name exists in the public folder/,
  /Unable to generate optimized image|could not optimize image/i,
];

const STATE = Symbol.for('yangwang.astroLogGuard');

/**
 * @typedef {{ level: string; label: string | null; message: string }} LogEvent
 * @typedef {{ build: boolean; failures: LogEvent[] }} GuardState
 */

/** @returns {GuardState} the state shared with the integration (they live in separate module graphs). */
export function getGuardState() {
  const holder = /** @type {{ [key: symbol]: GuardState | undefined }} */ (globalThis);
  holder[STATE] ??= { build: false, failures: [] };
  return holder[STATE];
}

/** @param {LogEvent} event @returns {boolean} true for an error, or a warning that means something was lost */
export function isFailure(event) {
  if (event.level === 'error') return true;
  if (event.level !== 'warn') return false;
  // Strip colour codes before matching.
  const text = stripVTControlCharacters(event.message);
  return FAILING_WARNINGS.some((pattern) => pattern.test(text));
}

/** A page's first log event: `  ├─ /path/index.html`, written without a line end. */
const PAGE_START = /^\s*[├└]─ \S/;
/** The event that ends a page the incremental build skipped (the page's path came just before it). */
const PAGE_SKIPPED = /^\s*\((cached|restored)\)\s*$/;
/** An optimised image taken from Astro's image cache. */
const IMAGE_REUSED = /^\s*▶ .*\((?:reused|revalidated) cache entry\)/;
/** Astro's line at the end of the page phase and of the image phase. */
const PHASE_DONE = '✓ Completed in ';

/**
 * The summary line that stands for the skipped pages of a build (read back by `countPages` in
 * scripts/lib/site-build.ts).
 * @param {{ cached: number; restored: number }} skipped
 */
export function skippedPagesLine(skipped) {
  return `  沿用上次构建的页面 ${skipped.cached + skipped.restored} 个（原地保留 ${skipped.cached} 个，从缓存恢复 ${skipped.restored} 个）`;
}

/** @param {number} count */
export function reusedImagesLine(count) {
  return `  沿用缓存的优化图片 ${count} 张`;
}

/**
 * @param {{ level?: import('astro').AstroLoggerLevel } | undefined} config
 */
export default function logGuard(config) {
  const out = nodeDestination(config ?? {});
  // An incremental build at 10,000 stories logged a line for each of 31,000 pages it skipped and
  // for each of 19,000 images it took from the cache (4 MB of log, about 0.5 s of writing): the
  // pages it rendered are still listed one by one, the rest are counted in one line each.
  /** @type {import('astro').AstroLoggerMessage | undefined} */
  let pending;
  const skipped = { cached: 0, restored: 0 };
  let reusedImages = 0;
  /** @param {import('astro').AstroLoggerMessage} event @param {string} message */
  const summary = (event, message) => out.write({ ...event, label: 'SKIP_FORMAT', message, newLine: true });
  return {
    /** @param {import('astro').AstroLoggerMessage} event */
    write(event) {
      if (event.level === 'info') {
        const text = stripVTControlCharacters(event.message);
        if (pending) {
          const held = pending;
          pending = undefined;
          const mark = PAGE_SKIPPED.exec(text);
          if (mark) {
            skipped[/** @type {'cached' | 'restored'} */ (mark[1])]++;
            return;
          }
          out.write(held);
        }
        if (!event.newLine && PAGE_START.test(text)) {
          pending = event;
          return;
        }
        if (IMAGE_REUSED.test(text)) {
          reusedImages++;
          return;
        }
        if (text.includes(PHASE_DONE)) {
          if (skipped.cached + skipped.restored > 0) summary(event, skippedPagesLine(skipped));
          if (reusedImages > 0) summary(event, reusedImagesLine(reusedImages));
          skipped.cached = skipped.restored = reusedImages = 0;
        }
      } else if (pending) {
        out.write(pending);
        pending = undefined;
      }
      out.write(event);
      if (!isFailure(event)) return;
      const state = getGuardState();
      state.failures.push({ level: event.level, label: event.label, message: event.message });
      if (state.build) process.exitCode = 1;
    },
  };
}
