/**
 * Our components in the web editor (src/admin/editor-components.ts): every registered component
 * has a form; every component written in the sample content is read into that form and written
 * back byte for byte when it is not edited, and as MDX the loader renders the same way when it is;
 * quotes, ampersands and Chinese punctuation in attributes survive.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEditorComponents, RAW_FIELD } from '../../src/admin/editor-components.ts';
import { renderMdx } from '../../src/content-input/entry/render-mdx.ts';
import { COMPONENTS } from '../../src/content-input/entry/components.ts';

const components = createEditorComponents();
const bodies = (['stories', 'teachers'] as const).flatMap((c) =>
  readdirSync(join('content', c)).map((slug) => readFileSync(join('content', c, slug, 'index.mdx'), 'utf-8')),
);

/** Every component block in the samples: text from `<Name` (or a table's `|`) at the start of a line. */
const blocks = bodies.flatMap((body) =>
  components.flatMap((component) =>
    [...body.matchAll(component.id === 'Table' ? /(?<=^|\n\n)\|/g : new RegExp(`^<${component.id}[\\s>/]`, 'gm'))].map((m) => {
      const match = component.pattern.exec(body.slice(m.index));
      return { id: component.id, component, raw: match?.[0] ?? '', match };
    }),
  ),
);

describe('components in the web editor', () => {
  it('every registered component can be inserted (children such as Event in their parent’s form)', () => {
    expect(components.map((c) => c.id).sort()).toEqual([...Object.keys(COMPONENTS).filter((n) => !COMPONENTS[n]?.parent), 'Table'].sort());
    for (const component of components) {
      const spec = COMPONENTS[component.id];
      if (component.id === 'Table') continue;
      const names = component.fields.map((f) => f.name);
      for (const attribute of spec?.attributes ?? []) expect(names, `${component.id}.${attribute}`).toContain(attribute);
      expect(component.label).toMatch(/\p{Script=Han}/u);
    }
  });

  it('the samples use every kind of component the stories need', () => {
    expect(new Set(blocks.map((b) => b.id))).toEqual(
      new Set(['Figure', 'PullQuote', 'Aside', 'Timeline', 'HonourBadge', 'Letter', 'Table']),
    );
  });

  it.each(blocks.map((b) => [`${b.id}: ${b.raw.slice(0, 40)}`, b] as const))(
    '%s — unedited: byte for byte; edited: same HTML',
    (_name, { component, raw, match }) => {
      expect(match).not.toBeNull();
      if (!match) return;
      const data = component.fromBlock(match);
      expect(component.toBlock(data)).toBe(raw);
      // As if edited in the form: written from the values alone.
      const { [RAW_FIELD]: _raw, ...values } = data;
      const rewritten = component.toBlock(values);
      const before = renderMdx(`${raw}\n`);
      const after = renderMdx(`${rewritten}\n`);
      expect(after.problems).toEqual([]);
      expect(after.html).toBe(before.html);
    },
  );

  it('escapes quotes and keeps 「」“”, full-width characters and line breaks', () => {
    const quote = components.find((c) => c.id === 'PullQuote');
    const letter = components.find((c) => c.id === 'Letter');
    if (!quote || !letter) throw new Error('missing');
    const block = quote.toBlock({ cite: '他说"好" & 「对」“是”', content: '全角，标点！ABC' });
    expect(block).toBe('<PullQuote cite="他说&quot;好&quot; & 「对」“是”">全角，标点！ABC</PullQuote>');
    expect(renderMdx(`${block}\n`).html).toContain('—— 他说"好" &#x26; 「对」“是”');
    const match = quote.pattern.exec(block);
    expect(match && quote.fromBlock(match).cite).toBe('他说"好" & 「对」“是”');
    const written = letter.toBlock({ from: '学生 小雨', date: '2019年6月', content: '林老师：\n\n您好。\n我很好。' });
    expect(written).toBe('<Letter from="学生 小雨" date="2019年6月">\n林老师：\n\n您好。\n我很好。\n</Letter>');
    expect(renderMdx(`${written}\n`).problems).toEqual([]);
    expect(quote.toBlock({ cite: '&amp; 已经转义', content: 'x' })).toBe('<PullQuote cite="&amp;amp; 已经转义">x</PullQuote>');
  });
});
