/**
 * `npm run check:content`: checks every file under content/ and lists every problem at once, as
 * `file:line  field  message`, sorted. Exits 1 when there is any problem, 0 when there is none.
 *
 *   npm run check:content                    # the project's content/
 *   npm run check:content -- --root <dir>    # another project root (tests use this)
 */
import { parseArgs } from 'node:util';
import { checkContent, getContentDir } from '../src/content-input/tree/check-content.ts';
import { formatReport } from '../src/content-input/tree/report.ts';

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: process.cwd() },
    content: { type: 'string' },
  },
});

const result = await checkContent({ root: values.root, contentDir: values.content ?? getContentDir() });
const report = formatReport(result);
if (result.problems.length) {
  process.stderr.write(`${report}\n`);
  process.exitCode = 1;
} else {
  process.stdout.write(`${report}\n`);
}
