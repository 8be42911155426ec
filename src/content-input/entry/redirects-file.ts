/**
 * Reading the two files that keep published URLs working: the editors' redirects
 * (`<content>/redirects.yaml`, checked with src/schemas/redirects.ts) and the list of published
 * URLs (`<content>/published-urls.txt`). Used by the content check (before the build), the
 * permanent-URLs integration (redirects into Astro, and the check after the build) and
 * `npm run urls:update`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { redirectsSchema, type RedirectEntry } from '../../schemas/redirects.ts';
import type { ContentProblem } from '../problem.ts';
import { parsePublishedUrls, type Redirect } from '../rules/permanent-urls.ts';
import { validateWithSchema } from './validate.ts';
import { parseYamlSource } from './yaml-source.ts';

/** Where the list and the redirects live for a content folder. */
export function getUrlFiles(contentDir: string): { list: string; redirects: string } {
  return { list: join(contentDir, 'published-urls.txt'), redirects: join(contentDir, 'redirects.yaml') };
}

/** A redirect with the line of its `from` in redirects.yaml. */
export type RedirectLine = Redirect & { line?: number | undefined };

/** Reads and checks `redirects.yaml`; a missing file means no redirects. */
export function loadRedirects(file: string, display = toDisplayPath(file)): { redirects: RedirectLine[]; problems: ContentProblem[] } {
  if (!existsSync(file)) return { redirects: [], problems: [] };
  const yaml = parseYamlSource(readFileSync(file, 'utf-8'));
  const problems: ContentProblem[] = yaml.errors.map((e) => ({ file: display, line: e.line, field: 'YAML', message: e.message }));
  // An empty file (only comments) is an empty list.
  const value = yaml.value ?? (yaml.errors.length ? undefined : []);
  if (value === undefined) return { redirects: [], problems };
  const checked = validateWithSchema<RedirectEntry[]>(redirectsSchema, value, display, yaml.lineOf);
  problems.push(...checked.problems);
  const redirects = (checked.data ?? []).map((r, i) => ({ from: r.from, to: r.to, line: yaml.lineOf([i, 'from']) }));
  const seen = new Map<string, number | undefined>();
  for (const r of redirects) {
    if (seen.has(r.from)) {
      problems.push({
        file: display,
        line: r.line,
        field: 'from',
        message: `旧地址 ${r.from} 写了两次（第一次在第 ${seen.get(r.from)} 行），每个旧地址只能转到一处`,
      });
    }
    seen.set(r.from, r.line);
  }
  return { redirects, problems };
}

/** Reads `published-urls.txt`; undefined when there is none (then nothing is checked). */
export function loadPublishedUrls(file: string, display = toDisplayPath(file)): ReturnType<typeof parsePublishedUrls> | undefined {
  if (!existsSync(file)) return undefined;
  return parsePublishedUrls(readFileSync(file, 'utf-8'), display);
}

/** A path as editors see it: relative to the working folder. */
export function toDisplayPath(file: string): string {
  return relative(process.cwd(), resolve(file)).split('\\').join('/') || file;
}
