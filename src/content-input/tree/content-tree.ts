/**
 * What lives where under `content/`: the entries the loaders read, the images next to them, and
 * everything else, which the site would silently ignore (a story saved as `index.md`, a Word
 * draft, a folder the loaders never look at). The layout here mirrors `src/content.config.ts`.
 */
import { readdir } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { ContentProblem } from '../problem.ts';
import { isImageFile } from '../rules/images.ts';

export type EntryKind = 'stories' | 'teachers' | 'volumes' | 'honours' | 'schools';

export interface ContentFile {
  kind: EntryKind;
  /** Path shown to editors, relative to the project root. */
  file: string;
  absolute: string;
}

export interface ContentImage {
  file: string;
  absolute: string;
}

export interface ContentTree {
  entries: ContentFile[];
  /** Every image file in an entry's folder (referenced or not). */
  images: ContentImage[];
  problems: ContentProblem[];
  /** Entry folders without an `index.mdx`: their images are not reported as unused. */
  orphanFolders: string[];
}

/** Folders holding one `<slug>/index.mdx` per entry. */
const MDX_FOLDERS = { stories: '故事', teachers: '教师' } as const;
/** Folders holding one `<slug>.yaml` per entry. */
const YAML_FOLDERS = { collections: '文集', honours: '表彰名录' } as const;
/** The kind of entry (the Astro collection) each folder holds: volumes live under collections/, like their URL. */
const FOLDER_KINDS = { stories: 'stories', teachers: 'teachers', collections: 'volumes', honours: 'honours' } as const satisfies Record<
  string,
  EntryKind
>;
/** The one list file. */
const SCHOOLS_FILE = 'schools.yaml';
/** Images used by several entries (a standard cover), referred to as `../../shared/<file>`. */
const SHARED_FOLDER = 'shared';

/**
 * Other files that may sit at the top of `content/` because some other part of the build reads
 * them (add a name here together with the code that reads it).
 */
export const OTHER_CONTENT_FILES: readonly string[] = [
  // Read and checked by tree/site-urls.ts (before the build) and tree/built-site.ts (after it).
  'published-urls.txt',
  'redirects.yaml',
];

/** Files the operating system or editors leave behind, never part of the content. */
const IGNORED = /^(?:\..*|Thumbs\.db|desktop\.ini|~\$.*)$/;

const CONVERTIBLE_IMAGE = /\.(?:heic|heif|gif|bmp|tiff?|jfif)$/i;

