/** The content check's report, as editors read it in a terminal or the build log. */
import { formatProblem } from '../problem.ts';
import type { CheckContentResult } from './check-content.ts';

/** All problems, one per line, with a heading and a hint; or a one-line all-clear with counts. */
export function formatReport(result: CheckContentResult): string {
  const { problems, counts } = result;
  if (!problems.length) {
    return `内容检查通过：${counts.stories} 篇故事、${counts.teachers} 位教师、${counts.schools} 所学校、${counts.volumes} 部文集、${counts.honours} 份表彰名录、${counts.images} 张图片`;
  }
  const files = new Set(problems.map((p) => p.file)).size;
  return [
    `内容检查发现 ${problems.length} 个问题（${files} 个文件）：`,
    ...problems.map((p) => `  ${formatProblem(p)}`),
    '',
    '每行是：文件:行号  字段  问题和改法。全部改好后再运行 npm run check:content；每种问题的说明见 docs/editors-guide.md。',
  ].join('\n');
}
