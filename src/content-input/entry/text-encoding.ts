/**
 * Content files must be UTF-8. Read any other way (GBK from an old Windows editor, say), the text
 * would turn into replacement characters without a word, so the bytes are checked instead.
 */

export type DecodedText = { ok: true; text: string } | { ok: false; line: number; message: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes UTF-8 bytes; a leading byte-order mark is dropped. Invalid bytes are reported with their line. */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    const offset = findInvalidOffset(bytes);
    let line = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
    const gbk = looksLikeGbk(bytes);
    return {
      ok: false,
      line,
      message: `文件不是 UTF-8 编码${gbk ? '（看起来是 GBK/GB2312，Windows 记事本的“ANSI”格式）' : ''}：请在编辑器里选“UTF-8”格式另存，再检查一遍文字`,
    };
  }
}

/** Offset of the first byte that is not part of a valid UTF-8 sequence. */
function findInvalidOffset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return i;
}

/** GBK text is mostly pairs of bytes in 0x81–0xFE followed by 0x40–0xFE. */
function looksLikeGbk(bytes: Uint8Array): boolean {
  let pairs = 0;
  let high = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) continue;
    high++;
    const next = bytes[i + 1] ?? 0;
    if (b >= 0x81 && b <= 0xfe && next >= 0x40 && next <= 0xfe && next !== 0x7f) {
      pairs++;
      i++;
    }
  }
  return high > 0 && pairs * 2 >= high * 0.9;
}
