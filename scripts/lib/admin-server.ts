/**
 * The web editor on an editor's own machine: one server on the loopback address that serves the
 * editor (/admin/) and Decap's local-repository API (/api/v1, decap-server's git mode: every save
 * is a commit in the local repository) from the same origin, so the editor's policy can say
 * `connect-src 'self'`. Nothing listens on other addresses; no account is needed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Server } from 'node:http';

export interface AdminServerOptions {
  /** The git repository to edit (its content/ folder). */
  repo: string;
  /** The editor's files (dist/admin or what `npm run admin` wrote). */
  adminDir: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
}

export interface AdminServer {
  origin: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
};

interface Request {
  path: string;
  get(name: string): string | undefined;
}
interface Response {
  status(code: number): Response;
  type(value: string): Response;
  set(name: string, value: string): Response;
  send(body: string | Buffer): void;
  redirect(code: number, url: string): void;
}
interface App {
  use(path: string, handler: (req: Request, res: Response, next: () => void) => void): void;
  get(path: string, handler: (req: Request, res: Response) => void): void;
  listen(port: number, host: string, ready: () => void): Server;
}

/** The current branch of the repository (the editor commits there). */
export function getCurrentBranch(repo: string): string {
  return execFileSync('git', ['rev-parse', '--abbrev-ref', 'HEAD'], { cwd: repo, encoding: 'utf-8' }).trim();
}

/** Starts the editor's server. */
export async function startAdminServer(options: AdminServerOptions): Promise<AdminServer> {
  const repo = resolve(options.repo);
  const adminDir = resolve(options.adminDir);
  const host = options.host ?? '127.0.0.1';
  const require = createRequire(createRequire(import.meta.url).resolve('decap-server'));
  const express = require('express') as () => App;
  const { registerLocalGit } = createRequire(import.meta.url)('decap-server/dist/middlewares.js') as {
    registerLocalGit: (app: App, options: { logLevel?: string }) => Promise<void>;
  };
  const branch = getCurrentBranch(repo);
  const app = express();

  // The configuration as built, saving through this server (same origin) into the repository's
  // current branch. Decap uses `local_backend` only on localhost and 127.0.0.1.
  app.get('/admin/config.json', (req, res) => {
    const config = JSON.parse(readFileSync(join(adminDir, 'config.json'), 'utf-8')) as {
      cms: { backend: { branch: string }; local_backend?: unknown };
    };
    config.cms.backend.branch = branch;
    config.cms.local_backend = { url: `http://${req.get('host') ?? host}/api/v1` };
    res
      .type(TYPES['.json'] ?? '')
      .set('Cache-Control', 'no-store')
      .send(JSON.stringify(config));
  });
  app.get('/', (_req, res) => res.redirect(302, '/admin/'));
  app.use('/admin', (req, res, next) => {
    if (req.path === '' || req.path === '/') {
      sendFile(res, join(adminDir, 'index.html'));
      return;
    }
    const file = normalize(join(adminDir, decodeURIComponent(req.path)));
    if (!file.startsWith(adminDir + sep) || !existsSync(file)) {
      next();
      return;
    }
    sendFile(res, file);
  });
  app.get('/favicon.svg', (_req, res) => sendFile(res, join(process.cwd(), 'public/favicon.svg')));

  // decap-server reads the repository from the environment.
  const previous = process.env.GIT_REPO_DIRECTORY;
  process.env.GIT_REPO_DIRECTORY = repo;
  try {
    await registerLocalGit(app, { logLevel: process.env.LOG_LEVEL ?? 'warn' });
  } finally {
    if (previous === undefined) delete process.env.GIT_REPO_DIRECTORY;
    else process.env.GIT_REPO_DIRECTORY = previous;
  }

  const server = await new Promise<Server>((ready) => {
    const s = app.listen(options.port ?? 0, host, () => ready(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function sendFile(res: Response, file: string): void {
  if (!existsSync(file)) {
    res.status(404).send('');
    return;
  }
  res
    .type(TYPES[extname(file)] ?? 'application/octet-stream')
    .set('Cache-Control', 'no-cache')
    .send(readFileSync(file));
}
