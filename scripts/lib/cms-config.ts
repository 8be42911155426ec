/**
 * The web editor's configuration (Decap CMS, /admin/), generated from the same source as the
 * editors' guide and `npm run new`: the zod schemas and their Chinese field comments
 * (schema-fields.ts). Every field gets its Chinese label and hint, whether it is required, its
 * pattern, choices, date format and list limits; teachers are picked from the existing entries,
 * schools from the school list. A test fails when this and the schemas drift apart.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CMS_BACKEND, type CmsBackend } from '../../src/config/cms.ts';
import { ADMIN } from '../../src/i18n/zh-CN.ts';
import { createEditorComponents } from '../../src/admin/editor-components.ts';
import { slug } from '../../src/schemas/common.ts';
import { listSchemaFields, type FieldInfo } from './schema-fields.ts';

/** The collections the web editor edits (the others are YAML lists, edited in files). */
export const CMS_COLLECTIONS = ['stories', 'teachers'] as const;
export type CmsCollectionName = (typeof CMS_COLLECTIONS)[number];

/** The name of the custom file format the admin script registers (src/admin/main.ts). */
export const CMS_FORMAT = 'yangwang-mdx';
/** The name of the address (slug) widget the admin script registers. */
export const CMS_ADDRESS_WIDGET = 'yangwang-address';

export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required: boolean;
  hint?: string;
  [key: string]: unknown;
}

export interface CmsSchool {
  id: string;
  name: string;
}

export interface CmsConfigOptions {
  /** The project folder (content/ is read from it for the school list). */
  root: string;
  /** The content folder, relative to root. */
  contentDir?: string;
  /** Where the production site's editor saves (Gitea, GitLab or GitHub). */
  backend?: CmsBackend;
  /** A file to keep the fields' descriptions in between builds (scripts/lib/schema-fields.ts). */
  fieldDocsCacheFile?: string;
}

/** A short label from a field comment: its first clause (`在本站首次发布的日期，…` → the part before `，`). */
export function getFieldLabel(field: FieldInfo): string {
  const key = field.path.replace(/\[\]/g, '');
  const override = ADMIN.labels[key] ?? ADMIN.labels[key.split('.').at(-1) ?? ''];
  if (override) return override;
  return (field.doc.split(/[，：；（。]/)[0] ?? field.doc).trim() || key;
}

/** The regular expression a string schema checks (`slug`). */
function readPatternSource(schema: typeof slug): string {
  const checks = (schema.def as { checks?: { _zod: { def: { pattern?: RegExp } } }[] }).checks ?? [];
  const pattern = checks.map((c) => c._zod.def.pattern).find(Boolean);
  if (!pattern) throw new Error('slug schema has no pattern');
  return pattern.source;
}

/**
 * A pattern as Decap checks it: Decap compiles the string with `RegExp(source)`, without flags, so
 * Unicode property escapes (`\p{Script=Latin}`, which need the `u` flag) are spelt out as ranges of
 * the Basic Multilingual Plane. Any other pattern is passed as it is.
 */
export function toDecapPattern(source: string, flags = ''): string {
  if (!flags.includes('u') || !/\\[pP]\{/.test(source)) return source;
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i] ?? '';
    if (char === '\\') {
      const property = /^\\([pP])\{([^}]+)\}/.exec(source.slice(i));
      if (property) {
        const ranges = describeRanges(new RegExp(`\\${property[1]}{${property[2]}}`, 'u'));
        out += inClass ? ranges : `[${ranges}]`;
        i += property[0].length - 1;
        continue;
      }
      out += source.slice(i, i + 2);
      i++;
      continue;
    }
    if (char === '[') inClass = true;
    if (char === ']') inClass = false;
    out += char;
  }
  return out;
}

/** The BMP characters a one-character pattern matches, as class ranges (`\u0041-\u005A…`). */
function describeRanges(pattern: RegExp): string {
  const hex = (n: number) => `\\u${n.toString(16).toUpperCase().padStart(4, '0')}`;
  const parts: string[] = [];
  let start = -1;
  for (let code = 0; code <= 0x10000; code++) {
    const matches = code < 0x10000 && !(code >= 0xd800 && code <= 0xdfff) && pattern.test(String.fromCharCode(code));
    if (matches && start === -1) start = code;
    if (!matches && start !== -1) {
      parts.push(start === code - 1 ? hex(start) : `${hex(start)}-${hex(code - 1)}`);
      start = -1;
    }
  }
  return parts.join('');
}

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

