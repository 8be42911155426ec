/**
 * Serves a built site on 127.0.0.1 (the browser tests' static server) until killed, printing its
 * origin on the first line. Lighthouse needs the server in another process than the one waiting.
 *
 *   node scripts/bench/serve.ts DIR
 */
import { startServer } from '../../tests/e2e/support/server.ts';

const server = await startServer(process.argv[2] ?? 'dist');
console.log(server.origin);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
