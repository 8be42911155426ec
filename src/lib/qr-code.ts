/**
 * QR codes as inline SVG, drawn at build time (`qrcode`), so a phone (WeChat's scanner) can open
 * the page from a screen or from the printed book. No script, no image request, no style
 * attribute: nothing a strict CSP has to allow.
 */
import QRCode from 'qrcode';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ENTITIES[c] ?? c);
}

/**
 * An `<svg>` QR code of `text`, labelled for screen readers. Error correction M (15%) survives
 * smudged print; the quiet zone is 2 modules, the least that phone scanners read reliably.
 */
export async function renderQrSvg(text: string, label: string, className = 'qr-code'): Promise<string> {
  const svg = await QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
    color: { dark: '#000000', light: '#ffffff' },
  });
  return svg.replace(
    '<svg ',
    `<svg class="${escapeAttribute(className)}" role="img" aria-label="${escapeAttribute(label)}" focusable="false" `,
  );
}
