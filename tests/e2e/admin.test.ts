/**
 * The web editor (/admin/, Decap CMS) in real Chromium, in the local mode editors use
 * (`npm run admin`: the editor and decap-server's git mode on one loopback origin). It edits a
 * temporary git repository holding a copy of content/, never the project's own content/.
 *
 * - the story list shows every story; the interface is Chinese; nothing comes from another origin
 *   and the editor's own policy is never violated;
 * - editing an existing story's title and saving makes one commit whose diff is that one line;
 *   a sentence added to the body of every sample story changes that one line of the file;
 * - a new story with a required field left empty is refused, in Chinese;
 * - a story created through the form (title, a teacher picked from the list, a cover uploaded,
 *   a body with a figure and a pull quote) is committed as content/stories/<pinyin>/index.mdx, the
 *   content check passes on it and a build publishes its page.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAdminServer, type AdminServer } from '../../scripts/lib/admin-server.ts';
import { launchBrowser } from './support/browser.ts';

const ROOT = process.cwd();
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf-8' });

let work: string;
let repo: string;
let server: AdminServer;
let browser: Browser;
/** What went wrong in the editor pages of the current test. */
let problems: string[] = [];

beforeAll(async () => {
  mkdirSync(join(ROOT, 'tmp'), { recursive: true });
  work = mkdtempSync(join(ROOT, 'tmp', 'admin-e2e-'));
  repo = join(work, 'repo');
  mkdirSync(repo);
  cpSync(join(ROOT, 'content'), join(repo, 'content'), { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'user.name', '编辑');
  git(repo, 'config', 'user.email', 'editor@example.org');
  git(repo, 'config', 'commit.gpgsign', 'false');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', '样稿');
  await sharp({ create: { width: 1600, height: 900, channels: 3, background: { r: 90, g: 110, b: 140 } } })
    .jpeg({ quality: 80 })
    .toFile(join(work, 'cover.jpg'));
  await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 160, g: 120, b: 80 } } })
    .jpeg({ quality: 80 })
    .toFile(join(work, 'photo-1.jpg'));
  server = await startAdminServer({ repo, adminDir: join(ROOT, 'dist/admin') });
  browser = await launchBrowser();
});

afterAll(async () => {
  await (browser as Browser | undefined)?.close();
  await (server as AdminServer | undefined)?.close();
  if (work && !process.env.YANGWANG_KEEP_ADMIN_TEST) rmSync(work, { recursive: true, force: true });
});

