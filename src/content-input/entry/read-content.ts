/** Reading a content file as UTF-8 text, refusing (with file and line) bytes that are not. */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { ContentProblem } from '../problem.ts';
import { decodeUtf8 } from './text-encoding.ts';

export type ReadContent = { ok: true; text: string } | { ok: false; problem: ContentProblem };

/** A file's bytes as text, or the problem shown for them; `file` is the path shown to editors. */
function toContent(bytes: Uint8Array, file: string): ReadContent {
  const decoded = decodeUtf8(bytes);
  if (decoded.ok) return { ok: true, text: decoded.text };
  return { ok: false, problem: { file, line: decoded.line, field: '文件编码', message: decoded.message } };
}

/** Reads `absoluteFile`; `file` is the path shown to editors. */
export async function readContentFile(absoluteFile: string, file: string): Promise<ReadContent> {
  return toContent(await readFile(absoluteFile), file);
}

/**
 * `readContentFile`, synchronously: for reading every entry of a site, where one small file after
 * another is three to four times faster than through libuv's thread pool (15,000 files at 10,000
 * stories: 0.2 s against 0.6–0.9 s, timed on the benchmark corpus) and never queues behind image decoding.
 */
export function readContentFileSync(absoluteFile: string, file: string): ReadContent {
  return toContent(readFileSync(absoluteFile), file);
}
