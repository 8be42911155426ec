/**
 * `npm run dev` reports content problems like the build does: at start, and again when a file
 * under content/ changes (the loaders' own watchers only see the file that changed; a broken
 * reference shows up only in the check across entries). Started on broken content, it shows the
 * report, no stack trace, and keeps serving the rest of the site.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../helpers/dev-server.ts';

let server: DevServer;

async function waitForLog(text: string, timeoutMs = 30_000): Promise<boolean> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (server.log().includes(text)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

// One dev server at a time (Astro 7 refuses a second one for the same project): each describe
// starts its own and stops it before the next.
describe('astro dev runs the content check', () => {
  beforeAll(async () => {
    server = await startDevServer();
  }, 10_000);

  afterAll(async () => {
    await (server as DevServer | undefined)?.stop();
  });

  it('at start, and again with the problem when an edit breaks a reference', async () => {
    expect(await waitForLog('内容检查通过'), server.log()).toBe(true);
    expect(await waitForLog('watching for file changes'), server.log()).toBe(true);
    const file = join(server.contentDir, 'stories/man-man-lai/index.mdx');
    const source = readFileSync(file, 'utf-8');
    const teacher = /^teachers: \[([a-z-]+)/m.exec(source)?.[1] ?? '';
    writeFileSync(file, source.replace(`teachers: [${teacher}`, `teachers: [${teacher}x`));
    expect(await waitForLog('有改动，重新检查'), server.log()).toBe(true);
    expect(await waitForLog(`index.mdx:4  teachers.0  找不到教师 “${teacher}x”`), server.log()).toBe(true);
  }, 90_000);
});

describe('astro dev on content with a mistake', () => {
  it('shows the report and keeps serving the rest of the site; no stack trace, no hook name', async () => {
    let broken = '';
    const other = await startDevServer({
      readyWithinMs: 60_000,
      prepare: (contentDir) => {
        broken = readdirSync(join(contentDir, 'stories')).sort()[0] ?? '';
        const file = join(contentDir, 'stories', broken, 'index.mdx');
        writeFileSync(file, readFileSync(file, 'utf-8').replace(/^writer:.*\n/m, ''));
      },
    });
    try {
      expect(other.log()).toMatch(new RegExp(`stories/${broken}/index\\.mdx:\\d+  writer  缺少必填字段`));
      expect((await fetch(`${other.base}/`)).status).toBe(200);
      expect(other.log()).not.toContain('Stack trace');
      expect(other.log()).not.toMatch(/\n\s+at /);
      expect(other.log()).not.toContain('An unhandled error occurred');
    } finally {
      await other.stop();
    }
  }, 90_000);
});
