/**
 * The site's components (src/content-input/entry/components.ts, the registry the MDX loader renders from) as
 * Decap CMS editor components: each can be inserted into a body and edited as a form, and is
 * written back as the MDX the loader accepts. Generated from the registry, so a new component
 * appears in the editor without code here.
 *
 * Nothing is damaged: a component that was not edited in the form is written back exactly as it
 * was found (its text travels in a hidden field); an edited one is written with its attributes in
 * the registry's order, `"` and `&…;` escaped, and its content as typed.
 */
import { ADMIN } from '../i18n/zh-CN.ts';
import { toRelativePath } from '../lib/frontmatter-edit.ts';
import { textOf } from '../lib/text-of.ts';
import { COMPONENTS, type ComponentSpec } from '../content-input/entry/components.ts';

/** A field of an editor component's form (Decap CMS field configuration). */
export interface EditorField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  field?: EditorField;
  fields?: EditorField[];
  [key: string]: unknown;
}

/** A Decap CMS editor component (`CMS.registerEditorComponent`). */
export interface EditorComponent {
  id: string;
  label: string;
  fields: EditorField[];
  pattern: RegExp;
  fromBlock: (match: RegExpMatchArray) => Record<string, unknown>;
  toBlock: (data: Record<string, unknown>) => string;
  toPreview: (data: Record<string, unknown>) => string;
}

/** The hidden field that carries a component's original text. */
export const RAW_FIELD = 'originalText';
/** The field holding a component's content (what is written between its tags). */
export const CONTENT_FIELD = 'content';
/** The list of child components (an `only` component such as Timeline). */
export const ITEMS_FIELD = 'items';

const ATTRIBUTES = String.raw`((?:\s+[A-Za-z]+=(?:"[^"]*"|'[^']*'))*)\s*`;

/** The short Chinese name of a component: its description up to the first `：` or `，`. */
export function getComponentLabel(spec: ComponentSpec): string {
  return spec.description.split(/[：，；]/)[0] ?? spec.description;
}

const ENTITIES: Record<string, string> = { quot: '"', amp: '&', apos: "'", lt: '<', gt: '>' };

/** Attribute values as MDX reads them (character references decoded). */
export function parseAttributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([A-Za-z]+)=(?:"([^"]*)"|'([^']*)')/g)) {
    const raw = m[2] ?? m[3] ?? '';
    out[m[1] ?? ''] = raw.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
      if (ref.startsWith('#x') || ref.startsWith('#X')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
      if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
      return ENTITIES[ref.toLowerCase()] ?? whole;
    });
  }
  return out;
}

