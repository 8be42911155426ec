/**
 * `npm run admin`: the web editor on an editor's own machine. Writes the editor (the same files
 * the build puts in dist/admin/) and serves it with Decap's local-repository API on
 * http://127.0.0.1:8080/admin/ — no account, nothing reachable from other machines. Every save is
 * a git commit in this repository, on the current branch.
 *
 *   npm run admin                       # this repository
 *   npm run admin -- --port 8090        # another port
 *   npm run admin -- --repo ../copy     # another clone (its content/ folder)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeAdmin } from '../src/integrations/admin.ts';
import { startAdminServer } from './lib/admin-server.ts';

const { values } = parseArgs({
  options: {
    repo: { type: 'string', default: process.cwd() },
    port: { type: 'string', default: '8080' },
  },
});

const repo = resolve(values.repo);
const adminDir = join(process.cwd(), 'node_modules/.cache/yangwang/admin');
mkdirSync(adminDir, { recursive: true });
process.stdout.write('正在准备内容编辑器……\n');
await writeAdmin({ outDir: adminDir });

// decap-server's git mode commits everything that changed in the working tree with each save.
const pending = execFileSync('git', ['status', '--porcelain'], { cwd: repo, encoding: 'utf-8' }).trim();
if (pending) {
  process.stdout.write(
    `注意：仓库里有还没提交的改动，编辑器保存时会把它们一起提交：\n${pending
      .split('\n')
      .slice(0, 10)
      .map((l) => `  ${l}`)
      .join('\n')}\n先提交或暂存（git stash）这些改动再编辑更稳妥。\n`,
  );
}

const server = await startAdminServer({ repo, adminDir, port: Number(values.port) });
process.stdout.write(
  [
    `内容编辑器：${server.origin}/admin/  （点“登录”即可，不需要账号）`,
    `仓库：${repo}`,
    '每次“发布”都是一次 git 提交；推送（git push）后 CI 运行内容检查，通过才会部署。',
    '看网页效果：另开一个终端运行 npm run dev。按 Ctrl+C 退出。',
    '',
  ].join('\n'),
);

const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
