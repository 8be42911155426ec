/**
 * Quotation marks in Chinese text: every “ has its ”, 「 its 」, 《 its 》, nested properly, and
 * no look-alike marks (〝〞, ＂, „) that fonts and converters leave behind. Pure.
 */
import type { TextFinding } from './personal-data.ts';

/** A run of text (a paragraph, a caption, a field's value) and the line it starts on. */
export interface TextBlock {
  line: number;
  /** Field the text belongs to: `正文`, `summary`, `<Figure> caption` … */
  field: string;
  value: string;
}

/** A finding in one of the blocks. */
export interface BlockFinding extends TextFinding {
  block: TextBlock;
}

const PAIRS: Readonly<Record<string, string>> = { '“': '”', '‘': '’', '「': '」', '『': '』', '《': '》' };
const CLOSERS: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(PAIRS).map(([o, c]) => [c, o]));
const WRONG: Readonly<Record<string, string>> = {
  '〝': '“',
  '〞': '”',
  '〟': '”',
  '＂': '“ 或 ”',
  '„': '“',
  '‟': '“',
  '‶': '“',
  '″': '”',
};
/**
 * Every mark the loop below looks at: a story's text is scanned for these by the regular
 * expression engine, instead of looking each character up (which cost most of this check's time).
 */
const MARKS = new RegExp(`[${[...Object.keys(PAIRS), ...Object.keys(CLOSERS), ...Object.keys(WRONG)].join('')}]`, 'g');

/**
 * Problems with quotation marks in a sequence of blocks. A quotation that runs over several
 * paragraphs follows the Chinese rule: each paragraph opens with “ and only the last one closes,
 * so an open mark at the end of a block is fine when the next block starts with the same mark.
 * Blocks of different fields never continue each other.
 */
export function findQuoteProblems(blocks: readonly TextBlock[]): BlockFinding[] {
  const findings: BlockFinding[] = [];
  let carried: { mark: string; index: number; block: TextBlock }[] = [];
  blocks.forEach((block, b) => {
    const text = block.value;
    const stack: { mark: string; index: number; block: TextBlock }[] = [];
    let start = 0;
    const continues =
      carried.length > 0 && carried.at(-1)?.block.field === block.field && text.trimStart().startsWith(carried.at(-1)?.mark ?? '');
    if (continues) {
      stack.push(...carried);
      start = text.indexOf(carried.at(-1)?.mark ?? '') + 1;
    } else {
      for (const open of carried) findings.push(unclosed(open));
    }
    carried = [];
    MARKS.lastIndex = start;
    for (let found = MARKS.exec(text); found; found = MARKS.exec(text)) {
      const i = found.index;
      const c = found[0];
      if (WRONG[c]) {
        findings.push({ block, index: i, match: c, message: `错误的引号 “${c}”：中文引号应写成 ${WRONG[c]}（请用中文输入法重新输入）` });
      } else if (PAIRS[c]) {
        stack.push({ mark: c, index: i, block });
      } else if (CLOSERS[c]) {
        // An apostrophe inside a Latin word (O’Brien, teacher’s) is not a closing quote.
        if (c === '’' && /[A-Za-z]/.test(text[i - 1] ?? '') && /[A-Za-z]/.test(text[i + 1] ?? '')) continue;
        const opener = CLOSERS[c] ?? '';
        const depth = stack.map((s) => s.mark).lastIndexOf(opener);
        if (depth === -1) {
          findings.push({ block, index: i, match: c, message: `引号不配对：这个 ${c} 前面没有对应的 ${opener}` });
        } else if (depth !== stack.length - 1) {
          const inner = stack[stack.length - 1];
          findings.push({
            block,
            index: i,
            match: c,
            message: `引号嵌套错误：里层的 ${inner?.mark} 要先用 ${PAIRS[inner?.mark ?? '']} 关上，再用 ${c}`,
          });
          stack.splice(depth);
        } else {
          stack.pop();
        }
      }
    }
    const next = blocks[b + 1];
    if (stack.length && next?.field === block.field && next.value.trimStart().startsWith(stack.at(-1)?.mark ?? '\0')) {
      carried = stack;
    } else {
      for (const open of stack) findings.push(unclosed(open));
    }
  });
  for (const open of carried) findings.push(unclosed(open));
  return findings;
}

function unclosed(open: { mark: string; index: number; block: TextBlock }): BlockFinding {
  return {
    block: open.block,
    index: open.index,
    match: open.mark,
    message: `引号不配对：这个 ${open.mark} 没有对应的 ${PAIRS[open.mark]}`,
  };
}

/** Line of a finding: the block's line plus the line breaks before it. */
export function lineOfFinding(block: TextBlock, index: number): number {
  let line = block.line;
  for (let i = 0; i < index && i < block.value.length; i++) if (block.value[i] === '\n') line++;
  return line;
}
