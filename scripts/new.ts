/**
 * `npm run new -- story|teacher|school|collection`: starts a new entry with every field written
 * out and explained, then runs the content check on it and says what is left to fill in.
 *
 * In a terminal it asks for what it needs (Enter keeps the suggestion in brackets); in scripts
 * and CI it takes flags and asks nothing:
 *
 *   npm run new -- story --title 山里的灯 --teacher lin-qiuyun --writer "仰望编辑部 周南"
 *   npm run new -- teacher --name 林秋云 --school yunling-qinglan-xiaoxue
 *   npm run new -- school --name 云岭县青岚小学 --district 云岭县 --stage 小学
 *   npm run new -- collection --title 仰望 --chapter shan-li-de-deng --chapter man-man-lai
 *
 * Slugs (the folder or file name, which becomes the address) are suggested in pinyin from the
 * title or name, checked against what exists, and nothing that exists is ever overwritten.
 * `--help` lists every flag.
 */
import { copyFile, mkdir, readdir, readFile, writeFile, appendFile, constants } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { checkContent, getContentDir } from '../src/content-input/tree/check-content.ts';
import { SITE } from '../src/config/site.ts';
import { isImageFile } from '../src/content-input/rules/images.ts';
import { formatProblem } from '../src/content-input/problem.ts';
import { formatNamePinyin, suggestSlug } from '../src/lib/pinyin.ts';
import { textOf } from '../src/lib/text-of.ts';
import { STAGES } from '../src/schemas/common.ts';
import { renderFields, type FieldValues } from './lib/scaffold.ts';
import { listSchemaFields } from './lib/schema-fields.ts';

const KINDS = { story: '故事', teacher: '教师', school: '学校', collection: '文集' } as const;
type Kind = keyof typeof KINDS;
const ALIASES: Record<string, Kind> = { 故事: 'story', 教师: 'teacher', 学校: 'school', 文集: 'collection' };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const HELP = `用法：npm run new -- <类型> [选项]

类型：story（故事）、teacher（教师）、school（学校）、collection（文集）

通用选项
  --slug <拼音>        网址里的名字（文件夹名或 id）；不写时按标题或姓名的拼音建议
  --sample             示例内容（虚构的人物和学校）
  --yes                不提问，全部用建议值（在脚本或 CI 里不会提问）
  --content <文件夹>   内容文件夹（默认 content）

story（故事）
  --title <标题>  --teacher <教师文件夹名或姓名>（可写多次）  --writer <作者>
  --summary <摘要>  --theme <主题>（可写多次）  --published <YYYY-MM-DD>（默认今天）
  --cover <图片文件>  --cover-alt <替代文字>  --cover-credit <署名>  --cover-licence <许可>  --draft

teacher（教师）
  --name <姓名>  --pinyin <带声调拼音>（默认按姓名生成）  --school <学校 id 或校名>
  --subject <学科>  --stage <学段>  --job-title <职称>
  --portrait <图片文件>  --portrait-alt <替代文字>  --portrait-credit <署名>

school（学校）
  --name <校名>  --district <区县>  --stage <学段>（可写多次）

collection（文集）
  --title <书名>  --subtitle <副书名>  --year <年份>  --editor <编者>  --publisher <出版单位>
  --print-run <印数>  --description <简介>  --chapter <故事文件夹名或标题>（可写多次）
`;

/** Where the command reads and writes, and how it talks to the person running it. */
export interface NewIo {
  root: string;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** True in a terminal: ask for what is missing. */
  interactive: boolean;
  /** Today's date, `YYYY-MM-DD` (tests fix it). */
  today?: string;
}

class UsageError extends Error {}

