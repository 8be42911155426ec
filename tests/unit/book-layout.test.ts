import { describe, expect, it } from 'vitest';
import { getMargins, keepLastCharactersTogether, layoutBook } from '../../src/render/book/layout-book.ts';
import type { BookVolume } from '../../src/render/book/read-volume.ts';

const volume: BookVolume = {
  id: 'yangwang',
  title: '仰望<i>',
  subtitle: '优秀教师先进事迹报告集',
  year: 2023,
  editor: '市教育体育局',
  publisher: '市教育体育局',
  printRun: 12000,
  description: '报告集。',
  trim: { width: 140, height: 203 },
  sample: false,
  chapters: [
    {
      number: 1,
      id: 'shan-li-de-deng',
      title: '山里的灯',
      writer: '周南',
      published: '2024-09-08',
      teachers: ['林秋云'],
      html: '<p>那盏灯一直亮着。</p><figure class="yw-figure"><yw-figure-image data-index="0"></yw-figure-image><figcaption>图</figcaption></figure>',
      figures: [{ path: '/srv/content/stories/shan-li-de-deng/photo 1.jpg', alt: '灯', credit: '周南 摄' }],
      sample: true,
    },
  ],
};
const options = {
  site: 'https://yangwang.example.org/',
  bleed: false,
  fontFile: '/fonts/serif.ttf',
  qrCodes: new Map([[1, '<svg class="chapter-qr"></svg>']]),
  volumeQr: '<svg class="volume-qr"></svg>',
};

describe('keepLastCharactersTogether', () => {
  it('keeps the last two characters of a paragraph and the punctuation after them on one line', () => {
    expect(keepLastCharactersTogether('<p>那盏灯一直亮着。</p>')).toBe('<p>那盏灯一直<span class="nobreak">亮着。</span></p>');
    expect(keepLastCharactersTogether('<p>他说：“好。”</p>')).toBe('<p>他<span class="nobreak">说：“好。”</span></p>');
  });
  it('leaves a paragraph that ends in markup or is too short alone', () => {
    expect(keepLastCharactersTogether('<p>见<a href="#">附录</a></p>')).toBe('<p>见<a href="#">附录</a></p>');
    expect(keepLastCharactersTogether('<p>好</p>')).toBe('<p>好</p>');
  });
});

describe('layoutBook', () => {
  const html = layoutBook(volume, options);
  it('puts the parts in order: cover, 版权页, 目录, chapters, closing page (no 前言 when there is none)', () => {
    const order = ['class="cover"', 'class="copyright"', 'class="contents"', 'id="chapter-1"', 'class="closing"'].map((part) =>
      html.indexOf(part),
    );
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).not.toContain('class="preface"');
    expect(layoutBook({ ...volume, preface: '第一段，\n接着写。\n\n第二段。' }, options)).toContain(
      '<p>第一段，接<span class="nobreak">着写。</span></p>',
    );
  });
  it('escapes what editors wrote', () => {
    expect(html).toContain('<h1>仰望&lt;i&gt;</h1>');
    expect(html).not.toContain('<i>');
    expect(html).toContain('content: "仰望\\3c i\\3e ";');
  });
  it('prints the original picture, the QR code and the address of each chapter', () => {
    expect(html).toContain('<img src="file:///srv/content/stories/shan-li-de-deng/photo%201.jpg" alt="灯">');
    expect(html).toContain('<svg class="chapter-qr"></svg>');
    expect(html).toContain('https://yangwang.example.org/stories/shan-li-de-deng/');
    expect(html).toContain('示例内容');
  });
  it('sizes the page from the trim, and adds bleed and crop marks only when asked', () => {
    const m = getMargins(volume.trim);
    expect(html).toContain('size: 140mm 203mm;');
    expect(html).toContain(`margin: ${m.top}mm ${m.outer}mm ${m.bottom}mm ${m.inner}mm;`);
    expect(html).not.toContain('marks: crop');
    expect(layoutBook(volume, { ...options, bleed: true })).toContain('bleed: 3mm; marks: crop;');
  });
});