/** A page of the editor, logged in to the local repository, recording what goes wrong. */
async function openEditor(width = 1280, height = 900): Promise<Page> {
  problems = [];
  const page = await browser.newPage({ viewport: { width, height } });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`script error: ${e.message} ${e.stack ?? ''}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(`${server.origin}/`) && !/^(data|blob):/.test(r.url())) problems.push(`request to another origin: ${r.url()}`);
  });
  await page.goto(`${server.origin}/admin/`);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '故事' }).waitFor();
  return page;
}

const headCommit = () => git(repo, 'rev-parse', 'HEAD').trim();

async function publish(page: Page): Promise<void> {
  await page.getByRole('button', { name: '发布' }).first().click();
  await page.getByRole('menuitem', { name: '立即发布' }).click();
}

describe('web editor, local repository', () => {
  it('lists every story, in Chinese, from this origin only', async () => {
    const page = await openEditor();
    const stories = git(repo, 'ls-files', 'content/stories/*/index.mdx').trim().split('\n');
    for (const file of stories) {
      const title = /^title: (.+)$/m.exec(readFileSync(join(repo, file), 'utf-8'))?.[1] ?? '';
      await page.getByText(title, { exact: false }).first().waitFor({ timeout: 10_000 });
    }
    await expect(page.getByText('快速新建').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(ROOT, 'tmp', 'admin-list-1280.png') });
    await page.close();
    expect(problems).toEqual([]);
  });

  it('changing a story’s title commits that one line', async () => {
    const page = await openEditor();
    const before = headCommit();
    await page.goto(`${server.origin}/admin/#/collections/stories/entries/shan-li-de-deng/index`);
    const title = page.getByLabel('标题', { exact: true }).first();
    await title.waitFor();
    await title.fill('山里的那盏灯');
    await publish(page);
    await expect.poll(headCommit, { timeout: 15_000 }).not.toBe(before);
    const diff = git(repo, 'diff', '--unified=0', before, 'HEAD');
    const changed = diff.split('\n').filter((l) => /^[+-](?![+-]{2} )/.test(l));
    expect(changed).toEqual(['-title: 山里的灯', '+title: 山里的那盏灯']);
    expect(git(repo, 'diff', '--name-only', before, 'HEAD').trim()).toBe('content/stories/shan-li-de-deng/index.mdx');
    expect(git(repo, 'status', '--porcelain').trim()).toBe('');
    await page.close();
    expect(problems).toEqual([]);
  });

  it('a sentence added to the body of any sample story commits that one line (components, tables, letters untouched)', async () => {
    const page = await openEditor();
    for (const slug of readdirSync(join(repo, 'content/stories')).sort()) {
      const before = headCommit();
      await page.goto(`${server.origin}/admin/#/collections/stories/entries/${slug}/index`);
      await page.reload();
      const body = page.locator('[data-slate-editor=true]');
      await body.locator('p').first().click();
      await page.keyboard.press('Control+Home');
      await page.keyboard.insertText('补记：');
      await publish(page);
      await expect.poll(headCommit, { timeout: 15_000 }).not.toBe(before);
      const file = `content/stories/${slug}/index.mdx`;
      expect(git(repo, 'diff', '--numstat', before, 'HEAD').trim(), slug).toBe(`1\t1\t${file}`);
      // The one changed line is the old line with the inserted words (where the caret was), nothing else.
      const lines = git(repo, 'diff', '--unified=0', before, 'HEAD').split('\n');
      const removed = lines.find((l) => /^-(?!--)/.test(l))?.slice(1);
      const added = lines.find((l) => /^\+(?!\+\+)/.test(l))?.slice(1);
      expect(added?.replace('补记：', ''), slug).toBe(removed);
    }
    await page.close();
    expect(problems).toEqual([]);
  }, 120_000);

  it('refuses a new story without its required fields, in Chinese', async () => {
    const page = await openEditor();
    const before = headCommit();
    await page.goto(`${server.origin}/admin/#/collections/stories/new`);
    await page.getByLabel('作者', { exact: true }).waitFor();
    await page.getByLabel('作者', { exact: true }).fill('仰望编辑部');
    await publish(page);
    // Decap's own message for a required field, in Chinese, under each empty field.
    await page.getByText('“标题”是必填项').first().waitFor();
    for (const label of ['摘要', '作者']) {
      expect(await page.getByText(`“${label}”是必填项`).count(), label).toBe(label === '作者' ? 0 : 1);
    }
    await page.screenshot({ path: join(ROOT, 'tmp', 'admin-required-1280.png') });
    expect(headCommit()).toBe(before);
    // Decap refuses by rejecting its save with no reason (persistEntry in decap-cms-core's
    // actions/entries: `return Promise.reject()` when a field has errors): that is the one error.
    expect(problems).toEqual(['script error: undefined ']);
    await page.close();
  });
});

describe('a new teacher', () => {
  it('picks the school by pinyin and checks the pinyin of the name with the schema’s Chinese message', async () => {
    const page = await openEditor();
    const before = headCommit();
    await page.goto(`${server.origin}/admin/#/collections/teachers/new`);
    const field = (label: string) => page.getByLabel(new RegExp(`^${label}( \\(可选\\))?$`));
    await field('姓名').first().waitFor();
    await field('姓名').first().fill('林小雨');
    await field('姓名的拼音').fill('Lin Xiaoyu 1');
    await field('所在学校').fill('qinglan');
    await page
      .getByText(/青岚小学（[a-z-]+）/)
      .first()
      .click();
    // A fictional teacher at a fictional school (the content check refuses a real one there).
    await field('示例（虚构人物）').click();
    await publish(page);
    await page.getByText(/“姓名的拼音”不满足模式应是带声调的拼音，姓在前，姓和名之间一个空格/).waitFor();
    expect(headCommit()).toBe(before);
    await page.screenshot({ path: join(ROOT, 'tmp', 'admin-teacher-pattern-1280.png') });
    const pinyin = field('姓名的拼音');
    await pinyin.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Lín Xiǎoyǔ');
    await publish(page);
    await expect.poll(headCommit, { timeout: 20_000 }).not.toBe(before);
    await page.waitForURL(/entries\/lin-xiaoyu\/index$/);
    const file = readFileSync(join(repo, 'content/teachers/lin-xiaoyu/index.mdx'), 'utf-8');
    expect(file).toMatch(/^name: 林小雨\npinyin: Lín Xiǎoyǔ\nschool: [a-z-]*qinglan[a-z-]*\n/m);
    await page.close();
    // Decap's refusal of the first save (a rejected promise without a reason), nothing else.
    expect(problems).toEqual(['script error: undefined ']);
  });
});

