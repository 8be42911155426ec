/**
 * How a build ends on a mistake in the content: our report on stderr, exit code 1, nothing else.
 * A hook that throws makes Astro print "An unhandled error occurred while running the … hook"
 * and its own error formatting around the message (node_modules/astro/dist/integrations/hooks.js,
 * `withTakingALongTimeMsg`, then cli/throw-and-exit.js), which reads like a crash of the site to
 * an editor. So a content mistake is printed here and the process ends; a bug of ours still
 * throws and shows its stack.
 */
export function stopBuild(report: string): never {
  // stderr is synchronous for files, pipes and terminals on Linux: the report is out before exit.
  process.stderr.write(`\n${report}\n`);
  process.exit(1);
}