/** Runs the command; returns the exit code (0 created, 2 nothing written). */
export async function runNew(argv: string[], io: NewIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      yes: { type: 'boolean', short: 'y' },
      content: { type: 'string' },
      slug: { type: 'string' },
      sample: { type: 'boolean' },
      draft: { type: 'boolean' },
      title: { type: 'string' },
      subtitle: { type: 'string' },
      teacher: { type: 'string', multiple: true },
      writer: { type: 'string' },
      summary: { type: 'string' },
      theme: { type: 'string', multiple: true },
      published: { type: 'string' },
      cover: { type: 'string' },
      'cover-alt': { type: 'string' },
      'cover-credit': { type: 'string' },
      'cover-licence': { type: 'string' },
      name: { type: 'string' },
      pinyin: { type: 'string' },
      school: { type: 'string' },
      subject: { type: 'string' },
      stage: { type: 'string', multiple: true },
      'job-title': { type: 'string' },
      portrait: { type: 'string' },
      'portrait-alt': { type: 'string' },
      'portrait-credit': { type: 'string' },
      district: { type: 'string' },
      year: { type: 'string' },
      editor: { type: 'string' },
      publisher: { type: 'string' },
      'print-run': { type: 'string' },
      description: { type: 'string' },
      chapter: { type: 'string', multiple: true },
    },
  });
  const say = (text: string) => io.output.write(`${text}\n`);
  const kindArg = positionals[0] ?? '';
  const kind: Kind | undefined = Object.hasOwn(KINDS, kindArg) ? (kindArg as Kind) : ALIASES[kindArg];
  if (values.help || !kind) {
    say(kind || values.help ? HELP : `请写明要新建什么：story、teacher、school 或 collection\n\n${HELP}`);
    return values.help ? 0 : 2;
  }

  const contentDir = values.content ?? getContentDir();
  const content = resolve(io.root, contentDir);
  const asking = io.interactive && !values.yes;
  // Lines are read through the iterator, which keeps lines typed (or piped) ahead of a question.
  const lines = asking
    ? createInterface({ input: io.input, output: io.output, terminal: Boolean((io.input as { isTTY?: boolean }).isTTY) })
    : undefined;
  const answers = lines?.[Symbol.asyncIterator]();
  const today = io.today ?? new Date().toISOString().slice(0, 10);

  /** A value: the flag, else (in a terminal) an answer, else the suggestion. */
  const ask = async (question: string, flag: string | undefined, suggestion = ''): Promise<string> => {
    if (flag !== undefined) return flag.trim();
    if (!answers) return suggestion;
    io.output.write(`${question}${suggestion ? `［${suggestion}］` : ''}：`);
    const next = await answers.next();
    const answer = next.done ? '' : next.value;
    if (!(io.input as { isTTY?: boolean }).isTTY) io.output.write('\n');
    return answer.trim() || suggestion;
  };
  const askList = async (question: string, flag: string[] | undefined): Promise<string[]> => {
    if (flag?.length) return flag.flatMap(splitList);
    return splitList(await ask(question, undefined));
  };

  try {
    const created = await create();
    lines?.close();
    say(`已创建 ${created.files.map((f) => relative(io.root, f).split('\\').join('/')).join('、')}`);
    await report(created.files);
    say(created.next);
    return 0;
  } catch (error) {
    lines?.close();
    if (error instanceof UsageError) {
      say(error.message);
      return 2;
    }
    throw error;
  }

  async function create(): Promise<{ files: string[]; next: string }> {
    const fields = listSchemaFields();
    const sample = values.sample ? { sample: true } : {};
    switch (kind) {
      case 'story': {
        const title = await askRequired('标题', values.title);
        const slug = await chooseSlug(suggestSlug(title, { maxSyllables: 8 }), await folderNames('stories'));
        const teachers = resolveIds(
          await askList('文中人物（教师文件夹名或姓名，多位用空格隔开）', values.teacher),
          await teacherNames(),
          '教师',
        );
        const data: FieldValues = {
          title,
          teachers,
          writer: await ask('作者', values.writer),
          published: await ask('发布日期', values.published, today),
          summary: await ask('摘要（一两句话，可以之后再写）', values.summary),
          themes: await askList('主题（多个用空格隔开，例如 师德 乡村教育）', values.theme),
          ...(await imageValues('cover', '题图')),
          ...sample,
          ...(values.draft ? { draft: true } : {}),
        };
        const dir = join(content, 'stories', slug);
        const files = await writeEntryFolder(dir, `---\n${renderFields(fields.stories, data)}---\n\n`, 'cover', values.cover);
        return {
          files,
          next: `接下来：在 ${rel(files[0])} 第二个 --- 下面写正文，把图片放进同一个文件夹；npm run dev 后打开 http://localhost:4321/stories/${slug}/ 预览。`,
        };
      }
      case 'teacher': {
        const name = await askRequired('姓名', values.name);
        const slug = await chooseSlug(suggestSlug(name, { personalName: true }), await folderNames('teachers'));
        const pinyin = await ask('姓名拼音（带声调）', values.pinyin, formatNamePinyin(name));
        const [school] = resolveIds(
          splitList(await ask('学校（schools.yaml 里的 id 或校名）', values.school)),
          await schoolNames(),
          '学校',
        );
        const subject = await ask('学科（可不写）', values.subject);
        const stage = await ask(`学段（${STAGES.join('、')}，可不写）`, values.stage?.[0]);
        if (stage && !(STAGES as readonly string[]).includes(stage)) throw new UsageError(`学段应是以下之一：${STAGES.join('、')}`);
        const data: FieldValues = {
          name,
          pinyin,
          school: school ?? '',
          ...optional('subject', subject),
          ...optional('stage', stage),
          ...optional('jobTitle', await ask('职称（可不写）', values['job-title'])),
          ...(values.portrait ? await imageValues('portrait', '照片') : {}),
          ...sample,
        };
        const dir = join(content, 'teachers', slug);
        const files = await writeEntryFolder(dir, `---\n${renderFields(fields.teachers, data)}---\n\n`, 'portrait', values.portrait);
        return {
          files,
          next: `接下来：在 ${rel(files[0])} 第二个 --- 下面写简介（真实人物只写公开资料写明的事实）；npm run dev 后打开 http://localhost:4321/teachers/${slug}/ 预览。`,
        };
      }
      case 'school': {
        const name = await askRequired('校名', values.name);
        const file = join(content, 'schools.yaml');
        const source = await readFile(file, 'utf-8').catch(() => '');
        const existing = ((parseYaml(source) ?? []) as { id?: unknown; name?: unknown }[]).map((s) => textOf(s.id));
        if (((parseYaml(source) ?? []) as { name?: unknown }[]).some((s) => s.name === name)) {
          throw new UsageError(`schools.yaml 里已经有 “${name}” 了，没有重复添加`);
        }
        const id = await chooseSlug(suggestSlug(name, { maxSyllables: 8 }), existing);
        const stages = await askList(`学段（${STAGES.join('、')}，多个用空格隔开，可不写）`, values.stage);
        const wrong = stages.find((s) => !(STAGES as readonly string[]).includes(s));
        if (wrong) throw new UsageError(`学段 “${wrong}” 不对，应是以下之一：${STAGES.join('、')}`);
        const data: FieldValues = {
          id,
          name,
          ...optional('district', await ask('所在区县（可不写）', values.district)),
          stages,
          ...sample,
        };
        const item = renderFields(fields.schools, data)
          .trimEnd()
          .split('\n')
          .map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`))
          .join('\n');
        // Appended as text, so every comment and blank line already in the file stays as it was.
        await appendFile(file, `${source === '' || source.endsWith('\n\n') ? '' : source.endsWith('\n') ? '\n' : '\n\n'}${item}\n`);
        return { files: [file], next: `接下来：教师的 school 字段写 ${id}；学校页面在 /schools/${id}/。` };
      }
      case 'collection': {
        const title = await askRequired('书名', values.title);
        const slug = await chooseSlug(
          suggestSlug(title, { maxSyllables: 8 }),
          (await names(join(content, 'collections'))).filter((n) => /\.ya?ml$/.test(n)).map((n) => n.replace(/\.ya?ml$/, '')),
        );
        const chapters = resolveIds(
          await askList('目录（故事文件夹名或标题，按顺序，用空格隔开）', values.chapter),
          await storyTitles(),
          '故事',
        );
        const printRun = await ask('印数（可不写）', values['print-run']);
        const data: FieldValues = {
          title,
          ...optional('subtitle', await ask('副书名（可不写）', values.subtitle)),
          year: Number(await ask('年份', values.year, today.slice(0, 4))),
          editor: await ask('编者', values.editor, SITE.publisher),
          publisher: await ask('出版单位', values.publisher, SITE.publisher),
          ...(printRun ? { printRun: Number(printRun) } : {}),
          description: await ask('简介（几句话，可以之后再写）', values.description),
          chapters,
          ...sample,
        };
        const file = join(content, 'collections', `${slug}.yaml`);
        await mkdir(join(content, 'collections'), { recursive: true });
        await writeNew(file, renderFields(fields.volumes, data));
        return { files: [file], next: `接下来：补全简介和目录；文集页面在 /collections/${slug}/。` };
      }
    }
    throw new UsageError('未知类型');
  }

  async function askRequired(what: string, flag: string | undefined): Promise<string> {
    const value = await ask(what, flag);
    if (!value) throw new UsageError(`需要${what}：请在命令后面写 --${flagName(what)} …${asking ? '' : '（在终端里运行时会逐项提问）'}`);
    return value;
  }

  /** A slug: the one given, or the suggestion made unique; never one that exists. */
  async function chooseSlug(suggested: string, taken: readonly string[]): Promise<string> {
    const lower = new Set(taken.map((t) => t.toLowerCase()));
    let unique = suggested || 'untitled';
    for (let n = 2; lower.has(unique); n++) unique = `${suggested}-${n}`;
    for (;;) {
      const slug = await ask('网址里的名字（小写拼音，用连字符连接；定下后不再改）', values.slug, unique);
      if (!SLUG.test(slug)) {
        if (values.slug !== undefined || !lines)
          throw new UsageError(`“${slug}” 不能用作网址：只能用小写拼音字母、数字和连字符，例如 ${unique}`);
        say(`“${slug}” 不能用：只能用小写拼音字母、数字和连字符`);
        continue;
      }
      if (lower.has(slug)) {
        let free = slug;
        for (let n = 2; lower.has(free); n++) free = `${slug}-${n}`;
        if (values.slug !== undefined || !lines) throw new UsageError(`“${slug}” 已经有了，不会覆盖；可以用 ${free}`);
        say(`“${slug}” 已经有了，换一个（例如 ${free}）`);
        continue;
      }
      return slug;
    }
  }

  /** Ids for what was typed: an id as it is, a name or title looked up; unknown ones kept for the check to report. */
  function resolveIds(typed: string[], known: Map<string, string>, what: string): string[] {
    return typed.map((t) => {
      if (known.has(t) || SLUG.test(t)) return t;
      const found = [...known].filter(([, name]) => name === t).map(([id]) => id);
      if (found.length === 1) return found[0] as string;
      if (found.length > 1) throw new UsageError(`有 ${found.length} 个${what}叫 “${t}”（${found.join('、')}），请写文件夹名`);
      throw new UsageError(`找不到${what} “${t}”：请写${what === '学校' ? ' schools.yaml 里的 id' : '文件夹名'}，或先新建`);
    });
  }

  async function imageValues(field: 'cover' | 'portrait', what: string): Promise<FieldValues> {
    const given = field === 'cover' ? values.cover : values.portrait;
    const file = await ask(`${what}文件（可以之后再放进文件夹）`, given);
    const name = file ? `${field}${extname(file).toLowerCase()}` : `${field}.jpg`;
    if (file && !isImageFile(name)) throw new UsageError(`${what}要是 .jpg、.png、.webp 或 .avif 文件：${file}`);
    if (field === 'portrait' && !file) return {};
    if (file && field === 'cover') values.cover = file;
    else if (file) values.portrait = file;
    return {
      [`${field}.src`]: `./${name}`,
      [`${field}.alt`]: await ask(`${what}的替代文字（一句话描述画面）`, values[`${field}-alt`]),
      [`${field}.credit`]: await ask(`${what}的署名（摄影者或来源）`, values[`${field}-credit`]),
      ...(field === 'cover' ? { 'cover.licence': await ask('题图的许可', values['cover-licence'], '版权所有') } : {}),
    };
  }

  /** Makes the entry's folder (never one that exists), its index.mdx and the copied image. */
  async function writeEntryFolder(dir: string, text: string, image: 'cover' | 'portrait', from: string | undefined): Promise<string[]> {
    try {
      await mkdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${rel(dir)} 已经存在，不会覆盖`);
      throw error;
    }
    const index = join(dir, 'index.mdx');
    await writeNew(index, text);
    const files = [index];
    if (from) {
      const target = join(dir, `${image}${extname(from).toLowerCase()}`);
      await copyFile(resolve(io.root, from), target, constants.COPYFILE_EXCL);
      files.push(target);
    }
    return files;
  }

  async function writeNew(file: string, text: string) {
    try {
      await writeFile(file, text, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${rel(file)} 已经存在，不会覆盖`);
      throw error;
    }
  }

  /** Runs the content check and shows what it finds in the new files. */
  async function report(files: string[]) {
    const result = await checkContent({ root: io.root, contentDir });
    const mine = new Set(files.map(rel));
    const left = result.problems.filter((p) => mine.has(p.file));
    if (!left.length) {
      say('内容检查：新文件没有问题。');
      return;
    }
    say(`内容检查：新文件还有 ${left.length} 处要补（全部补好后，npm run check:content 会显示“内容检查通过”）：`);
    for (const p of left) say(`  ${formatProblem(p)}`);
  }

  function rel(file: string | undefined): string {
    return relative(io.root, file ?? '')
      .split('\\')
      .join('/');
  }

  async function names(dir: string): Promise<string[]> {
    return readdir(dir).catch(() => [] as string[]);
  }
  async function folderNames(kind: 'stories' | 'teachers'): Promise<string[]> {
    return names(join(content, kind));
  }
  /** Teacher ids and names, read from each profile's frontmatter. */
  async function teacherNames(): Promise<Map<string, string>> {
    return frontmatterField('teachers', 'name');
  }
  async function storyTitles(): Promise<Map<string, string>> {
    return frontmatterField('stories', 'title');
  }
  async function frontmatterField(kind: 'stories' | 'teachers', key: string): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const id of await folderNames(kind)) {
      const text = await readFile(join(content, kind, id, 'index.mdx'), 'utf-8').catch(() => '');
      const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
      const value = match ? (parseYaml(match[1] ?? '') as Record<string, unknown> | null)?.[key] : undefined;
      out.set(id, typeof value === 'string' ? value : '');
    }
    return out;
  }
  async function schoolNames(): Promise<Map<string, string>> {
    const text = await readFile(join(content, 'schools.yaml'), 'utf-8').catch(() => '');
    const list = (parseYaml(text) ?? []) as { id?: unknown; name?: unknown }[];
    return new Map(list.map((s) => [textOf(s.id), textOf(s.name)]));
  }
}

/** `a b, c，d、e` → `[a, b, c, d, e]`. */
function splitList(text: string): string[] {
  return text
    .split(/[\s,，、;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function optional(key: string, value: string): FieldValues {
  return value ? { [key]: value } : {};
}

function flagName(what: string): string {
  return ({ 标题: 'title', 姓名: 'name', 校名: 'name', 书名: 'title' } as Record<string, string>)[what] ?? what;
}

// Run as a command (not when a test imports it).
if (import.meta.url === `file://${process.argv[1]}`) {
  const code = await runNew(process.argv.slice(2), {
    root: process.cwd(),
    input: process.stdin,
    output: process.stdout,
    // Node's types say boolean; a piped stdin has no isTTY at all.
    interactive: Boolean(process.stdin.isTTY as boolean | undefined),
  });
  process.exitCode = code;
}
