/**
 * Writes one benchmark's section of BENCHMARKS.md: the text between its start and end markers is
 * replaced; a section not there yet is added at the end under its heading. Each benchmark script
 * owns one marked section and never touches the rest of the file (the prose around the sections
 * is written by hand).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface BenchmarksSection {
  /** The start marker, an HTML comment (`<!-- name:start …`); found by its first two words, so the note after them may change. */
  start: string;
  /** The end marker. */
  end: string;
  /** The `## heading` for a section that is not in the file yet. */
  heading: string;
  /** The section's text between the markers. */
  body: string;
  /** Default: BENCHMARKS.md in the working folder. */
  file?: string;
}

export function writeBenchmarksSection({ start, end, heading, body, file = 'BENCHMARKS.md' }: BenchmarksSection): void {
  const current = existsSync(file) ? readFileSync(file, 'utf-8') : '# Benchmarks\n';
  const section = `${start}\n${body}\n${end}`;
  const at = current.indexOf(start.split(' ').slice(0, 2).join(' '));
  const until = current.indexOf(end, at);
  writeFileSync(
    file,
    at >= 0 && until > at
      ? current.slice(0, at) + section + current.slice(until + end.length)
      : `${current.trimEnd()}\n\n## ${heading}\n\n${section}\n`,
  );
}
