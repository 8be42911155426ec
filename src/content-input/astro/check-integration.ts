/**
 * Runs the content check (tree/check-content.ts) inside Astro, so no way of building the
 * site skips it: `npm run build`, `astro build` run by hand, the build tests, CI. It runs when
 * Astro sets up its configuration, before any content is loaded:
 * - `astro build`: every problem is listed at once and the build stops (astro/stop-build.ts: our
 *   report and exit code 1, no hook name or stack trace);
 * - `astro dev`: the same report is logged, and run again whenever a file under content/ changes
 *   (the loaders' own watchers only see the file that changed, not a broken reference elsewhere);
 *   the loaders leave the entries with problems out and the server keeps running
 *   (astro/loader-problems.ts).
 * `failOnLoggedErrors` (below) stops a build during which Astro logged an error, or a warning
 * that means something was lost, though Astro itself would exit 0 (with log-guard.mjs as the
 * `logger`).
 *
 * An integration rather than `check:content && astro build` in package.json: one process reads
 * the content once (the check hands what it rendered to the MDX loader), and `astro dev` reports
 * the same problems as the build.
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { checkContent, getContentDir, type CheckContentOptions } from '../tree/check-content.ts';
import { formatReport } from '../tree/report.ts';
import { getGuardState } from './log-guard.mjs';
import { stopBuild } from './stop-build.ts';

export interface ContentChecksOptions {
  /** Overrides for the check (tests point it at fixture content). */
  check?: Partial<Omit<CheckContentOptions, 'root'>>;
}

export function contentChecks(options: ContentChecksOptions = {}): AstroIntegration {
  let root = '';
  const run = (keepRendered: boolean) => checkContent({ root, contentDir: getContentDir(), ...options.check, keepRendered });

  return {
    name: 'yangwang-content-checks',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        root = fileURLToPath(config.root);
        const started = performance.now();
        const result = await run(command === 'build');
        const report = formatReport(result);
        if (result.problems.length && command === 'build') stopBuild(`${report}\n\n网站没有构建：请先改正上面的问题。`);
        log(logger, result.problems.length > 0, `${report}（${Math.round(performance.now() - started)} ms）`);
      },

      'astro:server:setup': ({ server, logger }) => {
        if (!root) return;
        const contentRoot = resolve(root, options.check?.contentDir ?? getContentDir());
        let timer: ReturnType<typeof setTimeout> | undefined;
        const recheck = (path: string) => {
          if (!path.startsWith(contentRoot)) return;
          clearTimeout(timer);
          // Editors save several files at once; check once they are done.
          timer = setTimeout(() => {
            run(false).then(
              (result) => {
                log(logger, result.problems.length > 0, `${relative(root, path)} 有改动，重新检查：\n${formatReport(result)}`);
              },
              // A failed re-check is reported, and the dev server keeps running.
              (error: unknown) => {
                logger.error(`${relative(root, path)} 有改动，重新检查失败：${error instanceof Error ? error.message : String(error)}`);
              },
            );
          }, 300);
        };
        server.watcher.add(contentRoot);
        server.watcher.on('change', recheck);
        server.watcher.on('add', recheck);
        server.watcher.on('unlink', recheck);
      },
    },
  };
}

/**
 * Stops a build during which Astro (or any integration) logged an error, or a warning that means
 * something was lost, though Astro itself would exit 0. List it last, so its `astro:build:done`
 * runs after every other integration's. Needs log-guard.mjs as the `logger`.
 */
export function failOnLoggedErrors(): AstroIntegration {
  const guard = getGuardState();
  return {
    name: 'yangwang-fail-on-logged-errors',
    hooks: {
      'astro:config:setup': ({ command }) => {
        guard.build = command === 'build';
        guard.failures.length = 0;
      },
      'astro:build:done': () => {
        if (!guard.failures.length) return;
        const lines = guard.failures.map((f) => `  [${f.level}]${f.label ? ` [${f.label}]` : ''} ${f.message.split('\n')[0]}`);
        stopBuild(
          `构建过程中 Astro 报告了 ${guard.failures.length} 个错误或会丢失内容的警告（完整内容见上面的日志）：\n${lines.join('\n')}\n\n网站构建不算成功：请改正后重新构建。`,
        );
      },
    },
  };
}

function log(logger: AstroIntegrationLogger, bad: boolean, message: string) {
  if (bad) logger.error(message);
  else logger.info(message);
}
