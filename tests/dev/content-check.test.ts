/**
 * `npm run dev` reports content problems like the build does: at start, and again when a file
 * under content/ changes (the loaders' own watchers only see the file that changed; a broken
 * reference shows up only in the check across entries).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let server: ChildProcess;
let contentDir: string;
let log = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForLog(text: string, timeoutMs = 30_000): Promise<boolean> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (log.includes(text)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

beforeAll(async () => {
  contentDir = mkdtempSync(join(tmpdir(), 'yangwang-dev-check-'));
  cpSync('content', contentDir, { recursive: true });
  const port = await freePort();
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST') && k !== 'TEST'));
  server = spawn('npm', ['run', 'dev', '--', '--host', '127.0.0.1', '--port', String(port)], {
    env: { ...env, YANGWANG_CONTENT_DIR: contentDir, FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout?.on('data', (chunk) => (log += chunk));
  server.stderr?.on('data', (chunk) => (log += chunk));
}, 10_000);

afterAll(() => {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  rmSync(contentDir, { recursive: true, force: true });
});

describe('astro dev runs the content check', () => {
  it('at start, and again with the problem when an edit breaks a reference', async () => {
    expect(await waitForLog('内容检查通过'), log).toBe(true);
    expect(await waitForLog('watching for file changes'), log).toBe(true);
    const file = join(contentDir, 'stories/man-man-lai/index.mdx');
    const source = readFileSync(file, 'utf-8');
    const teacher = /^teachers: \[([a-z-]+)/m.exec(source)?.[1] ?? '';
    writeFileSync(file, source.replace(`teachers: [${teacher}`, `teachers: [${teacher}x`));
    expect(await waitForLog('有改动，重新检查'), log).toBe(true);
    expect(await waitForLog(`index.mdx:4  teachers.0  找不到教师 “${teacher}x”`), log).toBe(true);
  }, 90_000);
});
