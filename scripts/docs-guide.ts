/**
 * `npm run docs:guide`: rewrites the generated parts of docs/editors-guide.md (the field tables,
 * the components, the image limits) from the code. A test fails when they are out of step, so run
 * this after changing a schema's fields or their comments, a component, or the image limits.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { fillGuide } from './lib/guide-blocks.ts';

const file = fileURLToPath(new URL('../docs/editors-guide.md', import.meta.url));
const before = await readFile(file, 'utf-8');
const after = fillGuide(before);
if (after === before) {
  process.stdout.write('docs/editors-guide.md 已是最新。\n');
} else {
  await writeFile(file, after);
  process.stdout.write('已更新 docs/editors-guide.md 的字段表、组件说明和图片要求。\n');
}
