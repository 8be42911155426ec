/** A problem found in content, reported to editors as `file:line  field  message`. */
export interface ContentProblem {
  /** Path of the file, relative to the repository root. */
  file: string;
  /** 1-based line, when known. */
  line?: number | undefined;
  /** Dotted field path (`cover.alt`) or a short label (`正文`). */
  field: string;
  /** What is wrong and how to fix it, in Chinese. */
  message: string;
}

/** One line per problem: `file:line  field  message`. */
export function formatProblem(problem: ContentProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}  ${problem.field}  ${problem.message}`;
}

/** Problems sorted by file, then line, so the report reads top to bottom. */
export function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** An error that carries every problem found, so editors see them all at once. */
export class ContentError extends Error {
  readonly problems: ContentProblem[];

  constructor(problems: readonly ContentProblem[]) {
    const sorted = sortProblems(problems);
    super(`内容检查发现 ${sorted.length} 个问题：\n${sorted.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    this.name = 'ContentError';
    this.problems = sorted;
  }
}