function describeWidget(
  field: FieldInfo,
  all: readonly FieldInfo[],
  schools: readonly CmsSchool[],
): Omit<CmsField, 'name' | 'label' | 'required' | 'hint'> {
  if (field.reference === 'teachers') {
    return {
      widget: 'relation',
      collection: 'teachers',
      value_field: '{{slug}}',
      search_fields: ['name', 'pinyinSearch'],
      display_fields: ['name'],
      multiple: field.shape === 'list',
      ...(field.minItems ? { min: field.minItems } : {}),
    };
  }
  if (field.reference === 'schools') {
    return { widget: 'select', options: schools.map((s) => ({ label: `${s.name}（${s.id}）`, value: s.id })) };
  }
  if (field.shape === 'object') {
    // Decap checks the fields of a group even when the group itself is optional and left empty;
    // so inside an optional group nothing is required in the form, and the content check (CI)
    // reports a group that is only half filled.
    const children = childrenOf(field, all).map((c) => createField(c, all, schools));
    return {
      widget: 'object',
      collapsed: !field.required,
      fields: field.required ? children : children.map((c) => ({ ...c, required: false })),
    };
  }
  if (field.shape === 'objects') {
    const children = childrenOf(field, all);
    return {
      widget: 'list',
      collapsed: false,
      summary: children.map((c) => `{{fields.${c.path.split('.').at(-1)}}}`).join(' '),
      fields: children.map((c) => createField(c, all, schools)),
      ...(field.minItems ? { min: field.minItems } : {}),
    };
  }
  if (field.shape === 'list') {
    return {
      widget: 'list',
      field: { name: 'value', label: getFieldLabel(field), widget: 'string' },
      ...(field.minItems ? { min: field.minItems } : {}),
    };
  }
  if (field.image) return { widget: 'image', choose_url: false };
  if (field.choices) return { widget: 'select', options: field.choices };
  if (field.kind === '日期 YYYY-MM-DD') {
    return {
      widget: 'datetime',
      format: 'YYYY-MM-DD',
      date_format: 'YYYY-MM-DD',
      time_format: false,
      picker_utc: true,
      pattern: [DATE_PATTERN, ADMIN.patternDate],
    };
  }
  if (field.kind === '年份') return { widget: 'number', value_type: 'int', min: 1949, max: 2100 };
  if (field.kind === 'true 或 false') return { widget: 'boolean' };
  if (field.kind === '网址') return { widget: 'string', pattern: ['^https?://\\S+$', ADMIN.patternUrl] };
  const long = field.maxLength !== undefined || /[.]?text$/.test(field.path);
  return {
    widget: long ? 'text' : 'string',
    ...(field.pattern ? { pattern: [toDecapPattern(field.pattern.source, field.pattern.flags), field.pattern.message] } : {}),
    ...(field.maxLength ? { pattern: [`^[\\s\\S]{0,${field.maxLength}}$`, ADMIN.maxLength(field.maxLength)] } : {}),
  };
}

function childrenOf(field: FieldInfo, all: readonly FieldInfo[]): FieldInfo[] {
  return all.filter((c) => c.depth === field.depth + 1 && (c.path.startsWith(`${field.path}.`) || c.path.startsWith(`${field.path}[].`)));
}

function createField(field: FieldInfo, all: readonly FieldInfo[], schools: readonly CmsSchool[]): CmsField {
  const name = field.path.split('.').at(-1)?.replace('[]', '') ?? field.path;
  const extra = field.reference === 'teachers' ? ADMIN.teacherHint : field.reference === 'schools' ? ADMIN.schoolHint : '';
  return {
    name,
    label: getFieldLabel(field),
    hint: [field.doc, extra].filter(Boolean).join(' '),
    required: field.required,
    ...describeWidget(field, all, schools),
    ...(field.defaultValue !== undefined ? { default: field.defaultValue } : {}),
  } as CmsField;
}

/** The school list (content/schools.yaml): ids and names for the teacher's school field. */
export function readSchools(root: string, contentDir = 'content'): CmsSchool[] {
  const list = parse(readFileSync(join(root, contentDir, 'schools.yaml'), 'utf-8')) as unknown;
  if (!Array.isArray(list)) return [];
  return (list as ({ id?: unknown; name?: unknown } | null)[])
    .filter((s): s is { id: string; name: string } => typeof s?.id === 'string' && typeof s.name === 'string')
    .map((s) => ({ id: s.id, name: s.name }));
}

