/**
 * What a loader does with problems in the entries it reads. In `astro build` the content check
 * has already stopped the build on any of them, so one found here means the check and the
 * loader disagree (a bug of ours): the build stops with a stack. In `astro dev` the check has
 * already shown the editor the report; the entries with problems are left out, one line says
 * which, and the server keeps running until the files are fixed.
 */
import type { LoaderContext } from 'astro/loaders';
import { ContentError, type ContentProblem } from '../problem.ts';

export function handleLoaderProblems(context: Pick<LoaderContext, 'watcher' | 'logger'>, problems: readonly ContentProblem[]): void {
  if (!problems.length) return;
  if (!context.watcher) throw new ContentError(problems);
  const files = [...new Set(problems.map((p) => p.file))];
  context.logger.error(`${files.length} 个文件有问题，暂时不显示：${files.join('、')}（问题和改法见内容检查的报告）`);
}
