/**
 * Every field an editor writes, for each collection: its name and nesting from the schemas
 * themselves (the zod shapes the site validates with), whether it is required and what it holds,
 * and its one-line description from the JSDoc comment on the field in src/schemas (read with the
 * TypeScript compiler, which follows nested fields into common.ts). Used by the editors' guide
 * (`npm run docs:fields` writes its tables; a test keeps them in step) and by `npm run new`
 * (every field of a new file, with its description as a comment).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { z } from 'astro/zod';
import { digestOf, inputsUnchanged } from '../../src/lib/cached-bundle.ts';
import { writeJsonWhole } from '../../src/lib/file-records.ts';
import { createVolumeSchema } from '../../src/schemas/volumes.ts';
import { honourLevel, isoDate, slug, stage, year, type CollectionName, type SchemaHelpers } from '../../src/schemas/common.ts';
import { createHonourYearSchema } from '../../src/schemas/honours.ts';
import { redirectSchema } from '../../src/schemas/redirects.ts';
import { schoolSchema } from '../../src/schemas/schools.ts';
import { createStorySchema } from '../../src/schemas/stories.ts';
import { createTeacherSchema } from '../../src/schemas/teachers.ts';

export type EditorCollection = 'stories' | 'teachers' | 'schools' | 'volumes' | 'honours' | 'redirects';

export interface FieldInfo {
  /** `title`, `cover.src`, `honours[].year`. */
  path: string;
  /** Nesting depth: 0 for top-level fields. */
  depth: number;
  /** The JSDoc one-liner (Chinese). */
  doc: string;
  /** Must be written (not optional, no default). */
  required: boolean;
  /** The default used when the field is left out. */
  defaultValue?: unknown;
  /** What the value is, in Chinese: 文字, 日期 YYYY-MM-DD, 列表 … */
  kind: string;
  /** For choices: the allowed values. */
  choices?: string[];
  /** For references: the collection pointed at. */
  reference?: CollectionName;
  /** True for an image path. */
  image?: boolean;
  /** `object` (a group of fields), `list` (of values), `objects` (a list of groups) or `value`. */
  shape: 'object' | 'list' | 'objects' | 'value';
  /** For text: the pattern it must match, with the schema's Chinese message. */
  pattern?: { source: string; flags: string; message: string };
  /** For text: the most characters allowed. */
  maxLength?: number;
  /** For lists: the fewest items allowed. */
  minItems?: number;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Stand-ins for Astro's helpers that remember what they stand for. */
function createLabelledHelpers() {
  const labels = new Map<z.ZodType, { reference?: CollectionName; image?: true }>();
  const helpers: SchemaHelpers = {
    image: () => {
      const s = z.string();
      labels.set(s, { image: true });
      return s;
    },
    reference: (collection) => {
      const s = z.string();
      labels.set(s, { reference: collection });
      return s;
    },
  };
  return { helpers, labels };
}

/** The editor-written schema of each collection (what the loaders validate). */
function getSchemas(helpers: SchemaHelpers): Record<EditorCollection, z.ZodType> {
  return {
    stories: createStorySchema(helpers),
    teachers: createTeacherSchema(helpers),
    schools: schoolSchema,
    volumes: createVolumeSchema(helpers),
    honours: createHonourYearSchema(helpers),
    redirects: redirectSchema,
  };
}

const REFERENCE_NAMES: Record<CollectionName, string> = {
  teachers: '教师文件夹名',
  stories: '故事文件夹名',
  schools: '学校 id',
  volumes: '文集文件名',
  honours: '年度',
};

interface AnyDef {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  defaultValue?: unknown;
  in?: z.ZodType;
}

let cached: Record<EditorCollection, FieldInfo[]> | undefined;

export interface SchemaFieldsOptions {
  /**
   * A file where the field descriptions are kept between runs (the build's web editor passes one
   * in Astro's cache): reading them compiles the schemas with TypeScript, about 1.2 s of every
   * build, though they change only with src/schemas or a dependency.
   */
  docsCacheFile?: string;
}