/** Field order, defaults and date paths of a collection: what the file writer needs (src/lib/frontmatter-edit.ts). */
export function getEntryShape(collection: CmsCollectionName): {
  order: string[];
  defaults: Record<string, unknown>;
  dates: string[];
  images: string[];
  references: string[];
} {
  const fields = listSchemaFields()[collection];
  return {
    images: fields.filter((f) => f.image).map((f) => f.path),
    references: fields.filter((f) => f.depth === 0 && f.reference === 'teachers').map((f) => f.path),
    order: fields.filter((f) => f.depth === 0).map((f) => f.path),
    defaults: Object.fromEntries(fields.filter((f) => f.depth === 0 && f.defaultValue !== undefined).map((f) => [f.path, f.defaultValue])),
    dates: fields.filter((f) => f.kind === '日期 YYYY-MM-DD').map((f) => f.path.replace(/\[\]/g, '')),
  };
}

/** The Decap CMS configuration object (what /admin/config.json holds). */
export function createCmsConfig(options: CmsConfigOptions): Record<string, unknown> {
  const editorComponents = createEditorComponents().map((c) => c.id);
  const contentDir = options.contentDir ?? 'content';
  const schools = readSchools(options.root, contentDir);
  const fields = listSchemaFields({ ...(options.fieldDocsCacheFile && { docsCacheFile: options.fieldDocsCacheFile }) });
  const collection = (name: CmsCollectionName) => {
    const all = fields[name];
    const labels = ADMIN.collections[name];
    return {
      name,
      label: labels.label,
      label_singular: labels.singular,
      description: labels.description,
      folder: `${contentDir}/${name}`,
      path: '{{slug}}/index',
      extension: 'mdx',
      format: `${CMS_FORMAT}-${name}`,
      create: true,
      delete: false,
      // The address is the folder name: the pinyin the address field suggests (npm run new does the same).
      slug: '{{fields.address}}',
      identifier_field: name === 'stories' ? 'title' : 'name',
      summary: name === 'stories' ? '{{title}}（{{published}}）' : '{{name}}',
      sortable_fields: name === 'stories' ? ['title', 'published'] : ['name'],
      editor: { preview: false },
      // Images go into the entry's own folder and are written as ./file.jpg.
      media_folder: '',
      public_folder: '',
      fields: [
        {
          name: 'address',
          label: ADMIN.address.label,
          widget: CMS_ADDRESS_WIDGET,
          required: false,
          hint: name === 'stories' ? ADMIN.address.hint : ADMIN.address.teacherHint,
          pattern: [readPatternSource(slug), ADMIN.address.invalid],
          from: name === 'stories' ? 'title' : 'name',
          personal_name: name === 'teachers',
        },
        ...all.filter((f) => f.depth === 0).map((f) => createField(f, all, schools)),
        {
          name: 'body',
          label: ADMIN.body[name],
          widget: 'markdown',
          required: name === 'stories',
          hint: ADMIN.body.hint,
          modes: ['rich_text', 'raw'],
          sanitize_preview: true,
          // What the loader renders: paragraphs, headings, emphasis, links, quotes, lists, and our components.
          buttons: ['bold', 'italic', 'link', 'heading-two', 'heading-three', 'quote', 'bulleted-list', 'numbered-list'],
          editor_components: editorComponents,
        },
      ],
    };
  };
  const backend = options.backend ?? CMS_BACKEND;
  return {
    locale: 'zh_Hans',
    load_config_file: false,
    backend: { ...backend, commit_messages: ADMIN.commitMessages },
    publish_mode: 'simple',
    media_folder: `${contentDir}/shared`,
    public_folder: '/shared',
    site_url: '/',
    display_url: '/',
    logo_url: '/favicon.svg',
    show_preview_links: false,
    search: true,
    collections: CMS_COLLECTIONS.map(collection),
  };
}

interface ConfigField {
  name: string;
  label?: string;
  hint?: string;
  required?: boolean;
  widget?: string;
  options?: (string | { value: string })[];
  pattern?: [string, string];
  format?: string;
  collection?: string;
  multiple?: boolean;
  min?: number;
  default?: unknown;
  fields?: ConfigField[];
  field?: ConfigField;
}