/** Lists and sorts out the files of the content folder. */
export async function readContentTree(root: string, contentDir: string): Promise<ContentTree> {
  const tree: ContentTree = { entries: [], images: [], problems: [], orphanFolders: [] };
  const base = resolve(root, contentDir);
  const show = (...parts: string[]) => [contentDir, ...parts].join('/');
  const outside = (file: string, message: string, field = '文件位置') => tree.problems.push({ file, field, message });

  for (const d of await list(base)) {
    const name = d.name;
    if (d.isDirectory() && Object.hasOwn(MDX_FOLDERS, name)) {
      await readMdxFolder(name as keyof typeof MDX_FOLDERS);
    } else if (d.isDirectory() && Object.hasOwn(YAML_FOLDERS, name)) {
      await readYamlFolder(name as keyof typeof YAML_FOLDERS);
    } else if (d.isDirectory() && name === SHARED_FOLDER) {
      for (const f of await listFiles(join(base, name)))
        sortAsset(show(name, f), join(base, name, f), `${contentDir}/${SHARED_FOLDER}/ 里只放图片`);
    } else if (d.isFile() && name === SCHOOLS_FILE) {
      tree.entries.push({ kind: 'schools', file: show(name), absolute: join(base, name) });
    } else if (d.isFile() && OTHER_CONTENT_FILES.includes(name)) {
      continue;
    } else {
      const known = [...Object.keys(MDX_FOLDERS), ...Object.keys(YAML_FOLDERS), SHARED_FOLDER]
        .map((f) => `${f}/`)
        .concat(SCHOOLS_FILE)
        .join('、');
      outside(
        show(name),
        `网站不读取 ${contentDir}/ 下的这个${d.isDirectory() ? '文件夹' : '文件'}：内容只能放在 ${known} 里${name === 'schools.yml' ? '（学校名录的文件名应是 schools.yaml）' : ''}`,
      );
    }
  }
  return tree;

  async function readMdxFolder(folder: keyof typeof MDX_FOLDERS) {
    const what = MDX_FOLDERS[folder];
    for (const d of await list(join(base, folder))) {
      const path = show(folder, d.name);
      if (!d.isDirectory()) {
        const hint = /\.mdx?$/i.test(d.name)
          ? `每篇${what}要有自己的文件夹：请建 ${contentDir}/${folder}/<拼音名>/，把这个文件放进去并改名为 index.mdx`
          : `这里只放${what}的文件夹，每个文件夹里一个 index.mdx`;
        outside(path, `网站不读取这个文件：${hint}`);
        continue;
      }
      const files = await listFiles(join(base, folder, d.name));
      let near: string | undefined;
      if (!files.includes('index.mdx')) {
        near = files.find(
          (f) => /^index\.(?:md|markdown|txt|mdx\.txt|docx?)$/i.test(f) || /^index\.mdx$/i.test(f) || f.toLowerCase().endsWith('.mdx'),
        );
        outside(
          near ? `${path}/${near}` : `${path}/`,
          near
            ? `网站不读取这个文件：文件名必须是 index.mdx（全小写），请把 ${near} 改名为 index.mdx`
            : `文件夹里没有 index.mdx，网站会跳过这个${what}：请补上 index.mdx，或删除这个文件夹`,
        );
        tree.orphanFolders.push(join(base, folder, d.name));
      } else {
        tree.entries.push({ kind: FOLDER_KINDS[folder], file: `${path}/index.mdx`, absolute: join(base, folder, d.name, 'index.mdx') });
      }
      for (const f of files) {
        if (f === 'index.mdx' || f === near) continue;
        sortAsset(`${path}/${f}`, join(base, folder, d.name, f), `${what}文件夹里只放 index.mdx 和图片`, files.includes('index.mdx'));
      }
    }
  }

  async function readYamlFolder(folder: keyof typeof YAML_FOLDERS) {
    const what = YAML_FOLDERS[folder];
    for (const d of await list(join(base, folder))) {
      const path = show(folder, d.name);
      if (d.isDirectory()) {
        outside(
          `${path}/`,
          `网站不读取 ${contentDir}/${folder}/ 里的子文件夹：每个${what}是一个 .yaml 文件，图片直接放在 ${contentDir}/${folder}/ 里`,
        );
      } else if (/\.ya?ml$/.test(d.name)) {
        tree.entries.push({ kind: FOLDER_KINDS[folder], file: path, absolute: join(base, folder, d.name) });
      } else {
        sortAsset(path, join(base, folder, d.name), `${contentDir}/${folder}/ 里只放 .yaml 文件和图片`);
      }
    }
  }

  /** An image, or a file the site does not read; `rule` says what belongs where it is. */
  function sortAsset(file: string, absolute: string, rule: string, inEntryFolder = false) {
    const name = file.split('/').at(-1) ?? '';
    if (isImageFile(name)) {
      tree.images.push({ file, absolute });
    } else if (CONVERTIBLE_IMAGE.test(name)) {
      outside(file, `网站不能使用 ${extname(name)} 格式的图片：请转成 .jpg（照片）或 .png（图表），再在文章里引用`);
    } else if (/\.mdx?$/i.test(name) && inEntryFolder) {
      outside(file, `网站不读取这个文件：每个文件夹只有 index.mdx 会被读取；正文请写在 index.mdx 里`);
    } else {
      outside(file, `网站不读取这个文件：${rule}（.jpg .png .webp .avif）；原稿、说明等请不要放在 ${contentDir}/ 里`);
    }
  }
}

async function list(dir: string) {
  const dirents = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return dirents.filter((d) => !IGNORED.test(d.name)).sort((a, b) => a.name.localeCompare(b.name));
}

/** Files of a folder and its subfolders (images may be kept in `images/`), as relative paths. */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const d of await list(dir)) {
    if (d.isDirectory()) out.push(...(await listFiles(join(dir, d.name), `${prefix}${d.name}/`)));
    else out.push(`${prefix}${d.name}`);
  }
  return out;
}