/** The fields of every collection, in the order the schemas declare them (computed once: it compiles). */
export function listSchemaFields(options: SchemaFieldsOptions = {}): Record<EditorCollection, FieldInfo[]> {
  cached ??= computeSchemaFields(options);
  return cached;
}

function computeSchemaFields(options: SchemaFieldsOptions): Record<EditorCollection, FieldInfo[]> {
  const { helpers, labels } = createLabelledHelpers();
  const docs = readFieldDocsCached(options.docsCacheFile);
  const schemas = getSchemas(helpers);
  const out = {} as Record<EditorCollection, FieldInfo[]>;
  for (const [collection, schema] of Object.entries(schemas) as [EditorCollection, z.ZodType][]) {
    const fields: FieldInfo[] = [];
    walkObject(schema, '', 0, fields, collection);
    out[collection] = fields;
  }
  return out;

  function walkObject(schema: z.ZodType, prefix: string, depth: number, fields: FieldInfo[], collection: EditorCollection) {
    const objects = objectsOf(schema);
    const seen = new Set<string>();
    for (const object of objects) {
      for (const [key, field] of Object.entries((object as unknown as { shape: Record<string, z.ZodType> }).shape)) {
        if (seen.has(key)) continue;
        seen.add(key);
        const path = `${prefix}${key}`;
        const info = describe(field);
        const docKey = path.replace(/\[\]/g, '');
        fields.push({
          path,
          depth,
          doc: docs[collection].get(docKey) ?? '',
          required: info.required && objects.length === 1,
          ...(info.defaultValue !== undefined ? { defaultValue: info.defaultValue } : {}),
          kind: info.kind,
          ...(info.choices ? { choices: info.choices } : {}),
          ...(info.reference ? { reference: info.reference } : {}),
          ...(info.image ? { image: true } : {}),
          shape: info.shape,
          ...readChecks(info.inner, info.shape),
        });
        if (info.shape === 'object') walkObject(info.inner, `${path}.`, depth + 1, fields, collection);
        if (info.shape === 'objects') walkObject(info.inner, `${path}[].`, depth + 1, fields, collection);
      }
    }
  }

  interface Described {
    required: boolean;
    defaultValue: unknown;
    inner: z.ZodType;
    kind: string;
    choices?: string[] | undefined;
    reference?: CollectionName | undefined;
    image?: true | undefined;
    shape: FieldInfo['shape'];
  }

  function describe(field: z.ZodType): Described {
    let schema = field;
    let required = true;
    let defaultValue: unknown;
    for (;;) {
      const def = schema.def as AnyDef;
      if (def.type === 'optional' && def.innerType) {
        required = false;
        schema = def.innerType;
      } else if (def.type === 'default' && def.innerType) {
        required = false;
        defaultValue = typeof def.defaultValue === 'function' ? (def.defaultValue as () => unknown)() : def.defaultValue;
        schema = def.innerType;
      } else if (def.type === 'pipe' && def.in) {
        schema = def.in;
      } else {
        break;
      }
    }
    const def = schema.def as AnyDef;
    const label = labels.get(schema);
    const base = {
      required,
      defaultValue,
      inner: schema,
      choices: undefined as string[] | undefined,
      reference: label?.reference,
      image: label?.image,
    };
    if (def.type === 'object' || (def.type === 'union' && def.options?.every((o) => (o.def as AnyDef).type === 'object'))) {
      return { ...base, kind: '一组字段', shape: 'object' as const };
    }
    if (def.type === 'array' && def.element) {
      const element: Described = describe(def.element);
      if (element.shape === 'object') return { ...base, inner: element.inner, kind: '列表，每项一组字段', shape: 'objects' as const };
      return { ...base, kind: `列表：${element.kind}`, choices: element.choices, reference: element.reference, shape: 'list' as const };
    }
    return { ...base, ...describeValue(schema, label), shape: 'value' as const };
  }

  function describeValue(
    schema: z.ZodType,
    label: { reference?: CollectionName; image?: true } | undefined,
  ): { kind: string; choices?: string[] } {
    if (label?.reference) return { kind: REFERENCE_NAMES[label.reference] };
    if (label?.image) return { kind: '图片路径' };
    if (schema === isoDate) return { kind: '日期 YYYY-MM-DD' };
    if (schema === year) return { kind: '年份' };
    if (schema === slug) return { kind: '拼音 id' };
    if (schema === stage || schema === honourLevel) {
      const choices = Object.values((schema.def as AnyDef).entries ?? {});
      return { kind: '选项', choices };
    }
    switch ((schema.def as AnyDef).type) {
      case 'string':
        return { kind: (schema.def as { format?: string }).format === 'url' ? '网址' : '文字' };
      case 'number':
        return { kind: '数字' };
      case 'boolean':
        return { kind: 'true 或 false' };
      case 'enum':
        return { kind: '选项', choices: Object.values((schema.def as AnyDef).entries ?? {}) };
      default:
        return { kind: (schema.def as AnyDef).type };
    }
  }
}

