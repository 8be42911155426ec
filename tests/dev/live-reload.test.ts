/**
 * `npm run dev` reloads an edited story: the dev server runs on a copy of the content (through
 * YANGWANG_CONTENT_DIR), a story is edited, and the page shows the edit without a restart; a
 * broken edit is reported and the page keeps its last good version.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../helpers/dev-server.ts';

const STORY = 'man-man-lai';
let server: DevServer;

async function fetchPage(): Promise<string> {
  const response = await fetch(`${server.base}/stories/${STORY}/`);
  return response.text();
}

async function waitFor(predicate: (html: string) => boolean, timeoutMs = 30_000): Promise<string> {
  const started = Date.now();
  let html = '';
  while (Date.now() - started < timeoutMs) {
    html = await fetchPage();
    if (predicate(html)) return html;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return html;
}

beforeAll(async () => {
  // The command editors run, on a copy of the content.
  server = await startDevServer({ readyWithinMs: 90_000 });
}, 120_000);

afterAll(async () => {
  await (server as DevServer | undefined)?.stop();
});

describe('astro dev', () => {
  it('shows an edited story without a restart, and keeps the last good version on a bad edit', async () => {
    const file = join(server.contentDir, 'stories', STORY, 'index.mdx');
    const original = readFileSync(file, 'utf-8');
    expect(await fetchPage()).toContain('慢慢来');

    writeFileSync(file, `${original}\n这是一句刚刚加上的话。\n`);
    expect(await waitFor((html) => html.includes('这是一句刚刚加上的话。'))).toContain('这是一句刚刚加上的话。');

    writeFileSync(file, `${original}\n这一句不该出现 {process.exit(1)}\n`);
    // Give the watcher time to see (and refuse) the bad edit.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const html = await fetchPage();
    expect(html).toContain('这是一句刚刚加上的话。');
    expect(html).not.toContain('这一句不该出现');
  }, 120_000);
});
