/**
 * The layout of a share image (the 1200×630 picture apps show with a link): plain values in,
 * a satori element tree out. What it says comes from
 * read-card.ts; the drawing (fonts, pixels, cache) is draw-card.ts.
 */

export const SHARE_WIDTH = 1200;
export const SHARE_HEIGHT = 630;

/** What a card says and shows. */
export interface ShareCard {
  /** Small line above the title: `先进事迹`, `教师`, `文集`. */
  kicker: string;
  /** The big line: a story's title, a teacher's name. */
  title: string;
  /** Under the title: subtitle, pinyin, honours. */
  subtitle?: string | undefined;
  /** At the bottom: teachers and schools, or the school. */
  footer?: string | undefined;
  /** Site name and tagline, top left. */
  site: { name: string; tagline: string };
  /** A picture for the right-hand panel: its shape decides the panel's width. */
  picture?: { width: number; height: number } | undefined;
  /** Without a picture, a large character in the right-hand panel (a teacher's family name). */
  monogram?: string | undefined;
}

/** A satori element: the same shape as a React element, without React. */
export interface CardNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: string | CardNode | (string | CardNode)[] };
}

/** The card's paper colour. */
export const PAPER = '#fbf9f4';
const PAPER_SUNK = '#f2eee5';
const INK = '#1e1f22';
const INK_SOFT = '#4a4c52';
const INK_FAINT = '#62656c';
const ACCENT = '#9b2c1f';
const RULE = '#e2ddd2';

function node(type: string, style: Record<string, string | number>, children?: CardNode['props']['children']): CardNode {
  return { type, props: { style, ...(children === undefined ? {} : { children }) } };
}

/** Width of the picture panel: the picture's shape at full height, within limits. */
export function getPanelWidth(card: ShareCard): number {
  if (card.picture) {
    const natural = Math.round((SHARE_HEIGHT * card.picture.width) / card.picture.height);
    return Math.max(400, Math.min(480, natural));
  }
  return card.monogram ? 400 : 0;
}

const GRAPHEMES = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });

/**
 * The characters of a text as a reader sees them: 葛󠄀 (a character with its variation selector) or
 * 👩‍🏫 is one, though it is two or three code points.
 */
export function charactersOf(text: string): string[] {
  return Array.from(GRAPHEMES.segment(text), (s) => s.segment);
}

/**
 * Title size and line count by length: short titles large on one line, long ones smaller on up
 * to three; a title longer than three lines at the smallest size is cut with an ellipsis.
 */
export function fitTitle(title: string, textWidth: number): { size: number; lines: number; text: string } {
  const chars = charactersOf(title);
  // A little room for punctuation that is wider than a character cell.
  const usable = textWidth - 12;
  for (const lines of [1, 2, 3]) {
    for (const size of [80, 72, 64, 56, 50, 44]) {
      if (lines === 1 && size < 64) break;
      if (chars.length <= Math.floor(usable / size) * lines) return { size, lines, text: title };
    }
  }
  const max = Math.floor(usable / 44) * 3;
  return { size: 44, lines: 3, text: `${chars.slice(0, max - 1).join('')}…` };
}

/** The element tree. The picture panel is left transparent: the picture is laid under it. */
export function buildShareCardTree(card: ShareCard): CardNode {
  const panel = getPanelWidth(card);
  const textWidth = SHARE_WIDTH - panel - 2 * 72;
  const title = fitTitle(card.title, textWidth);
  const text = node(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      // Padding counts inside the row's height and width only when the size comes from flex.
      flexGrow: 1,
      flexShrink: 1,
      flexBasis: 0,
      padding: '64px 72px 60px',
      backgroundColor: PAPER,
    },
    [
      node('div', { display: 'flex', alignItems: 'baseline' }, [
        node('div', { fontSize: 40, fontWeight: 700, color: ACCENT, letterSpacing: 10 }, card.site.name),
        node('div', { fontSize: 22, color: INK_FAINT, marginLeft: 20, letterSpacing: 3 }, card.site.tagline),
      ]),
      node('div', { display: 'flex', flexDirection: 'column' }, [
        node('div', { fontSize: 24, color: ACCENT, letterSpacing: 4, marginBottom: 18 }, card.kicker),
        node('div', { fontSize: title.size, fontWeight: 700, color: INK, lineHeight: 1.3, textWrap: 'balance' }, title.text),
        ...(card.subtitle
          ? [
              node(
                'div',
                { display: 'block', fontSize: 30, color: INK_SOFT, marginTop: 22, lineHeight: 1.45, lineClamp: title.lines >= 3 ? 1 : 2 },
                card.subtitle,
              ),
            ]
          : []),
      ]),
      node(
        'div',
        { display: 'block', borderTop: `2px solid ${RULE}`, paddingTop: 22, fontSize: 26, color: INK_SOFT, lineHeight: 1.4, lineClamp: 2 },
        card.footer ?? '',
      ),
    ],
  );
  const side = card.picture
    ? [node('div', { display: 'flex', width: panel, height: SHARE_HEIGHT })]
    : card.monogram
      ? [
          node(
            'div',
            {
              display: 'flex',
              width: panel,
              height: SHARE_HEIGHT,
              alignItems: 'center',
              justifyContent: 'center',
              backgroundColor: PAPER_SUNK,
              color: ACCENT,
              fontSize: 220,
              fontWeight: 700,
            },
            card.monogram,
          ),
        ]
      : [];
  return node('div', { display: 'flex', width: SHARE_WIDTH, height: SHARE_HEIGHT, fontFamily: 'Noto Serif SC' }, [text, ...side]);
}
