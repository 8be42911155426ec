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

/**
 * @param {{ level?: import('astro').AstroLoggerLevel } | undefined} config
 */
export default function logGuard(config) {
  const out = nodeDestination(config ?? {});
  return {
    /** @param {import('astro').AstroLoggerMessage} event */
    write(event) {
      out.write(event);
      if (!isFailure(event)) return;
      const state = getGuardState();
      state.failures.push({ level: event.level, label: event.label, message: event.message });
      if (state.build) process.exitCode = 1;
    },
  };
}