describe('a new story through the form', () => {
  it('is committed as content/stories/<pinyin>/index.mdx, passes the content check and is published by a build', async () => {
    const page = await openEditor();
    const before = headCommit();
    await page.goto(`${server.origin}/admin/#/collections/stories/new`);
    // Decap labels optional fields “名称 (可选)”.
    const field = (label: string) => page.getByLabel(new RegExp(`^${label}( \\(可选\\))?$`));
    await field('标题').first().waitFor();
    await field('标题').first().fill('灯下的作业本');
    // A teacher picked from the list, found by toneless pinyin.
    await field('文中人物').fill('linqiuyun');
    await page.getByText('林秋云', { exact: true }).click();
    await field('作者').fill('仰望编辑部 周南');
    await field('发布日期').fill('2026-11-30');
    await field('摘要').fill('林秋云老师在灯下批改作业的一个晚上。');
    // The cover, uploaded into the story's own folder.
    await page.getByRole('button', { name: '选择图片' }).first().click();
    await page.locator('input[type=file]').setInputFiles(join(work, 'cover.jpg'));
    await page.getByRole('button', { name: '选用已选中项目' }).click();
    await field('替代文字').fill('灯下，一摞作业本摊在木桌上');
    await field('署名').fill('仰望编辑部 摄');
    await field('许可').fill('CC BY-NC-ND 4.0');
    await page.getByRole('button', { name: '新增主题' }).click();
    await page.getByLabel('主题', { exact: true }).last().fill('乡村教育');
    await field('示例（虚构人物）').click();
    // The body: a paragraph, a figure and a pull quote, inserted and filled in as forms.
    const body = page.locator('[data-slate-editor=true]');
    await body.click();
    await page.keyboard.type('那天晚上，教室里只剩下一盏灯。');
    await page.getByTitle('添加组件').click();
    await page.getByRole('menuitem', { name: '图片' }).click();
    await page.getByRole('button', { name: '选择图片' }).last().click();
    await page.locator('input[type=file]').setInputFiles(join(work, 'photo-1.jpg'));
    await page.getByRole('button', { name: '选用已选中项目' }).click();
    await field('替代文字').last().fill('作业本上写着“老师，我会了”');
    await field('图注').last().fill('孩子们的作业本');
    await field('署名').last().fill('仰望编辑部 摄');
    await page.getByTitle('添加组件').click();
    await page.getByRole('menuitem', { name: '引语' }).click();
    await field('说话人').last().fill('林秋云');
    await field('内容').last().fill('灯亮着，孩子们就知道我还在。');
    await page.screenshot({ path: join(ROOT, 'tmp', 'admin-new-story-1280.png'), fullPage: true });
    await publish(page);
    await expect.poll(headCommit, { timeout: 20_000 }).not.toBe(before);
    // The editor then shows the saved entry at its new address.
    await page.waitForURL(/entries\/deng-xia-de-zuo-ye-ben\/index$/);
    await page.getByText('修改已保存').waitFor();
    await page.close();
    expect(problems).toEqual([]);

    const folder = 'content/stories/deng-xia-de-zuo-ye-ben';
    expect(git(repo, 'show', '--name-only', '--format=%s', 'HEAD').trim().split('\n').filter(Boolean).sort()).toEqual(
      ['新建故事：deng-xia-de-zuo-ye-ben/index', `${folder}/cover.jpg`, `${folder}/index.mdx`, `${folder}/photo-1.jpg`].sort(),
    );
    const file = readFileSync(join(repo, folder, 'index.mdx'), 'utf-8');
    expect(file).toContain('teachers: [lin-qiuyun]\n');
    expect(file).toContain("published: '2026-11-30'\n");
    expect(file).toMatch(/^ {2}src: \.\/cover\.jpg$/m);
    expect(file).toContain(
      '<Figure src="./photo-1.jpg" alt="作业本上写着“老师，我会了”" caption="孩子们的作业本" credit="仰望编辑部 摄" />',
    );
    expect(file.endsWith('</PullQuote>\n')).toBe(true);
    expect(file).toContain('<PullQuote cite="林秋云">灯亮着，孩子们就知道我还在。</PullQuote>');

    // The content check, on the repository the editor wrote (a copy, never the project's content/).
    const contentDir = relative(ROOT, join(repo, 'content'));
    execFileSync(process.execPath, ['scripts/check-content.ts', '--content', contentDir], { cwd: ROOT, encoding: 'utf-8' });
    // A build of that content publishes the page.
    const outDir = join(work, 'dist');
    execFileSync(process.execPath, ['scripts/bench/build-site.ts', '--outDir', outDir, '--cacheDir', join(work, 'cache')], {
      cwd: ROOT,
      env: { ...process.env, YANGWANG_CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: 'pipe',
    });
    const html = readFileSync(join(outDir, 'stories/deng-xia-de-zuo-ye-ben/index.html'), 'utf-8');
    expect(html).toContain('灯下的作业本');
    expect(html).toContain('class="yw-figure"');
    expect(html).toContain('灯亮着，孩子们就知道我还在。');
    expect(existsSync(join(outDir, 'admin/index.html'))).toBe(true);
  }, 240_000);
});