/** One attribute value written for MDX: `"` and anything that would read as a reference escaped. */
export function escapeAttribute(value: string): string {
  return value.replace(/&(?=#x[0-9a-f]+;|#\d+;|[a-z]+;)/gi, '&amp;').replace(/"/g, '&quot;');
}

function formatAttributes(spec: ComponentSpec, data: Record<string, unknown>): string {
  return spec.attributes
    .map((name) => [name, typeof data[name] === 'string' ? data[name].trim() : ''] as const)
    .map(([name, value]) => [name, name === 'src' ? toRelativePath(value) : value] as const)
    .filter(([, value]) => value !== '')
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
}

function attributeFields(spec: ComponentSpec): EditorField[] {
  return spec.attributes.map((name) => ({
    name,
    label: ADMIN.componentAttributes[name] ?? spec.hints?.[name]?.split(/[，,；]/)[0] ?? name,
    widget: name === 'src' ? 'image' : 'string',
    required: spec.required.includes(name),
    ...(spec.hints?.[name] ? { hint: spec.hints[name] } : {}),
    ...(name === 'src' ? { choose_url: false } : {}),
  }));
}

function contentField(spec: ComponentSpec): EditorField {
  return {
    name: CONTENT_FIELD,
    label: ADMIN.componentContent,
    widget: 'text',
    required: spec.children === 'required',
    hint: ADMIN.componentContentHint,
  };
}

/** The content between the tags as written for a new or edited component. */
function formatContent(content: string, block: boolean): string {
  if (content.startsWith('\n') || !content.includes('\n') || !block) return content;
  return `\n${content.trim()}\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function createComponent(name: string, spec: ComponentSpec): EditorComponent {
  const selfClosing = spec.children === 'none';
  const pattern = selfClosing ? new RegExp(`^<${name}${ATTRIBUTES}\\/>`) : new RegExp(`^<${name}${ATTRIBUTES}>([\\s\\S]*?)<\\/${name}>`);
  const children = (spec.only ?? [])
    .map((child) => [child, COMPONENTS[child]] as const)
    .filter((c): c is readonly [string, ComponentSpec] => Boolean(c[1]));
  const fields: EditorField[] = [...attributeFields(spec)];
  if (spec.children === 'required' || spec.children === 'optional') fields.push(contentField(spec));
  const [childName, childSpec] = children[0] ?? [];
  if (spec.children === 'only' && childName && childSpec) {
    fields.push({
      name: ITEMS_FIELD,
      label: getComponentLabel(childSpec),
      widget: 'list',
      summary: `{{fields.${childSpec.attributes[0] ?? CONTENT_FIELD}}} {{fields.${CONTENT_FIELD}}}`,
      fields: [...attributeFields(childSpec), contentField(childSpec)],
    });
  }
  fields.push({ name: RAW_FIELD, label: '原文', widget: 'hidden', required: false });

  const fromBlock = (match: RegExpMatchArray): Record<string, unknown> => {
    const data: Record<string, unknown> = { ...parseAttributes(match[1] ?? ''), [RAW_FIELD]: match[0] };
    const inner = match[2] ?? '';
    if (spec.children === 'only' && childName) {
      data[ITEMS_FIELD] = [...inner.matchAll(new RegExp(`<${childName}${ATTRIBUTES}>([\\s\\S]*?)<\\/${childName}>`, 'g'))].map((m) => ({
        ...parseAttributes(m[1] ?? ''),
        [CONTENT_FIELD]: m[2] ?? '',
      }));
    } else if (!selfClosing) {
      data[CONTENT_FIELD] = inner;
    }
    return data;
  };

  const format = (data: Record<string, unknown>): string => {
    const open = `<${name}${formatAttributes(spec, data)}`;
    if (selfClosing) return `${open} />`;
    if (spec.children === 'only' && childName && childSpec) {
      const items = Array.isArray(data[ITEMS_FIELD]) ? (data[ITEMS_FIELD] as Record<string, unknown>[]) : [];
      const lines = items.map(
        (item) => `<${childName}${formatAttributes(childSpec, item)}>${textOf(item[CONTENT_FIELD]).trim()}</${childName}>`,
      );
      return `${open}>\n${lines.join('\n')}\n</${name}>`;
    }
    return `${open}>${formatContent(textOf(data[CONTENT_FIELD]), Boolean(spec.block))}</${name}>`;
  };

  const toBlock = (data: Record<string, unknown>): string => {
    const raw = data[RAW_FIELD];
    if (typeof raw === 'string') {
      const match = pattern.exec(raw);
      const { [RAW_FIELD]: _omit, ...now } = data;
      if (match?.[0] === raw) {
        const { [RAW_FIELD]: _omit2, ...then } = fromBlock(match);
        if (sameValues(then, now)) return raw;
      }
    }
    return format(data);
  };

  const toPreview = (data: Record<string, unknown>): string => {
    const attributes = spec.attributes
      .filter((a) => a !== 'src' && typeof data[a] === 'string' && data[a])
      .map((a) => escapeHtml(String(data[a])))
      .join(' · ');
    const text = typeof data[CONTENT_FIELD] === 'string' ? escapeHtml(data[CONTENT_FIELD]) : '';
    return `<div class="yw-admin-component"><strong>${escapeHtml(getComponentLabel(spec))}</strong> ${attributes}<div>${text}</div></div>`;
  };

  return { id: name, label: getComponentLabel(spec), fields, pattern, fromBlock, toBlock, toPreview };
}

/** Equal as values, ignoring keys that are empty on one side only (a form adds empty fields). */
function sameValues(a: unknown, b: unknown): boolean {
  const clean = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(clean);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v)
          .filter(([, x]) => x !== undefined && x !== null && x !== '')
          .sort(([x], [y]) => (x < y ? -1 : 1))
          .map(([k, x]) => [k, clean(x)]),
      );
    }
    return v;
  };
  return JSON.stringify(clean(a)) === JSON.stringify(clean(b));
}

/**
 * A GFM table as a block of text: Decap's Markdown writer would re-pad every table it writes (the
 * meaning stays, the bytes change), so a table is held as written and edited as text.
 */
function createTableComponent(): EditorComponent {
  const pattern = /^\|[^\n]*\|[ \t]*\n\|(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*(?:\n\|[^\n]*\|[ \t]*)*/;
  return {
    id: 'Table',
    label: ADMIN.table.label,
    fields: [{ name: CONTENT_FIELD, label: ADMIN.table.label, widget: 'text', required: true, hint: ADMIN.table.hint }],
    pattern,
    fromBlock: (match) => ({ [CONTENT_FIELD]: match[0] }),
    toBlock: (data) => textOf(data[CONTENT_FIELD]).replace(/\s+$/, ''),
    toPreview: (data) => `<pre class="yw-admin-component">${escapeHtml(textOf(data[CONTENT_FIELD]))}</pre>`,
  };
}

/**
 * Every registered component that can stand on its own (children such as Event live in their
 * parent's form), and tables.
 */
export function createEditorComponents(): EditorComponent[] {
  return [
    ...Object.entries(COMPONENTS)
      .filter(([, spec]) => !spec.parent)
      .map(([name, spec]) => createComponent(name, spec)),
    createTableComponent(),
  ];
}
