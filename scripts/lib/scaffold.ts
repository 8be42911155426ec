/**
 * What `npm run new` writes: every field of a collection, in the schema's order, each with its
 * description as a comment. Values given are written; a required field not given is left empty
 * (the content check then says what to fill in); an optional field not given is written as a
 * comment, ready to be uncommented.
 */
import { stringify } from 'yaml';
import type { FieldInfo } from './schema-fields.ts';

/** Values by field path (`title`, `cover.src`, `teachers`). */
export type FieldValues = Readonly<Record<string, unknown>>;

/** YAML lines for `fields` (one collection's), `indent` spaces in. */
export function renderFields(fields: readonly FieldInfo[], values: FieldValues, indent = 0): string {
  const lines: string[] = [];
  const top = fields.filter((f) => f.depth === 0);
  for (const field of top) lines.push(...renderField(field, fields, values, indent, false));
  return `${lines.join('\n')}\n`;
}

function renderField(field: FieldInfo, all: readonly FieldInfo[], values: FieldValues, indent: number, commented: boolean): string[] {
  const key = field.path.split('.').at(-1)?.replace('[]', '') ?? field.path;
  const given = values[field.path];
  const hasValue = given !== undefined;
  const children = all.filter(
    (f) => f.depth === field.depth + 1 && (f.path.startsWith(`${field.path}.`) || f.path.startsWith(`${field.path}[].`)),
  );
  const childGiven = children.some((c) => values[c.path] !== undefined);
  // An optional field that is not given stays a comment; a given one, or a required one, is written.
  const asComment = commented || (!field.required && !hasValue && !childGiven && field.defaultValue === undefined);
  const pad = ' '.repeat(indent);
  const line = (text: string, comment: string) => `${pad}${asComment ? '# ' : ''}${text}${comment ? `  # ${comment}` : ''}`;
  const note = describeNote(field, field.shape === 'objects' && !(Array.isArray(given) && given.length));

  if (field.shape === 'object') {
    return [line(`${key}:`, note), ...children.flatMap((c) => renderField(c, all, values, indent + 2, asComment))];
  }
  if (field.shape === 'objects') {
    const items = Array.isArray(given) ? (given as Record<string, unknown>[]) : [];
    if (!items.length) {
      // An example item, as a comment, shows how one is written.
      const exampleLines = children.flatMap((c, i) => {
        const inner = renderField(
          { ...c, required: true },
          all,
          { [c.path]: c.shape === 'value' ? example(c) : undefined },
          indent + 4,
          true,
        );
        return i === 0
          ? inner.map((l, k) => (k === 0 ? l.replace(`${' '.repeat(indent + 4)}# `, `${' '.repeat(indent + 2)}# - `) : l))
          : inner;
      });
      return [line(`${key}: []`, note), ...exampleLines.map((l) => l.replace(/^(\s*)# # /, '$1# '))];
    }
    const out = [line(`${key}:`, note)];
    for (const item of items) {
      const itemValues = Object.fromEntries(Object.entries(item).map(([k, v]) => [`${field.path}[].${k}`, v]));
      children.forEach((c, i) => {
        if (itemValues[c.path] === undefined && !c.required) return;
        const inner = renderField(c, all, itemValues, indent + 4, false);
        out.push(
          ...(i === 0 ? inner.map((l, k) => (k === 0 ? l.replace(' '.repeat(indent + 4), `${' '.repeat(indent + 2)}- `) : l)) : inner),
        );
      });
    }
    return out;
  }
  const value = hasValue ? given : field.defaultValue !== undefined ? field.defaultValue : placeholder(field);
  return [line(`${key}: ${formatValue(value, field)}`, note)];
}

/** The comment on a field: its description, how it may be left out, how to add items. */
function describeNote(field: FieldInfo, emptyList: boolean): string {
  const doc = field.doc.replace(/。$/, '');
  const optional = !field.required && field.defaultValue === undefined && !doc.includes('不写') ? '（可不写）' : '';
  return `${doc}${optional}${emptyList ? '；要写时删去 []，再去掉下面各行开头的 #' : ''}`;
}

/** A value for the commented example of a list item. */
function example(field: FieldInfo): unknown {
  if (field.kind === '日期 YYYY-MM-DD') return new Date().toISOString().slice(0, 10);
  if (field.kind === '年份') return new Date().getFullYear();
  if (field.kind === '数字') return 1;
  return placeholder(field);
}

/** What an unfilled field is written as. */
function placeholder(field: FieldInfo): unknown {
  if (field.shape === 'list') return [];
  if (field.kind === '日期 YYYY-MM-DD') return field.required ? '' : '2025-01-01';
  if (field.kind === '年份' || field.kind === '数字') return field.required ? null : 0;
  if (field.image) return field.path.startsWith('portrait') ? './portrait.jpg' : './cover.jpg';
  if (field.choices) return field.choices[0];
  return '';
}

function formatValue(value: unknown, field: FieldInfo): string {
  if (value === null) return '';
  if (Array.isArray(value)) {
    return value.length ? `[${value.map((v) => formatScalar(v, field)).join(', ')}]` : '[]';
  }
  return formatScalar(value, field);
}

/** One value in YAML; dates always in quotes, as the guide asks editors to write them. */
function formatScalar(value: unknown, field: FieldInfo): string {
  if (typeof value === 'string' && (field.kind === '日期 YYYY-MM-DD' || value === '')) return `'${value.replace(/'/g, "''")}'`;
  const text = stringify(value, { lineWidth: 0 }).trimEnd();
  // Inside a flow list, a plain scalar must not contain `,` `[` `]`.
  return field.shape === 'list' && /[,[\]{}]/.test(text) ? JSON.stringify(String(value)) : text;
}