interface CheckDef {
  check?: string;
  format?: string;
  pattern?: RegExp;
  maximum?: number;
  minimum?: number;
  error?: (issue: object) => unknown;
}

/** Pattern, length and item limits the schema declares, as the web editor's form can check them. */
function readChecks(schema: z.ZodType, shape: FieldInfo['shape']): Pick<FieldInfo, 'pattern' | 'maxLength' | 'minItems'> {
  const out: Pick<FieldInfo, 'pattern' | 'maxLength' | 'minItems'> = {};
  const checks = ((schema.def as unknown as { checks?: { _zod: { def: CheckDef } }[] }).checks ?? []).map((c) => c._zod.def);
  for (const check of checks) {
    const message = (() => {
      const m = check.error?.({});
      return typeof m === 'string' ? m : typeof m === 'object' && m && 'message' in m ? String(m.message) : '';
    })();
    if (check.check === 'string_format' && check.format === 'regex' && check.pattern) {
      out.pattern = { source: check.pattern.source, flags: check.pattern.flags, message };
    }
    if (check.check === 'max_length' && check.maximum !== undefined && shape === 'value') out.maxLength = check.maximum;
    if (check.check === 'min_length' && check.minimum !== undefined && (shape === 'list' || shape === 'objects'))
      out.minItems = check.minimum;
  }
  return out;
}

function objectsOf(schema: z.ZodType): z.ZodType[] {
  const def = schema.def as AnyDef;
  if (def.type === 'union' && def.options) return def.options;
  return [schema];
}

/** The module TypeScript compiles to read the descriptions: each collection's input type. */
const FIELD_DOCS_PROBE = [
  "import type { z } from 'astro/zod';",
  "import { createHonourYearSchema } from './honours.ts';",
  "import { redirectSchema } from './redirects.ts';",
  "import { schoolSchema } from './schools.ts';",
  "import { createStorySchema } from './stories.ts';",
  "import { createTeacherSchema } from './teachers.ts';",
  "import { createVolumeSchema } from './volumes.ts';",
  'type S = z.ZodString;',
  'export declare const stories: z.input<ReturnType<typeof createStorySchema<S, S>>>;',
  'export declare const teachers: z.input<ReturnType<typeof createTeacherSchema<S, S>>>;',
  'export declare const schools: z.input<typeof schoolSchema>;',
  'export declare const volumes: z.input<ReturnType<typeof createVolumeSchema<S, S>>>;',
  'export declare const honours: z.input<ReturnType<typeof createHonourYearSchema<S, S>>>;',
  'export declare const redirects: z.input<typeof redirectSchema>;',
].join('\n');

