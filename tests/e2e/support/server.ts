/**
 * A small static server for the built site (dist/) on 127.0.0.1 and a random port, for browser
 * tests and benchmarks. It behaves like the static hosts the README names: `/x/` serves
 * `/x/index.html`, `/x` redirects to `/x/` when that is a folder, misses get `404.html` with
 * status 404, types are right (including `application/wasm` for Pagefind), and text is gzipped
 * when the browser accepts it, so byte counts match what a phone would download. Headers listed
 * in the site's `_headers` file (CSP frame-ancestors, nosniff, caching …) are sent as Netlify or
 * Cloudflare Pages would send them.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Transform } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createGzip } from 'node:zlib';
import { getHeadersFor, parseHeadersFile, type HeaderRule } from './headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};
/** Types worth compressing. Pagefind's own index files (`.pf_*`) are gzip already and go as they are. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.svg', '.wasm']);

/** One request as the server answered it. */
export interface ServedRequest {
  path: string;
  status: number;
  /** Body bytes sent (compressed when gzipped); counted when the response ends. */
  bytes: number;
}

export interface StaticServer {
  /** Origin without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  /** Every request answered so far, in order. */
  requests: ServedRequest[];
  close(): Promise<void>;
}

/** Finds the file for a URL path, or undefined. Never leaves `root`. */
function resolveFile(root: string, urlPath: string): { file: string } | { redirect: string } | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const full = normalize(join(root, decoded));
  if (full !== root && !full.startsWith(root + sep)) return undefined;
  if (!existsSync(full)) return undefined;
  const stat = statSync(full);
  if (stat.isFile()) return { file: full };
  if (stat.isDirectory()) {
    if (!decoded.endsWith('/')) return { redirect: `${urlPath}/` };
    const index = join(full, 'index.html');
    if (existsSync(index)) return { file: index };
  }
  return undefined;
}

/** Passes data through, adding up its length. */
function counter(onEnd: (bytes: number) => void): Transform {
  let bytes = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
    flush(done) {
      onEnd(bytes);
      done();
    },
  });
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  status: number,
  rules: readonly HeaderRule[],
  record: ServedRequest,
): void {
  const ext = extname(file).toLowerCase();
  for (const [name, value] of getHeadersFor(rules, new URL(req.url ?? '/', 'http://localhost').pathname)) res.setHeader(name, value);
  const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  res.statusCode = status;
  res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
  if (!res.hasHeader('Cache-Control')) res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Vary', 'Accept-Encoding');
  if (gzip) res.setHeader('Content-Encoding', 'gzip');
  else res.setHeader('Content-Length', statSync(file).size);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  (gzip ? stream.pipe(createGzip()) : stream).pipe(counter((bytes) => (record.bytes = bytes))).pipe(res);
}

/** Serves `root` (default `dist/`) until `close()`. */
export async function startServer(root = resolve('dist')): Promise<StaticServer> {
  const base = resolve(root);
  if (!existsSync(join(base, 'index.html'))) throw new Error(`${base} has no index.html: build the site first (npm run build)`);
  const requests: ServedRequest[] = [];
  const headersFile = join(base, '_headers');
  const rules = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf-8')) : [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const answer = (status: number): ServedRequest => {
      const record = { path, status, bytes: 0 };
      requests.push(record);
      return record;
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      answer(405);
      return;
    }
    const found = resolveFile(base, path);
    if (found && 'redirect' in found) {
      res.writeHead(301, { Location: found.redirect }).end();
      answer(301);
    } else if (found) {
      send(req, res, found.file, 200, rules, answer(200));
    } else {
      const notFound = join(base, '404.html');
      if (existsSync(notFound)) send(req, res, notFound, 404, rules, answer(404));
      else {
        res.writeHead(404).end();
        answer(404);
      }
    }
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
