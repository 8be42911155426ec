/**
 * One run of the content check, for the benchmark (scripts/bench/content-check.ts): prints its
 * wall time, peak memory and counts as JSON. With --keep-rendered it runs as inside a build
 * (keeping each rendered entry for the MDX loader). With --parse-only it times what the MDX
 * loader does without the check's handoff (loadMdxEntry over every story and profile); with
 * --take-only, what it does with it (takeRenderedEntry for each). --workers N|auto: worker threads
 * besides the main one (default none; auto: by cores and files, src/content-input/tree/check-workers.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent } from '../../src/content-input/tree/check-content.ts';
import { loadMdxEntry } from '../../src/content-input/entry/mdx-entry.ts';
import { getRenderedEntriesVersion, takeRenderedEntry } from '../../src/content-input/tree/rendered-entries.ts';
import { createStorySchema } from '../../src/schemas/stories.ts';
import { createTeacherSchema } from '../../src/schemas/teachers.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string' },
    cache: { type: 'string' },
    'parse-only': { type: 'boolean' },
    'take-only': { type: 'boolean' },
    'keep-rendered': { type: 'boolean' },
    workers: { type: 'string' },
  },
});
const content = resolve(values.content ?? 'content');
const started = performance.now();
let result: Record<string, unknown>;
if (values['parse-only']) {
  let entries = 0;
  for (const [kind, schema] of [
    ['stories', createStorySchema],
    ['teachers', createTeacherSchema],
  ] as const) {
    for (const id of readdirSync(join(content, kind))) {
      const file = join(content, kind, id, 'index.mdx');
      loadMdxEntry(readFileSync(file, 'utf-8'), file, file, schema);
      entries++;
    }
  }
  result = { entries };
} else if (values['take-only']) {
  let entries = 0;
  let taken = 0;
  const rules = await getRenderedEntriesVersion();
  for (const kind of ['stories', 'teachers']) {
    for (const id of readdirSync(join(content, kind))) {
      const file = join(content, kind, id, 'index.mdx');
      if (await takeRenderedEntry(rules, file, file, readFileSync(file, 'utf-8'))) taken++;
      entries++;
    }
  }
  result = { entries, taken };
} else {
  const workers = values.workers === undefined ? {} : { workers: values.workers === 'auto' ? ('auto' as const) : Number(values.workers) };
  const check = await checkContent({
    root: '/',
    contentDir: content,
    cacheFile: values.cache ?? false,
    keepRendered: values['keep-rendered'] ?? false,
    ...workers,
  });
  result = { problems: check.problems.length, counts: check.counts };
}
process.stdout.write(
  `${JSON.stringify({ ms: Math.round(performance.now() - started), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), ...result })}\n`,
);