type FieldDocs = Record<EditorCollection, Map<string, string>>;

interface FieldDocsRecord {
  /** TypeScript's version and the probe's source. */
  key: string;
  /** Every file the compiler read, with the SHA-256 of its content. */
  inputs: Record<string, string>;
  docs: Record<string, Record<string, string>>;
}

/**
 * `readFieldDocs`, kept in `cacheFile` with every file the compiler read and its digest (as the
 * editor's bundle is, src/lib/cached-bundle.ts): used again while TypeScript and the probe are the
 * same and every one of those files still has its digest; otherwise compiled again and rewritten.
 */
export function readFieldDocsCached(cacheFile: string | undefined): FieldDocs {
  const key = `${ts.version}\n${FIELD_DOCS_PROBE}`;
  if (cacheFile && existsSync(cacheFile)) {
    try {
      const record = JSON.parse(readFileSync(cacheFile, 'utf-8')) as FieldDocsRecord;
      if (record.key === key && inputsUnchanged(record.inputs, ROOT)) {
        return Object.fromEntries(Object.entries(record.docs).map(([c, docs]) => [c, new Map(Object.entries(docs))])) as FieldDocs;
      }
    } catch {
      // An unreadable record: compiled again below, and replaced.
    }
  }
  const { docs, files } = readFieldDocs();
  if (cacheFile) {
    const record: FieldDocsRecord = {
      key,
      inputs: Object.fromEntries(files.map((file) => [file, digestOf(file)])),
      docs: Object.fromEntries(Object.entries(docs).map(([c, map]) => [c, Object.fromEntries(map)])),
    };
    writeJsonWhole(cacheFile, record);
  }
  return docs;
}

/**
 * The JSDoc one-liner of every field, by dotted path, per collection: TypeScript infers what each
 * schema accepts and keeps, on each property, the comment written on the field. Also every file
 * the compiler read.
 */
function readFieldDocs(): { docs: FieldDocs; files: string[] } {
  const probe = `${ROOT}src/schemas/__field-docs-probe.ts`;
  const source = FIELD_DOCS_PROBE;
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ESNext,
    allowImportingTsExtensions: true,
    noEmit: true,
    strict: true,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.getSourceFile = (file, language, ...rest) =>
    file === probe ? ts.createSourceFile(file, source, language) : getSourceFile(file, language, ...rest);
  host.fileExists = (file) => file === probe || fileExists(file);
  const program = ts.createProgram([probe], options, host);
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(probe);
  const out = {} as Record<EditorCollection, Map<string, string>>;
  for (const statement of file?.statements ?? []) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const docs = new Map<string, string>();
      collect(checker.getTypeAtLocation(declaration), '', 0, docs);
      out[declaration.name.getText(file) as EditorCollection] = docs;
    }
  }
  const files = program
    .getSourceFiles()
    .map((f) => f.fileName)
    .filter((name) => name !== probe);
  return { docs: out, files };

  function collect(type: ts.Type, prefix: string, depth: number, docs: Map<string, string>) {
    if (depth > 5) return;
    const types = type.isUnion() ? type.types : [type];
    for (const t of types) {
      if (!(t.getFlags() & ts.TypeFlags.Object) || t.getCallSignatures().length) continue;
      if (checker.isArrayType(t)) {
        const element = checker.getTypeArguments(t as ts.TypeReference)[0];
        if (element) collect(element, prefix, depth + 1, docs);
        continue;
      }
      for (const property of checker.getPropertiesOfType(t)) {
        const path = `${prefix}${property.name}`;
        const doc = ts.displayPartsToString(property.getDocumentationComment(checker)).trim();
        if (doc && !docs.has(path)) docs.set(path, doc);
        collect(checker.getNonNullableType(checker.getTypeOfSymbol(property)), `${path}.`, depth + 1, docs);
      }
    }
  }
}
