/**
 * `npm run dev` as an editor starts it, for the dev-server tests and the benchmark: on a free
 * port, on a copy of `content/` (through YANGWANG_CONTENT_DIR) that a test may edit, or on a given
 * content folder, in its own process group.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DevServerOptions {
  /** Wait until the home page answers, at most this long; without it, return once started. */
  readyWithinMs?: number;
  /** Serve this content folder itself instead of a copy of `content/` (it is neither copied nor deleted). */
  contentDir?: string;
  /** More environment variables for the server (YANGWANG_CACHE_DIR, …). */
  env?: Record<string, string>;
  /** Changes the copy of the content before the server starts (a test of broken content). */
  prepare?: (contentDir: string) => void;
}

export interface DevServer {
  /** The server's origin, `http://127.0.0.1:<port>`. */
  base: string;
  /** The content folder the server reads (a copy of `content/` unless one was given); edit it to test what the server does. */
  contentDir: string;
  /** Everything the server has printed so far, stdout and stderr, without colours. */
  log(): string;
  /** Stops npm and the dev server it started, and deletes the copy of the content (if it made one). */
  stop(): Promise<void>;
}

/** How long `stop()` waits for npm to exit after SIGTERM before it sends SIGKILL. */
const STOP_GRACE_MS = 5000;

/** Starts `npm run dev` on a copy of `content/`; with `readyWithinMs`, also waits until it serves. */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const copied = options.contentDir === undefined;
  const contentDir = options.contentDir ?? mkdtempSync(join(tmpdir(), 'yangwang-dev-'));
  if (copied) cpSync('content', contentDir, { recursive: true });
  options.prepare?.(contentDir);
  const port = await findFreePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn('npm', ['run', 'dev', '--', '--host', '127.0.0.1', '--port', String(port)], {
    // A clean environment as a terminal would have it: no test-runner variables (NODE_ENV=test
    // changes how Astro renders). No colours, so tests can look for text in the log.
    env: { ...withoutTestVariables(process.env), ...options.env, YANGWANG_CONTENT_DIR: contentDir, FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stop() reaches the dev server npm starts, not only npm.
    detached: true,
  });
  let log = '';
  // Decode as text stream: a chunk may end in the middle of a Chinese character.
  server.stdout.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  server.stderr.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));

  const devServer: DevServer = {
    base,
    contentDir,
    log: () => log,
    async stop() {
      const exited = server.exitCode === null && server.signalCode === null ? once(server, 'exit') : Promise.resolve();
      signalGroup(server.pid, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(server.pid, 'SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
      if (copied) rmSync(contentDir, { recursive: true, force: true });
    },
  };

  if (options.readyWithinMs !== undefined) {
    const started = Date.now();
    while (Date.now() - started < options.readyWithinMs) {
      const ok = await fetch(`${base}/`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return devServer;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    await devServer.stop();
    throw new Error(`npm run dev did not start within ${options.readyWithinMs / 1000} s:\n${log}`);
  }
  return devServer;
}

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

/** Signals the whole process group led by `pid`; one that has already exited is left alone. */
function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
