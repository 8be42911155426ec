/**
 * `npm run dev` reports content problems like the build does: at start, and again when a file
 * under content/ changes (the loaders' own watchers only see the file that changed; a broken
 * reference shows up only in the check across entries).
 */
import { readFileSync, writeFileSync } from 'node:fs';
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

beforeAll(async () => {
  server = await startDevServer();
}, 10_000);

afterAll(async () => {
  await server?.stop();
});

describe('astro dev runs the content check', () => {
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
