/**
 * The parts of the editors' guide (docs/editors-guide.md) that are generated, so they cannot
 * drift from the code: one field table per collection (from the schemas and their comments), the
 * components editors may use (from src/content-input/entry/components.ts) and the image limits. Each sits
 * between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`; `npm run docs:guide` rewrites
 * them and a test fails when the file is out of step.
 */
import { IMAGE_EXTENSIONS, IMAGE_LIMITS } from '../../src/content-input/rules/images.ts';
import { COMPONENTS } from '../../src/content-input/entry/components.ts';
import { listSchemaFields, type EditorCollection, type FieldInfo } from './schema-fields.ts';

/** The guide's generated blocks, by name. */
export function renderGuideBlocks(): Record<string, string> {
  const fields = listSchemaFields();
  const blocks: Record<string, string> = {};
  for (const collection of Object.keys(fields) as EditorCollection[]) {
    blocks[`fields-${collection}`] = renderFieldTable(fields[collection]);
  }
  blocks.components = renderComponents();
  blocks['image-limits'] = renderImageLimits();
  return blocks;
}

/** Replaces every generated block in `text`; throws when a block's markers are missing. */
export function fillGuide(text: string, blocks: Record<string, string> = renderGuideBlocks()): string {
  let out = text;
  for (const [name, body] of Object.entries(blocks)) {
    const start = `<!-- generated:${name} -->`;
    const end = `<!-- /generated:${name} -->`;
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from === -1 || to < from) throw new Error(`docs/editors-guide.md 里缺少 ${start} … ${end}`);
    out = `${out.slice(0, from + start.length)}\n${body.trimEnd()}\n${out.slice(to)}`;
  }
  return out;
}

function renderFieldTable(fields: readonly FieldInfo[]): string {
  const rows = fields.map((f) => {
    const name = `${'　'.repeat(f.depth)}\`${f.path}\``;
    const need = f.required
      ? f.depth
        ? '必填（在上一级里）'
        : '必填'
      : f.defaultValue !== undefined
        ? `可不写（默认 ${JSON.stringify(f.defaultValue)}）`
        : '可不写';
    const kind = f.choices ? `${f.kind}：${f.choices.join('、')}` : f.kind;
    return `| ${name} | ${need} | ${kind} | ${escapeCell(f.doc)} |`;
  });
  return ['| 字段 | 必填 | 写什么 | 说明 |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

function renderComponents(): string {
  const parts: string[] = [];
  for (const [name, spec] of Object.entries(COMPONENTS)) {
    const attributes = spec.attributes.length
      ? spec.attributes
          .map((a) => `\`${a}\`${spec.required.includes(a) ? '（必填）' : ''}${spec.hints?.[a] ? `：${escapeText(spec.hints[a])}` : ''}`)
          .join('；')
      : '无';
    const content = {
      none: '不写内容，自闭合 `<… />`',
      required: '要写内容',
      optional: '内容可写可不写',
      only: `只能写 ${(spec.only ?? []).map((n) => `\`<${n}>\``).join('、')}`,
    }[spec.children];
    parts.push(
      `### \`<${name}>\``,
      '',
      `${escapeText(spec.description)}。${spec.parent ? (spec.description.includes('只能写在') ? '' : `只能写在 \`<${spec.parent}>\` 里。`) : spec.block ? '单独占一行，前后各空一行。' : '可以写在句子中间，也可以单独一行。'}`,
      '',
      `- 属性：${attributes}`,
      `- 内容：${content}`,
      '',
      '```mdx',
      spec.example,
      '```',
      '',
    );
  }
  return parts.join('\n');
}

function renderImageLimits(): string {
  const megabytes = IMAGE_LIMITS.maxBytes / 1024 / 1024;
  return [
    `- 格式：${IMAGE_EXTENSIONS.join('、')}（iPhone 的 .heic 请先转成 .jpg）`,
    `- 文件大小：不超过 ${megabytes} MB`,
    `- 尺寸：长边不超过 ${IMAGE_LIMITS.maxSide} 像素（手机照片 4032 × 3024 可以直接用）`,
  ].join('\n');
}

function escapeCell(text: string): string {
  return escapeText(text).replace(/\|/g, '\\|');
}

/** Text from the code, safe in Markdown: `<Event>` would otherwise be read as an HTML tag. */
function escapeText(text: string): string {
  return text.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
