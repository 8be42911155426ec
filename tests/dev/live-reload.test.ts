/**
 * `npm run dev` reloads an edited story: the dev server runs on a copy of the content (through
 * YANGWANG_CONTENT_DIR), a story is edited, and the page shows the edit without a restart; a
 * broken edit is reported and the page keeps its last good version.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const STORY = 'man-man-lai';
let server: ChildProcess;
let contentDir: string;
let base: string;

function withoutTestVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST') && key !== 'TEST'));
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function fetchPage(): Promise<string> {
  const response = await fetch(`${base}/stories/${STORY}/`);
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
  contentDir = mkdtempSync(join(tmpdir(), 'yangwang-dev-'));
  cpSync('content', contentDir, { recursive: true });
  const port = await findFreePort();
  base = `http://127.0.0.1:${port}`;
  // The command editors run, on a copy of the content.
  server = spawn('npm', ['run', 'dev', '--', '--host', '127.0.0.1', '--port', String(port)], {
    // A clean environment as a terminal would have it: no test-runner variables (NODE_ENV=test
    // changes how Astro renders).
    env: { ...withoutTestVariables(process.env), YANGWANG_CONTENT_DIR: contentDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  server.stdout?.on('data', (chunk) => (log += chunk));
  server.stderr?.on('data', (chunk) => (log += chunk));
  const started = Date.now();
  while (Date.now() - started < 90_000) {
    const ok = await fetch(`${base}/`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`npm run dev did not start within 90 s:\n${log}`);
}, 120_000);

afterAll(() => {
  // Stop npm and the dev server it started (the whole process group).
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  rmSync(contentDir, { recursive: true, force: true });
});

describe('astro dev', () => {
  it('shows an edited story without a restart, and keeps the last good version on a bad edit', async () => {
    const file = join(contentDir, 'stories', STORY, 'index.mdx');
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