/**
 * Where a web-editor configuration and the schemas disagree, one line per difference: a field
 * the schema has and the form lacks (or the other way round), a different required flag, label,
 * hint, choice list, pattern, date format, widget or default. Empty when they agree.
 */
export function findConfigDrift(
  config: { collections?: { name: string; fields?: ConfigField[] }[] },
  fields: Readonly<Record<CmsCollectionName, readonly FieldInfo[]>>,
  schools: readonly CmsSchool[],
): string[] {
  const out: string[] = [];
  for (const name of CMS_COLLECTIONS) {
    const collection = config.collections?.find((c) => c.name === name);
    if (!collection) {
      out.push(`${name}: 配置里没有这个集合`);
      continue;
    }
    const flat = new Map<string, { field: ConfigField; insideOptional: boolean }>();
    const walk = (list: readonly ConfigField[], prefix: string, insideOptional: boolean) => {
      for (const field of list) {
        if (!prefix && (field.name === 'address' || field.name === 'body')) continue;
        const isGroupList = field.widget === 'list' && field.fields;
        const path = `${prefix}${field.name}`;
        flat.set(path, { field, insideOptional });
        if (field.widget === 'object' && field.fields) walk(field.fields, `${path}.`, insideOptional || field.required === false);
        if (isGroupList && field.fields) walk(field.fields, `${path}[].`, false);
      }
    };
    walk(collection.fields ?? [], '', false);
    const schemaPaths = new Set(fields[name].map((f) => f.path));
    for (const path of flat.keys()) if (!schemaPaths.has(path)) out.push(`${name}.${path}: 表单里有，schema 里没有`);
    for (const info of fields[name]) {
      const entry = flat.get(info.path);
      const where = `${name}.${info.path}`;
      if (!entry) {
        out.push(`${where}: schema 里有，表单里没有`);
        continue;
      }
      const { field, insideOptional } = entry;
      const required = info.required && !insideOptional;
      if ((field.required ?? true) !== required) out.push(`${where}: 必填应为 ${required}，表单是 ${String(field.required)}`);
      if (!field.label || !/\p{Script=Han}/u.test(field.label)) out.push(`${where}: 没有中文标签`);
      if (info.doc && !field.hint?.includes(info.doc)) out.push(`${where}: 说明与 schema 的注释不同`);
      if (info.choices) {
        const options = (field.options ?? []).map((o) => (typeof o === 'string' ? o : o.value));
        if (JSON.stringify(options) !== JSON.stringify(info.choices)) out.push(`${where}: 选项应为 ${info.choices.join('、')}`);
      }
      if (info.pattern && field.pattern?.[0] !== toDecapPattern(info.pattern.source, info.pattern.flags))
        out.push(`${where}: 格式（pattern）与 schema 不同`);
      if (info.kind === '日期 YYYY-MM-DD' && (field.widget !== 'datetime' || field.format !== 'YYYY-MM-DD'))
        out.push(`${where}: 应是 YYYY-MM-DD 日期`);
      if (info.image && field.widget !== 'image') out.push(`${where}: 应是图片上传`);
      if (
        info.reference === 'teachers' &&
        (field.widget !== 'relation' || field.collection !== 'teachers' || field.multiple !== (info.shape === 'list'))
      ) {
        out.push(`${where}: 应从已有教师中选择`);
      }
      if (info.reference === 'schools') {
        const ids = (field.options ?? []).map((o) => (typeof o === 'string' ? o : o.value));
        if (field.widget !== 'select' || JSON.stringify(ids) !== JSON.stringify(schools.map((s) => s.id)))
          out.push(`${where}: 应从学校名录中选择`);
      }
      if (info.shape === 'list' && (info.minItems ?? 0) !== (field.min ?? 0)) out.push(`${where}: 至少 ${info.minItems ?? 0} 项`);
      if (info.defaultValue !== undefined && JSON.stringify(field.default) !== JSON.stringify(info.defaultValue))
        out.push(`${where}: 默认值应为 ${JSON.stringify(info.defaultValue)}`);
      if (info.maxLength !== undefined && !field.pattern?.[0].includes(`{0,${info.maxLength}}`))
        out.push(`${where}: 最多 ${info.maxLength} 字`);
    }
  }
  return out;
}
