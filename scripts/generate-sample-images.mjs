#!/usr/bin/env node
/**
 * Generates the illustrations of the sample content: teacher portraits, story covers, in-body
 * figures and the collection cover. They are abstract, calm scenes (soft gradients, hills, sun and
 * moon, books, lamps, letters …) drawn as SVG and rendered to JPEG by sharp. No faces, no photos of
 * people, no text (fonts would differ from machine to machine).
 *
 * Usage:  node scripts/generate-sample-images.mjs
 *
 * The script reads `content/` to find every image the content references:
 *   - `portrait.src` in content/teachers/<slug>/index.mdx
 *   - `cover.src` and every `<Figure src="…">` in content/stories/<slug>/index.mdx
 *   - `cover.src` in content/collections/<slug>.yaml
 * and (re)writes only those whose credit says 生成插图, so a real photograph an editor adds later is
 * never overwritten. Output is deterministic: every random choice comes from a seeded PRNG keyed
 * by the image's path, so running the script twice writes the same files.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import YAML from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONTENT = path.join(ROOT, 'content');
const SEED = 20230910;
const QUALITY = 78;
const MAX_BYTES = 250 * 1024;
const GENERATED_CREDIT = '生成插图';

/** Width and height of each kind of image. */
const SIZES = {
  portrait: [800, 1000],
  cover: [1600, 900],
  figure: [1200, 800],
  volume: [1200, 1600],
};

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** FNV-1a hash of a string, 32 bits. */
function hash(text) {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: a small, fast PRNG; returns a function giving numbers in [0, 1). */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// Colour helpers

function parseHex(hex) {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
function toHex(rgb) {
  return `#${rgb
    .map((v) =>
      Math.round(Math.max(0, Math.min(255, v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}
/** Mixes two hex colours: t = 0 gives a, t = 1 gives b. */
function mix(a, b, t) {
  const [x, y] = [parseHex(a), parseHex(b)];
  return toHex(x.map((v, i) => v + (y[i] - v) * t));
}

const f1 = (n) => (Math.round(n * 10) / 10).toString();

// ---------------------------------------------------------------------------------------------
// Drawing context and primitives. Each primitive returns an SVG fragment and may add <defs>.

function createContext(width, height, rnd) {
  const defs = [];
  let counter = 0;
  return {
    w: width,
    h: height,
    rnd,
    /** Random number in [min, max). */
    r: (min, max) => min + (max - min) * rnd(),
    /** Adds a definition and returns its id. */
    def(makeSvg) {
      const id = `d${counter++}`;
      defs.push(makeSvg(id));
      return id;
    },
    defs,
  };
}

function linear(ctx, stops, { x1 = 0, y1 = 0, x2 = 0, y2 = 1 } = {}) {
  return ctx.def(
    (id) =>
      `<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}">${stops
        .map(([offset, color, opacity = 1]) => `<stop offset="${offset}" stop-color="${color}" stop-opacity="${opacity}"/>`)
        .join('')}</linearGradient>`,
  );
}

/** A table top: a band from `y` down to the bottom edge, shaded from `top` to `bottom`. */
function tableTop(ctx, y, [top, bottom]) {
  const fill = linear(ctx, [
    [0, top],
    [1, bottom],
  ]);
  return `<rect x="0" y="${f1(y)}" width="${ctx.w}" height="${f1(ctx.h - y)}" fill="url(#${fill})"/>`;
}

function radial(ctx, stops) {
  return ctx.def(
    (id) =>
      `<radialGradient id="${id}" cx="0.5" cy="0.5" r="0.5">${stops
        .map(([offset, color, opacity = 1]) => `<stop offset="${offset}" stop-color="${color}" stop-opacity="${opacity}"/>`)
        .join('')}</radialGradient>`,
  );
}

function blur(ctx, deviation) {
  return ctx.def(
    (id) => `<filter id="${id}" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="${deviation}"/></filter>`,
  );
}

/** The sky: a vertical gradient through the given colours, top to bottom. */
function sky(ctx, colors) {
  const id = linear(
    ctx,
    colors.map((c, i) => [i / (colors.length - 1), c]),
  );
  return `<rect width="${ctx.w}" height="${ctx.h}" fill="url(#${id})"/>`;
}

/** A soft halo of light. */
function glow(ctx, cx, cy, radius, color, opacity = 0.5) {
  const id = radial(ctx, [
    [0, color, opacity],
    [0.45, color, opacity * 0.45],
    [1, color, 0],
  ]);
  return `<circle cx="${f1(cx)}" cy="${f1(cy)}" r="${f1(radius)}" fill="url(#${id})"/>`;
}

/** A sun (or full moon): a disc with a halo. */
function sun(ctx, cx, cy, radius, color, haloOpacity = 0.45) {
  const id = radial(ctx, [
    [0, mix(color, '#ffffff', 0.35)],
    [1, color],
  ]);
  return (
    glow(ctx, cx, cy, radius * 3.4, color, haloOpacity) + `<circle cx="${f1(cx)}" cy="${f1(cy)}" r="${f1(radius)}" fill="url(#${id})"/>`
  );
}

/** A crescent moon: a disc with an offset disc cut away. */
function crescent(ctx, cx, cy, radius, color) {
  const mask = ctx.def(
    (id) =>
      `<mask id="${id}"><rect width="${ctx.w}" height="${ctx.h}" fill="black"/><circle cx="${f1(cx)}" cy="${f1(cy)}" r="${f1(radius)}" fill="white"/><circle cx="${f1(cx + radius * 0.42)}" cy="${f1(cy - radius * 0.22)}" r="${f1(radius * 0.92)}" fill="black"/></mask>`,
  );
  return (
    glow(ctx, cx, cy, radius * 3, color, 0.22) +
    `<circle cx="${f1(cx)}" cy="${f1(cy)}" r="${f1(radius)}" fill="${color}" mask="url(#${mask})"/>`
  );
}

/** Small faint stars in the upper part of the picture. */
function stars(ctx, count, color, bottom = 0.45) {
  let out = '';
  for (let i = 0; i < count; i++) {
    const x = ctx.r(0, ctx.w);
    const y = ctx.r(0, ctx.h * bottom);
    const r = ctx.r(0.8, 2.2) * (ctx.w / 1200);
    out += `<circle cx="${f1(x)}" cy="${f1(y)}" r="${f1(r)}" fill="${color}" opacity="${ctx.r(0.35, 0.85).toFixed(2)}"/>`;
  }
  return out;
}

/** Catmull-Rom spline through points, as cubic Bézier path commands (without the first M). */
function smooth(points) {
  let d = '';
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[Math.max(0, i - 1)];
    const p1 = points[i];
    const p2 = points[i + 1];
    const p3 = points[Math.min(points.length - 1, i + 2)];
    const c1 = [p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6];
    const c2 = [p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6];
    d += `C${f1(c1[0])} ${f1(c1[1])} ${f1(c2[0])} ${f1(c2[1])} ${f1(p2[0])} ${f1(p2[1])}`;
  }
  return d;
}

/**
 * One ridge of hills. `base` and `amp` are fractions of the height; `waves` is how many gentle
 * bumps cross the picture. Returns the SVG and a function giving the ridge's y at any x.
 */
function ridge(ctx, { base, amp, waves = 2, color, shade = 0.18, dark = '#000000' }) {
  const phases = [ctx.r(0, Math.PI * 2), ctx.r(0, Math.PI * 2), ctx.r(0, Math.PI * 2)];
  const k = [waves, waves * 2.3, waves * 5.1];
  const weights = [1, 0.35, 0.12];
  const yAt = (x) => {
    const u = (x / ctx.w) * Math.PI * 2;
    let v = 0;
    for (let i = 0; i < 3; i++) v += weights[i] * Math.sin(u * k[i] * 0.5 + phases[i]);
    return ctx.h * (base - (amp * (v + 1.47)) / 2.94);
  };
  const pts = [];
  const n = 48;
  for (let i = 0; i <= n; i++) {
    const x = (i / n) * ctx.w;
    pts.push([x, yAt(x)]);
  }
  const top = Math.min(...pts.map((p) => p[1]));
  // The gradient runs from the ridge's top to the bottom of the picture.
  const grad = ctx.def(
    (gid) =>
      `<linearGradient id="${gid}" gradientUnits="userSpaceOnUse" x1="0" y1="${f1(top)}" x2="0" y2="${ctx.h}"><stop offset="0" stop-color="${color}"/><stop offset="1" stop-color="${mix(color, dark, shade)}"/></linearGradient>`,
  );
  const d = `M${f1(pts[0][0])} ${f1(pts[0][1])}${smooth(pts)}L${ctx.w} ${ctx.h}L0 ${ctx.h}Z`;
  return { svg: `<path d="${d}" fill="url(#${grad})"/>`, yAt };
}

/** Several ridges from far (light) to near (dark). Returns the SVG and the nearest ridge. */
function hills(ctx, colors, { from = 0.55, to = 0.92, amp = 0.12, waves = 2, dark = '#000000' } = {}) {
  let svg = '';
  let last;
  colors.forEach((color, i) => {
    const t = colors.length === 1 ? 0 : i / (colors.length - 1);
    last = ridge(ctx, {
      base: from + (to - from) * t,
      amp: amp * (1 - t * 0.35),
      waves: waves + i * 0.7,
      color,
      dark,
    });
    svg += last.svg;
  });
  return { svg, ridges: last };
}

/** A band of mist. */
function mist(ctx, y, height, color, opacity = 0.5) {
  const id = linear(ctx, [
    [0, color, 0],
    [0.5, color, opacity],
    [1, color, 0],
  ]);
  const f = blur(ctx, Math.round(height / 3));
  return `<rect x="${f1(-ctx.w * 0.1)}" y="${f1(y - height / 2)}" width="${f1(ctx.w * 1.2)}" height="${f1(height)}" fill="url(#${id})" filter="url(#${f})"/>`;
}

/** A small house with a pitched roof; `lit` gives its window a warm light. */
function house(ctx, x, groundY, size, { wall, roof, light, lit = false }) {
  const w = size;
  const h = size * 0.7;
  const roofH = size * 0.42;
  const top = groundY - h;
  let out = '';
  if (lit) out += glow(ctx, x, top + h * 0.45, size * 1.6, light, 0.55);
  out += `<rect x="${f1(x - w / 2)}" y="${f1(top)}" width="${f1(w)}" height="${f1(h + size * 0.1)}" fill="${wall}"/>`;
  out += `<path d="M${f1(x - w * 0.62)} ${f1(top + 1)}L${f1(x)} ${f1(top - roofH)}L${f1(x + w * 0.62)} ${f1(top + 1)}Z" fill="${roof}"/>`;
  const ww = w * 0.26;
  out += `<rect x="${f1(x - ww / 2 + w * 0.12)}" y="${f1(top + h * 0.25)}" width="${f1(ww)}" height="${f1(ww * 1.1)}" rx="${f1(ww * 0.08)}" fill="${lit ? light : mix(wall, '#000000', 0.25)}"/>`;
  return out;
}

/**
 * A winding road or path from the bottom edge up to a point near the horizon: a tapering band
 * along a gentle S-curve.
 */
function windingPath(ctx, { startX, endX, endY, widthBottom, widthTop, swings = 1.5, color, opacity = 1 }) {
  const n = 40;
  const left = [];
  const right = [];
  const swing = ctx.w * 0.12;
  const phase = ctx.r(0, Math.PI);
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const ease = t * t * (3 - 2 * t);
    const y = ctx.h + (endY - ctx.h) * (1 - (1 - t) ** 1.6);
    const x = startX + (endX - startX) * ease + Math.sin(t * Math.PI * swings + phase) * swing * (1 - t);
    const half = (widthBottom + (widthTop - widthBottom) * t) / 2;
    left.push([x - half, y]);
    right.push([x + half, y]);
  }
  right.reverse();
  const d = `M${f1(left[0][0])} ${f1(left[0][1])}${smooth(left)}L${f1(right[0][0])} ${f1(right[0][1])}${smooth(right)}Z`;
  return `<path d="${d}" fill="${color}" opacity="${opacity}"/>`;
}

/** An open book seen from slightly above. */
function openBook(ctx, cx, cy, width, { page, edge, lines }) {
  const h = width * 0.34;
  const half = width / 2;
  const lift = h * 0.16;
  const leftPage = `M${f1(cx)} ${f1(cy - h / 2 + lift)}Q${f1(cx - half * 0.45)} ${f1(cy - h / 2 - lift)} ${f1(cx - half)} ${f1(cy - h / 2)}L${f1(cx - half)} ${f1(cy + h / 2)}Q${f1(cx - half * 0.45)} ${f1(cy + h / 2 - lift)} ${f1(cx)} ${f1(cy + h / 2 + lift)}Z`;
  const rightPage = `M${f1(cx)} ${f1(cy - h / 2 + lift)}Q${f1(cx + half * 0.45)} ${f1(cy - h / 2 - lift)} ${f1(cx + half)} ${f1(cy - h / 2)}L${f1(cx + half)} ${f1(cy + h / 2)}Q${f1(cx + half * 0.45)} ${f1(cy + h / 2 - lift)} ${f1(cx)} ${f1(cy + h / 2 + lift)}Z`;
  let out = `<ellipse cx="${f1(cx)}" cy="${f1(cy + h * 0.62)}" rx="${f1(half * 1.05)}" ry="${f1(h * 0.12)}" fill="#000000" opacity="0.12"/>`;
  out += `<path d="M${f1(cx - half - 6)} ${f1(cy - h / 2 + 4)}L${f1(cx - half - 6)} ${f1(cy + h / 2 + 8)}Q${f1(cx - half * 0.45)} ${f1(cy + h / 2 + 2)} ${f1(cx)} ${f1(cy + h / 2 + lift + 8)}Q${f1(cx + half * 0.45)} ${f1(cy + h / 2 + 2)} ${f1(cx + half + 6)} ${f1(cy + h / 2 + 8)}L${f1(cx + half + 6)} ${f1(cy - h / 2 + 4)}Z" fill="${edge}"/>`;
  out += `<path d="${leftPage}" fill="${page}"/><path d="${rightPage}" fill="${mix(page, '#ffffff', 0.25)}"/>`;
  // Lines of "text": soft bars, not letters.
  for (let side = -1; side <= 1; side += 2) {
    for (let i = 0; i < 6; i++) {
      const y = cy - h * 0.3 + i * h * 0.11;
      const x0 = cx + side * half * 0.14;
      const len = half * ctx.r(0.55, 0.72);
      const x = side < 0 ? x0 - len : x0;
      out += `<rect x="${f1(x)}" y="${f1(y)}" width="${f1(len)}" height="${f1(h * 0.03)}" rx="${f1(h * 0.015)}" fill="${lines}" opacity="0.45"/>`;
    }
  }
  out += `<path d="M${f1(cx)} ${f1(cy - h / 2 + lift)}L${f1(cx)} ${f1(cy + h / 2 + lift)}" stroke="${mix(edge, '#000000', 0.2)}" stroke-width="${f1(width * 0.006)}" opacity="0.5"/>`;
  return out;
}

/** A stack of closed books (or notebooks). `bottomY` is where the stack rests. */
function bookStack(ctx, cx, bottomY, width, colors) {
  let out = `<ellipse cx="${f1(cx)}" cy="${f1(bottomY + 4)}" rx="${f1(width * 0.62)}" ry="${f1(width * 0.05)}" fill="#000000" opacity="0.15"/>`;
  let y = bottomY;
  colors.forEach((color, i) => {
    const h = width * ctx.r(0.075, 0.11);
    const w = width * ctx.r(0.86, 1);
    const dx = ctx.r(-0.05, 0.05) * width;
    const angle = ctx.r(-2.2, 2.2);
    y -= h;
    const x = cx - w / 2 + dx;
    out += `<g transform="rotate(${angle.toFixed(2)} ${f1(cx + dx)} ${f1(y + h / 2)})">`;
    out += `<rect x="${f1(x)}" y="${f1(y)}" width="${f1(w)}" height="${f1(h)}" rx="${f1(h * 0.18)}" fill="${color}"/>`;
    out += `<rect x="${f1(x + w * 0.04)}" y="${f1(y + h * 0.18)}" width="${f1(w * 0.9)}" height="${f1(h * 0.64)}" rx="${f1(h * 0.1)}" fill="#fbf6ea" opacity="${i % 2 ? 0.85 : 0.7}"/>`;
    out += `<rect x="${f1(x)}" y="${f1(y)}" width="${f1(w * 0.06)}" height="${f1(h)}" rx="${f1(h * 0.18)}" fill="${mix(color, '#000000', 0.15)}"/>`;
    out += `</g>`;
  });
  return { svg: out, top: y };
}

/** A desk lamp whose shade points down and to the left, with its cone of light on the desk. */
function deskLamp(ctx, baseX, baseY, size, { body, shade, light }) {
  const s = size;
  const elbow = [baseX + s * 0.18, baseY - s * 0.62];
  const head = [baseX - s * 0.12, baseY - s * 1.02];
  const tilt = 35; // degrees, clockwise: the shade's opening faces down and to the left
  const rad = (tilt * Math.PI) / 180;
  const down = [-Math.sin(rad), Math.cos(rad)];
  const across = [Math.cos(rad), Math.sin(rad)];
  const mouth = [head[0] + down[0] * s * 0.2, head[1] + down[1] * s * 0.2];
  const halfMouth = s * 0.19;
  const ends = [
    [mouth[0] - across[0] * halfMouth, mouth[1] - across[1] * halfMouth],
    [mouth[0] + across[0] * halfMouth, mouth[1] + across[1] * halfMouth],
  ];
  const poolX = mouth[0] - s * 0.42;
  let out = '';
  out += glow(ctx, poolX, baseY, s * 1.1, light, 0.45);
  const cone = linear(ctx, [
    [0, light, 0.5],
    [1, light, 0.12],
  ]);
  out += `<path d="M${f1(ends[0][0])} ${f1(ends[0][1])}L${f1(ends[1][0])} ${f1(ends[1][1])}L${f1(poolX + s * 0.5)} ${f1(baseY)}L${f1(poolX - s * 0.62)} ${f1(baseY)}Z" fill="url(#${cone})"/>`;
  out += `<ellipse cx="${f1(poolX)}" cy="${f1(baseY)}" rx="${f1(s * 0.62)}" ry="${f1(s * 0.07)}" fill="${light}" opacity="0.35"/>`;
  out += `<ellipse cx="${f1(baseX)}" cy="${f1(baseY)}" rx="${f1(s * 0.26)}" ry="${f1(s * 0.06)}" fill="${body}"/>`;
  out += `<path d="M${f1(baseX)} ${f1(baseY - s * 0.03)}L${f1(elbow[0])} ${f1(elbow[1])}L${f1(head[0])} ${f1(head[1])}" stroke="${body}" stroke-width="${f1(s * 0.045)}" fill="none" stroke-linecap="round" stroke-linejoin="round"/>`;
  out += `<circle cx="${f1(elbow[0])}" cy="${f1(elbow[1])}" r="${f1(s * 0.04)}" fill="${body}"/>`;
  out += `<g transform="rotate(${tilt} ${f1(head[0])} ${f1(head[1])})"><path d="M${f1(head[0] - s * 0.09)} ${f1(head[1] - s * 0.06)}L${f1(head[0] + s * 0.09)} ${f1(head[1] - s * 0.06)}L${f1(head[0] + s * 0.19)} ${f1(head[1] + s * 0.2)}L${f1(head[0] - s * 0.19)} ${f1(head[1] + s * 0.2)}Z" fill="${shade}"/><ellipse cx="${f1(head[0])}" cy="${f1(head[1] + s * 0.2)}" rx="${f1(s * 0.19)}" ry="${f1(s * 0.035)}" fill="${light}"/></g>`;
  out += `<circle cx="${f1(head[0])}" cy="${f1(head[1])}" r="${f1(s * 0.035)}" fill="${body}"/>`;
  return out;
}

/** A gear: teeth around a ring with a hole. */
function gear(ctx, cx, cy, radius, teeth, color, rotation = 0) {
  const inner = radius * 0.84;
  const pts = [];
  for (let i = 0; i < teeth; i++) {
    const a0 = (i / teeth) * 2 * Math.PI + (rotation * Math.PI) / 180;
    const step = (2 * Math.PI) / teeth;
    const angles = [a0, a0 + step * 0.12, a0 + step * 0.38, a0 + step * 0.5];
    const radii = [inner, radius, radius, inner];
    angles.forEach((a, j) => pts.push([cx + Math.cos(a) * radii[j], cy + Math.sin(a) * radii[j]]));
    pts.push([cx + Math.cos(a0 + step) * inner, cy + Math.sin(a0 + step) * inner]);
  }
  const outer = `M${pts.map((p) => `${f1(p[0])} ${f1(p[1])}`).join('L')}Z`;
  const hole = radius * 0.32;
  const holePath = `M${f1(cx + hole)} ${f1(cy)}A${f1(hole)} ${f1(hole)} 0 1 0 ${f1(cx - hole)} ${f1(cy)}A${f1(hole)} ${f1(hole)} 0 1 0 ${f1(cx + hole)} ${f1(cy)}Z`;
  return `<path d="${outer}${holePath}" fill="${color}" fill-rule="evenodd"/>`;
}

/** Rounded cards scattered at small angles. */
function cards(ctx, items) {
  return items
    .map(
      ({ x, y, w, h, color, angle }) =>
        `<g transform="rotate(${angle.toFixed(1)} ${f1(x + w / 2)} ${f1(y + h / 2)})"><rect x="${f1(x + w * 0.03)}" y="${f1(y + h * 0.05)}" width="${f1(w)}" height="${f1(h)}" rx="${f1(w * 0.12)}" fill="#000000" opacity="0.06"/><rect x="${f1(x)}" y="${f1(y)}" width="${f1(w)}" height="${f1(h)}" rx="${f1(w * 0.12)}" fill="${color}"/><circle cx="${f1(x + w / 2)}" cy="${f1(y + h * 0.42)}" r="${f1(w * 0.2)}" fill="#ffffff" opacity="0.55"/></g>`,
    )
    .join('');
}

/** A closed envelope seen from the back, at an angle. */
function envelope(ctx, cx, cy, w, angle, { paper, line }) {
  const h = w * 0.62;
  const x = cx - w / 2;
  const y = cy - h / 2;
  return `<g transform="rotate(${angle.toFixed(1)} ${f1(cx)} ${f1(cy)})"><rect x="${f1(x + w * 0.02)}" y="${f1(y + h * 0.05)}" width="${f1(w)}" height="${f1(h)}" rx="${f1(w * 0.02)}" fill="#000000" opacity="0.1"/><rect x="${f1(x)}" y="${f1(y)}" width="${f1(w)}" height="${f1(h)}" rx="${f1(w * 0.02)}" fill="${paper}"/><path d="M${f1(x)} ${f1(y + h)}L${f1(cx)} ${f1(y + h * 0.52)}L${f1(x + w)} ${f1(y + h)}" fill="none" stroke="${line}" stroke-width="${f1(w * 0.008)}" opacity="0.55"/><path d="M${f1(x)} ${f1(y)}L${f1(cx)} ${f1(y + h * 0.58)}L${f1(x + w)} ${f1(y)}Z" fill="${mix(paper, line, 0.12)}"/></g>`;
}

/** A young sprout: a stem and two leaves. */
function sprout(ctx, x, groundY, size, color) {
  const stemTop = groundY - size;
  const leaf = (dir) =>
    `<path d="M${f1(x)} ${f1(stemTop + size * 0.12)}Q${f1(x + dir * size * 0.55)} ${f1(stemTop - size * 0.25)} ${f1(x + dir * size * 0.78)} ${f1(stemTop + size * 0.02)}Q${f1(x + dir * size * 0.45)} ${f1(stemTop + size * 0.32)} ${f1(x)} ${f1(stemTop + size * 0.12)}Z" fill="${dir < 0 ? color : mix(color, '#ffffff', 0.18)}"/>`;
  return `<path d="M${f1(x)} ${f1(groundY)}Q${f1(x - size * 0.05)} ${f1(groundY - size * 0.5)} ${f1(x)} ${f1(stemTop + size * 0.12)}" stroke="${mix(color, '#000000', 0.12)}" stroke-width="${f1(size * 0.07)}" fill="none" stroke-linecap="round"/>${leaf(-1)}${leaf(1)}`;
}

/** A wooden planter box with a row of sprouts. */
function planter(ctx, x, y, w, h, { wood, soil, leaf }, sproutSize) {
  let out = `<rect x="${f1(x)}" y="${f1(y)}" width="${f1(w)}" height="${f1(h)}" rx="${f1(h * 0.08)}" fill="${wood}"/>`;
  out += `<rect x="${f1(x + w * 0.015)}" y="${f1(y)}" width="${f1(w * 0.97)}" height="${f1(h * 0.16)}" fill="${soil}"/>`;
  out += `<rect x="${f1(x)}" y="${f1(y + h * 0.55)}" width="${f1(w)}" height="${f1(h * 0.04)}" fill="${mix(wood, '#000000', 0.15)}" opacity="0.6"/>`;
  const count = Math.max(3, Math.round(w / (sproutSize * 1.7)));
  for (let i = 0; i < count; i++) {
    const sx = x + ((i + 0.5) / count) * w;
    out += sprout(ctx, sx, y + h * 0.06, sproutSize * ctx.r(0.8, 1.15), leaf);
  }
  return out;
}

/** A row of buildings against the sky; some windows lit. */
function skyline(ctx, baseY, { color, heights = [0.08, 0.2], window: windowColor, litRatio = 0 }) {
  let out = '';
  let x = -ctx.r(0, 30);
  while (x < ctx.w) {
    const bw = ctx.r(0.05, 0.11) * ctx.w;
    const bh = ctx.r(heights[0], heights[1]) * ctx.h;
    out += `<rect x="${f1(x)}" y="${f1(baseY - bh)}" width="${f1(bw + 1)}" height="${f1(bh + ctx.h)}" fill="${color}"/>`;
    if (windowColor) {
      const cols = Math.max(1, Math.floor(bw / 26));
      const rows = Math.max(1, Math.floor(bh / 34));
      for (let c = 0; c < cols; c++)
        for (let r = 0; r < rows; r++) {
          const lit = ctx.rnd() < litRatio;
          out += `<rect x="${f1(x + 8 + c * 26)}" y="${f1(baseY - bh + 10 + r * 34)}" width="10" height="14" fill="${lit ? windowColor : mix(color, '#ffffff', 0.08)}" opacity="${lit ? 0.9 : 0.5}"/>`;
        }
    }
    x += bw + ctx.r(0, 0.015) * ctx.w;
  }
  return out;
}

/** A rounded tree silhouette. */
function tree(ctx, x, groundY, size, color) {
  return `<rect x="${f1(x - size * 0.05)}" y="${f1(groundY - size * 0.6)}" width="${f1(size * 0.1)}" height="${f1(size * 0.6)}" fill="${color}"/><ellipse cx="${f1(x)}" cy="${f1(groundY - size * 0.85)}" rx="${f1(size * 0.38)}" ry="${f1(size * 0.48)}" fill="${color}"/>`;
}

/** A small van seen from the side. */
function van(ctx, x, groundY, size, { body, glass, wheel }) {
  const w = size;
  const h = size * 0.45;
  const y = groundY - h - size * 0.08;
  return `<ellipse cx="${f1(x + w / 2)}" cy="${f1(groundY)}" rx="${f1(w * 0.55)}" ry="${f1(size * 0.04)}" fill="#000000" opacity="0.15"/><path d="M${f1(x)} ${f1(y + h)}L${f1(x)} ${f1(y + h * 0.15)}Q${f1(x)} ${f1(y)} ${f1(x + w * 0.1)} ${f1(y)}L${f1(x + w * 0.72)} ${f1(y)}Q${f1(x + w * 0.8)} ${f1(y)} ${f1(x + w * 0.86)} ${f1(y + h * 0.35)}L${f1(x + w)} ${f1(y + h * 0.5)}L${f1(x + w)} ${f1(y + h)}Z" fill="${body}"/><rect x="${f1(x + w * 0.08)}" y="${f1(y + h * 0.14)}" width="${f1(w * 0.52)}" height="${f1(h * 0.3)}" rx="${f1(h * 0.05)}" fill="${glass}"/><path d="M${f1(x + w * 0.66)} ${f1(y + h * 0.14)}L${f1(x + w * 0.74)} ${f1(y + h * 0.14)}L${f1(x + w * 0.82)} ${f1(y + h * 0.44)}L${f1(x + w * 0.66)} ${f1(y + h * 0.44)}Z" fill="${glass}"/><circle cx="${f1(x + w * 0.22)}" cy="${f1(y + h)}" r="${f1(size * 0.09)}" fill="${wheel}"/><circle cx="${f1(x + w * 0.78)}" cy="${f1(y + h)}" r="${f1(size * 0.09)}" fill="${wheel}"/>`;
}

/** A quiet vignette that darkens the corners a little. */
function vignette(ctx, strength = 0.18) {
  const id = ctx.def(
    (gid) =>
      `<radialGradient id="${gid}" cx="0.5" cy="0.5" r="0.75"><stop offset="0.6" stop-color="#000000" stop-opacity="0"/><stop offset="1" stop-color="#000000" stop-opacity="${strength}"/></radialGradient>`,
  );
  return `<rect width="${ctx.w}" height="${ctx.h}" fill="url(#${id})"/>`;
}

// ---------------------------------------------------------------------------------------------
// Scenes. Each takes a context and returns the SVG body. Keys are paths under content/.

const dusk = {
  sky: ['#26304a', '#5a5878', '#c98f7f', '#efc49a'],
  hills: ['#7d7f98', '#5c627c', '#434a63', '#2c3249', '#1d2236'],
  moon: '#f8ecc8',
  light: '#ffcf7a',
};

/** Mountains at dusk, a lit window on the slope, a crescent moon (山里的灯, 林秋云). */
function litWindowInHills(ctx, { moonAt = [0.78, 0.2], houseAt = 0.58, path = false } = {}) {
  const { w, h } = ctx;
  let out = sky(ctx, dusk.sky);
  out += stars(ctx, Math.round((w * h) / 40000), '#fff8e6', 0.4);
  out += crescent(ctx, w * moonAt[0], h * moonAt[1], Math.min(w, h) * 0.05, dusk.moon);
  const far = hills(ctx, dusk.hills.slice(0, 3), { from: 0.5, to: 0.68, amp: 0.16, dark: '#10131f' });
  out += far.svg;
  out += mist(ctx, h * 0.7, h * 0.12, '#e9d6d0', 0.35);
  const near = ridge(ctx, { base: 0.9, amp: 0.16, waves: 1.4, color: dusk.hills[3], dark: '#0b0d16' });
  out += near.svg;
  const hx = w * houseAt;
  out += house(ctx, hx, near.yAt(hx) + Math.min(w, h) * 0.012, Math.min(w, h) * 0.085, {
    wall: '#3b3a4c',
    roof: '#1f2233',
    light: dusk.light,
    lit: true,
  });
  if (path) {
    out += windingPath(ctx, {
      startX: w * 0.35,
      endX: hx,
      endY: near.yAt(hx) + Math.min(w, h) * 0.02,
      widthBottom: w * 0.16,
      widthTop: w * 0.008,
      color: '#8a7d86',
      opacity: 0.55,
    });
  }
  out += ridge(ctx, { base: 1.02, amp: 0.08, waves: 1.1, color: dusk.hills[4], dark: '#05060b' }).svg;
  return out + vignette(ctx, 0.22);
}

/** Morning light, low city roofs, an open book on a table (念对每一个名字, 何慧贞). */
function bookInMorning(ctx, { rooftops = true, bookAt = 0.72, sunAt = [0.7, 0.3] } = {}) {
  const { w, h } = ctx;
  let out = sky(ctx, ['#f3d9c0', '#f8e8d6', '#fcf4ea']);
  out += sun(ctx, w * sunAt[0], h * sunAt[1], Math.min(w, h) * 0.09, '#f4b97f', 0.4);
  if (rooftops) {
    out += skyline(ctx, h * 0.6, { color: '#e2cbb6', heights: [0.06, 0.16] });
    out += skyline(ctx, h * 0.64, { color: '#d3b79f', heights: [0.03, 0.1] });
  } else {
    out += hills(ctx, ['#ead2bd', '#dcbfa6'], { from: 0.55, to: 0.62, amp: 0.08 }).svg;
  }
  out += tableTop(ctx, h * 0.64, ['#efe1cf', '#dcc6ae']);
  out += openBook(ctx, w * 0.5, h * bookAt, Math.min(w * 0.62, h * 1.05), {
    page: '#fffaf1',
    edge: '#a5765a',
    lines: '#b89a84',
  });
  return out + vignette(ctx, 0.12);
}

const greenMist = {
  sky: ['#dce8e0', '#edf2e6', '#f8efd2'],
  hills: ['#b9cdb9', '#98b7a0', '#739a7f', '#4f7b5e', '#355c44'],
  sun: '#f2d27e',
};

/** Misty green hills, a path winding into the distance, small houses (家访本上的山路, 罗振山). */
function pathOverHills(ctx, { houses = 0, sunAt = [0.62, 0.24] } = {}) {
  const { w, h } = ctx;
  let out = sky(ctx, greenMist.sky);
  out += sun(ctx, w * sunAt[0], h * sunAt[1], Math.min(w, h) * 0.07, greenMist.sun, 0.5);
  const layers = hills(ctx, greenMist.hills.slice(0, 3), { from: 0.45, to: 0.62, amp: 0.15, dark: '#203528' });
  out += layers.svg;
  out += mist(ctx, h * 0.6, h * 0.14, '#f6f3e8', 0.65);
  const mid = ridge(ctx, { base: 0.78, amp: 0.12, waves: 1.6, color: greenMist.hills[3], dark: '#1a2e21' });
  out += mid.svg;
  for (let i = 0; i < houses; i++) {
    const x = w * (0.18 + (0.64 * (i + 0.5)) / houses + ctx.r(-0.04, 0.04));
    out += house(ctx, x, mid.yAt(x) + h * 0.015, Math.min(w, h) * ctx.r(0.035, 0.05), {
      wall: '#eae3d2',
      roof: '#5b6b63',
      light: '#ffd98f',
    });
  }
  out += mist(ctx, h * 0.8, h * 0.08, '#f3f1e6', 0.35);
  const near = ridge(ctx, { base: 1, amp: 0.14, waves: 1.2, color: greenMist.hills[4], dark: '#0f1e15' });
  out += near.svg;
  out += windingPath(ctx, {
    startX: w * 0.55,
    endX: w * 0.36,
    endY: h * 0.62,
    widthBottom: w * 0.14,
    widthTop: w * 0.006,
    swings: 2.2,
    color: '#efe6cf',
    opacity: 0.85,
  });
  return out + vignette(ctx, 0.14);
}

const pastel = {
  sky: ['#e6d5e8', '#f1e2eb', '#fbeee8'],
  hills: ['#dccbe2', '#cdb7d9'],
  cards: ['#f5c6c6', '#c7e3dc', '#fae0ab', '#c4d7ef', '#e0cbef', '#f7d3b5'],
  sprout: '#79b57a',
};

/** Soft pastel sky, picture cards, a faint hill line, optionally a sprout (慢慢来, 沈若竹). */
function cardsAndSprout(ctx, { sproutAt = null, cardCount = 6, cardArea = [0.12, 0.88, 0.12, 0.55], sunAt = [0.8, 0.18] } = {}) {
  const { w, h } = ctx;
  let out = sky(ctx, pastel.sky);
  if (sunAt) out += sun(ctx, w * sunAt[0], h * sunAt[1], Math.min(w, h) * 0.06, '#fff6ee', 0.55);
  out += hills(ctx, pastel.hills, { from: 0.72, to: 0.82, amp: 0.08, dark: '#6b4f7a' }).svg;
  const items = [];
  const size = Math.min(w, h) * 0.17;
  const [x0, x1, y0, y1] = cardArea;
  const cols = Math.ceil(cardCount / 2);
  for (let i = 0; i < cardCount; i++) {
    const col = i % cols;
    const row = Math.floor(i / cols);
    const cx = w * (x0 + ((x1 - x0) * (col + 0.5)) / cols) + ctx.r(-0.02, 0.02) * w;
    const cy = h * (y0 + ((y1 - y0) * (row + 0.5)) / 2) + ctx.r(-0.03, 0.03) * h;
    items.push({
      x: cx - size / 2,
      y: cy - size * 0.6,
      w: size,
      h: size * 1.2,
      color: pastel.cards[i % pastel.cards.length],
      angle: ctx.r(-9, 9),
    });
  }
  out += cards(ctx, items);
  const groundY = h * 0.9;
  const ground = linear(ctx, [
    [0, '#cdb8a6'],
    [1, '#b59d89'],
  ]);
  out += `<path d="M0 ${f1(groundY)}Q${f1(w / 2)} ${f1(groundY - h * 0.03)} ${w} ${f1(groundY)}L${w} ${h}L0 ${h}Z" fill="url(#${ground})"/>`;
  if (sproutAt) out += sprout(ctx, w * sproutAt, groundY - h * 0.01, Math.min(w, h) * 0.16, pastel.sprout);
  return out;
}

const valley = {
  sky: ['#c9e4f1', '#e3f1ee', '#f8f3dc'],
  hills: ['#b5d9bb', '#8fc79c', '#6aae7c', '#4b8f5f', '#34724a'],
  road: '#f2ebda',
  sun: '#fffbe8',
};

/** An early-summer valley with a road, a small van and maybe houses (每周三的课表, 宋立平). */
function roadThroughValley(ctx, { withVan = true, houses = 0, litHouse = -1, sunAt = [0.22, 0.2] } = {}) {
  const { w, h } = ctx;
  let out = sky(ctx, valley.sky);
  out += sun(ctx, w * sunAt[0], h * sunAt[1], Math.min(w, h) * 0.065, valley.sun, 0.55);
  out += hills(ctx, valley.hills.slice(0, 3), { from: 0.42, to: 0.6, amp: 0.16, dark: '#173322' }).svg;
  const mid = ridge(ctx, { base: 0.74, amp: 0.1, waves: 1.5, color: valley.hills[3], dark: '#13291b' });
  out += mid.svg;
  for (let i = 0; i < houses; i++) {
    const x = w * (0.2 + (0.6 * (i + 0.5)) / houses + ctx.r(-0.03, 0.03));
    out += house(ctx, x, mid.yAt(x) + h * 0.02, Math.min(w, h) * ctx.r(0.05, 0.065), {
      wall: '#f3eee2',
      roof: '#7a6a5e',
      light: '#ffd27a',
      lit: i === litHouse,
    });
  }
  const near = ridge(ctx, { base: 0.98, amp: 0.12, waves: 1.1, color: valley.hills[4], dark: '#0c1c12' });
  out += near.svg;
  const endY = mid.yAt(w * 0.62) + h * 0.03;
  out += windingPath(ctx, {
    startX: w * 0.4,
    endX: w * 0.62,
    endY,
    widthBottom: w * 0.2,
    widthTop: w * 0.01,
    swings: 1.6,
    color: valley.road,
  });
  if (withVan) {
    out += van(ctx, w * 0.47, h * 0.86, Math.min(w, h) * 0.13, { body: '#ffffff', glass: '#9cc3d6', wheel: '#3b4a44' });
  }
  return out + vignette(ctx, 0.12);
}

const steel = {
  sky: ['#364458', '#6f7b8f', '#c99a7c', '#f2a766'],
  factory: ['#556174', '#3c4759'],
  gear: '#242d3b',
  sun: '#ffb16b',
};

/** Steel-blue dawn, a factory skyline, one or two gears in silhouette (车间里的讲台, 邵建国). */
function gearsAtDawn(ctx, { gears = 2 } = {}) {
  const { w, h } = ctx;
  let out = sky(ctx, steel.sky);
  out += sun(ctx, w * 0.66, h * 0.74, Math.min(w, h) * 0.12, steel.sun, 0.55);
  out += skyline(ctx, h * 0.8, { color: steel.factory[0], heights: [0.08, 0.22], window: '#ffcf8a', litRatio: 0.12 });
  // Chimneys.
  for (let i = 0; i < 3; i++) {
    const x = w * (0.12 + i * 0.3 + ctx.r(0, 0.06));
    const cw = w * 0.018;
    const ch = h * ctx.r(0.2, 0.3);
    out += `<rect x="${f1(x)}" y="${f1(h * 0.8 - ch)}" width="${f1(cw)}" height="${f1(ch)}" fill="${steel.factory[1]}"/>`;
  }
  out += `<rect x="0" y="${f1(h * 0.8)}" width="${w}" height="${f1(h * 0.2)}" fill="${steel.factory[1]}"/>`;
  const r = Math.min(w, h) * (gears === 1 ? 0.3 : 0.26);
  const gx = gears === 1 ? w * 0.5 : w * 0.3;
  const gy = h * (gears === 1 ? 0.56 : 0.62);
  out += gear(ctx, gx, gy, r, 16, steel.gear, 4);
  if (gears > 1) {
    const r2 = r * 0.62;
    // Place the second gear so that the teeth mesh.
    const d = (r + r2) * 0.93;
    out += gear(ctx, gx + d * Math.cos(-0.5), gy + d * Math.sin(-0.5), r2, 10, '#2d3747', 12);
  }
  return out + vignette(ctx, 0.2);
}

/** A warm desk by a window at dawn: a stack of old notebooks under a lamp (借来的听课本, 许清和). */
function lampAndNotebooks(ctx, { windowSky = true, stackAt = 0.62 } = {}) {
  const { w, h } = ctx;
  let out = sky(ctx, ['#efe1cb', '#e6d2b6']);
  if (windowSky) {
    // A window in the wall, showing a pale morning.
    const wx = w * 0.08;
    const wy = h * 0.1;
    const ww = w * 0.42;
    const wh = h * 0.46;
    out += `<rect x="${f1(wx - 12)}" y="${f1(wy - 12)}" width="${f1(ww + 24)}" height="${f1(wh + 24)}" rx="6" fill="#cdb595"/>`;
    const pane = linear(ctx, [
      [0, '#bcd4ea'],
      [1, '#e9eff0'],
    ]);
    out += `<rect x="${f1(wx)}" y="${f1(wy)}" width="${f1(ww)}" height="${f1(wh)}" fill="url(#${pane})"/>`;
    out += `<g clip-path="url(#${ctx.def((id) => `<clipPath id="${id}"><rect x="${f1(wx)}" y="${f1(wy)}" width="${f1(ww)}" height="${f1(wh)}"/></clipPath>`)})">`;
    out += `<path d="M${f1(wx)} ${f1(wy + wh * 0.78)}Q${f1(wx + ww * 0.3)} ${f1(wy + wh * 0.58)} ${f1(wx + ww * 0.6)} ${f1(wy + wh * 0.74)}T${f1(wx + ww)} ${f1(wy + wh * 0.66)}L${f1(wx + ww)} ${f1(wy + wh)}L${f1(wx)} ${f1(wy + wh)}Z" fill="#a9c1cf"/>`;
    out += `<path d="M${f1(wx)} ${f1(wy + wh * 0.9)}Q${f1(wx + ww * 0.4)} ${f1(wy + wh * 0.76)} ${f1(wx + ww)} ${f1(wy + wh * 0.88)}L${f1(wx + ww)} ${f1(wy + wh)}L${f1(wx)} ${f1(wy + wh)}Z" fill="#8fabb9"/>`;
    out += `</g>`;
    out += `<rect x="${f1(wx + ww / 2 - 5)}" y="${f1(wy)}" width="10" height="${f1(wh)}" fill="#cdb595"/>`;
    out += `<rect x="${f1(wx)}" y="${f1(wy + wh / 2 - 5)}" width="${f1(ww)}" height="10" fill="#cdb595"/>`;
  }
  const deskY = h * 0.7;
  const desk = linear(ctx, [
    [0, '#b98a63'],
    [1, '#8f6445'],
  ]);
  out += `<rect x="0" y="${f1(deskY)}" width="${w}" height="${f1(h - deskY)}" fill="url(#${desk})"/>`;
  out += `<rect x="0" y="${f1(deskY)}" width="${w}" height="${f1(h * 0.012)}" fill="#d3a67c" opacity="0.6"/>`;
  const size = Math.min(w, h);
  out += deskLamp(ctx, w * 0.86, deskY + h * 0.04, size * 0.5, { body: '#3c3a3f', shade: '#2f5a4f', light: '#ffd98a' });
  const stack = bookStack(ctx, w * stackAt, deskY + h * 0.08, size * 0.5, [
    '#7a4e3a',
    '#4f6d7a',
    '#a8733f',
    '#5c7a52',
    '#8c5a5a',
    '#c2a26a',
  ]);
  out += stack.svg;
  return out + vignette(ctx, 0.2);
}

/** A school building at night with one lit window, trees and stars (没有门牌的工作室). */
function nightSchool(ctx) {
  const { w, h } = ctx;
  let out = sky(ctx, ['#0e1830', '#1b2b4e', '#2f456f']);
  out += stars(ctx, Math.round((w * h) / 26000), '#f5f0dc', 0.5);
  out += sun(ctx, w * 0.16, h * 0.18, Math.min(w, h) * 0.045, '#e9e4cf', 0.25);
  // Distant roofs.
  out += skyline(ctx, h * 0.82, { color: '#1a2644', heights: [0.05, 0.14] });
  // The school: three floors of windows; one at the top right is lit.
  const bx = w * 0.24;
  const by = h * 0.32;
  const bw = w * 0.56;
  const bh = h * 0.52;
  out += `<rect x="${f1(bx)}" y="${f1(by)}" width="${f1(bw)}" height="${f1(bh + h)}" fill="#16213c"/>`;
  out += `<rect x="${f1(bx - w * 0.01)}" y="${f1(by - h * 0.02)}" width="${f1(bw + w * 0.02)}" height="${f1(h * 0.025)}" fill="#1e2a48"/>`;
  const cols = 7;
  const rows = 3;
  const cw = bw / cols;
  const rh = bh / (rows + 0.4);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const lit = r === 0 && c === cols - 1;
      const x = bx + c * cw + cw * 0.2;
      const y = by + h * 0.05 + r * rh;
      if (lit) out += glow(ctx, x + cw * 0.3, y + rh * 0.28, cw * 1.6, '#ffcf7a', 0.55);
      out += `<rect x="${f1(x)}" y="${f1(y)}" width="${f1(cw * 0.6)}" height="${f1(rh * 0.55)}" rx="3" fill="${lit ? '#ffd68a' : '#223056'}"/>`;
    }
  const groundY = h * 0.9;
  out += `<rect x="0" y="${f1(groundY)}" width="${w}" height="${f1(h - groundY)}" fill="#0b1326"/>`;
  for (let i = 0; i < 5; i++) {
    const x = w * (0.06 + i * 0.22 + ctx.r(-0.03, 0.03));
    out += tree(ctx, x, groundY + 2, h * ctx.r(0.22, 0.3), '#0a1122');
  }
  return out + vignette(ctx, 0.25);
}

const violet = {
  sky: ['#43395f', '#7a6a9a', '#c9a6b8', '#eccbc4'],
  hills: ['#6d5e8a', '#564872'],
  moon: '#fbf3dc',
  paper: ['#f7efe3', '#efe3d1', '#faf5ec', '#f2e6d8'],
  line: '#8a6f6a',
};

/** A violet dusk with a full moon and envelopes in the foreground (四十七封回信, 苏曼). */
function moonAndLetters(ctx, { count = 4 } = {}) {
  const { w, h } = ctx;
  let out = sky(ctx, violet.sky);
  out += stars(ctx, Math.round((w * h) / 60000), '#fff6ea', 0.35);
  out += sun(ctx, w * 0.72, h * 0.24, Math.min(w, h) * 0.08, violet.moon, 0.35);
  out += hills(ctx, violet.hills, { from: 0.6, to: 0.7, amp: 0.1, dark: '#1d1530' }).svg;
  out += tableTop(ctx, h * 0.7, ['#b79a9c', '#8c6f7c']);
  const ew = Math.min(w * 0.34, h * 0.5);
  for (let i = 0; i < count; i++) {
    const cx = w * (0.5 + (i - (count - 1) / 2) * 0.16) + ctx.r(-0.02, 0.02) * w;
    const cy = h * 0.8 + ctx.r(-0.03, 0.03) * h - (i % 2) * h * 0.03;
    out += envelope(ctx, cx, cy, ew * ctx.r(0.85, 1), ctx.r(-14, 14), { paper: violet.paper[i % violet.paper.length], line: violet.line });
  }
  return out + vignette(ctx, 0.16);
}

/** A stack of envelopes and a little wooden letterbox under warm light (四十七封回信 figure). */
function lettersOnDesk(ctx) {
  const { w, h } = ctx;
  let out = sky(ctx, ['#e9d7c4', '#dcc3ab']);
  out += glow(ctx, w * 0.45, h * 0.25, Math.min(w, h) * 0.9, '#ffe2a8', 0.5);
  const deskY = h * 0.66;
  const desk = linear(ctx, [
    [0, '#b08660'],
    [1, '#8a6244'],
  ]);
  out += `<rect x="0" y="${f1(deskY)}" width="${w}" height="${f1(h - deskY)}" fill="url(#${desk})"/>`;
  const ew = w * 0.32;
  for (let i = 0; i < 7; i++) {
    out += envelope(ctx, w * 0.38 + ctx.r(-6, 6), deskY + h * 0.1 - i * h * 0.035, ew, ctx.r(-3, 3), {
      paper: violet.paper[i % violet.paper.length],
      line: '#9b7d6b',
    });
  }
  // The letterbox: a small wooden box with a slot.
  const bx = w * 0.64;
  const bw = w * 0.2;
  const bh = h * 0.3;
  const by = deskY + h * 0.12 - bh;
  out += `<rect x="${f1(bx)}" y="${f1(by)}" width="${f1(bw)}" height="${f1(bh)}" rx="8" fill="#9a6a43"/>`;
  out += `<path d="M${f1(bx - 8)} ${f1(by + 4)}L${f1(bx + bw / 2)} ${f1(by - bh * 0.22)}L${f1(bx + bw + 8)} ${f1(by + 4)}Z" fill="#7d5433"/>`;
  out += `<rect x="${f1(bx + bw * 0.25)}" y="${f1(by + bh * 0.2)}" width="${f1(bw * 0.5)}" height="${f1(bh * 0.05)}" rx="3" fill="#3e2818"/>`;
  out += `<rect x="${f1(bx + bw * 0.08)}" y="${f1(by + bh * 0.45)}" width="${f1(bw * 0.84)}" height="${f1(bh * 0.02)}" fill="#7d5433" opacity="0.6"/>`;
  return out + vignette(ctx, 0.2);
}

const rooftop = {
  sky: ['#b9ddf0', '#e1f1f6', '#fbf4e0'],
  city: ['#c9d5de', '#b1c1cd'],
  roof: '#d9ccb9',
  planter: { wood: '#a9794d', soil: '#5e4331', leaf: '#5fb36a' },
  sun: '#ffd27a',
};

/** Rooftop planters with rows of seedlings above a city (楼顶上的半亩田, 孟春生). */
function rooftopGarden(ctx, { rows = 2, sunAt = [0.8, 0.2], closeUp = false } = {}) {
  const { w, h } = ctx;
  let out = sky(ctx, rooftop.sky);
  out += sun(ctx, w * sunAt[0], h * sunAt[1], Math.min(w, h) * 0.07, rooftop.sun, 0.5);
  out += skyline(ctx, h * 0.56, { color: rooftop.city[0], heights: [0.1, 0.26], window: '#e7eef3', litRatio: 0.3 });
  out += skyline(ctx, h * 0.6, { color: rooftop.city[1], heights: [0.04, 0.12] });
  const roofY = h * 0.6;
  out += `<rect x="0" y="${f1(roofY)}" width="${w}" height="${f1(h - roofY)}" fill="${rooftop.roof}"/>`;
  out += `<rect x="0" y="${f1(roofY)}" width="${w}" height="${f1(h * 0.02)}" fill="#bfb19c"/>`;
  const size = Math.min(w, h);
  for (let r = 0; r < rows; r++) {
    const t = rows === 1 ? 1 : r / (rows - 1);
    const y = closeUp ? h * (0.7 + t * 0.12) : h * (0.68 + t * 0.16);
    const bh = size * (closeUp ? 0.14 : 0.08) * (0.75 + t * 0.35);
    const inset = w * (0.12 - t * 0.08);
    const gap = w * 0.04;
    const boxes = closeUp ? 2 : 3;
    const bw = (w - inset * 2 - gap * (boxes - 1)) / boxes;
    for (let b = 0; b < boxes; b++) {
      out += planter(ctx, inset + b * (bw + gap), y, bw, bh, rooftop.planter, size * (closeUp ? 0.09 : 0.05) * (0.8 + t * 0.4));
    }
  }
  return out + vignette(ctx, 0.12);
}

/** The book's cover: night hills, a pale gold full moon, one lamp lit in the valley (仰望). */
function yangwangCover(ctx) {
  const { w, h } = ctx;
  let out = sky(ctx, ['#0f1b36', '#1d3160', '#3a4f86', '#7c7ea6']);
  out += stars(ctx, 90, '#f4efdc', 0.45);
  out += sun(ctx, w * 0.5, h * 0.26, w * 0.13, '#f3dfa2', 0.35);
  const layers = hills(ctx, ['#4c5b8a', '#3a4776', '#2b3660', '#1e274b'], { from: 0.56, to: 0.74, amp: 0.12, dark: '#060a18' });
  out += layers.svg;
  out += mist(ctx, h * 0.74, h * 0.06, '#b8bdd8', 0.3);
  const near = ridge(ctx, { base: 0.9, amp: 0.12, waves: 1.3, color: '#141b37', dark: '#04060f' });
  out += near.svg;
  const hx = w * 0.6;
  out += house(ctx, hx, near.yAt(hx) + h * 0.008, w * 0.07, { wall: '#262b45', roof: '#10142a', light: '#ffcf7a', lit: true });
  out += ridge(ctx, { base: 1.02, amp: 0.06, waves: 1, color: '#0b1026', dark: '#020308' }).svg;
  return out + vignette(ctx, 0.25);
}

const SCENES = {
  'collections/yangwang-cover.jpg': yangwangCover,

  'stories/shan-li-de-deng/cover.jpg': (ctx) => litWindowInHills(ctx),
  'stories/shan-li-de-deng/photo-1.jpg': (ctx) => litWindowInHills(ctx, { moonAt: [0.2, 0.18], houseAt: 0.62, path: true }),
  'stories/nian-dui-mei-yi-ge-ming-zi/cover.jpg': (ctx) => bookInMorning(ctx),
  'stories/jia-fang-ben-shang-de-shan-lu/cover.jpg': (ctx) => pathOverHills(ctx),
  'stories/jia-fang-ben-shang-de-shan-lu/photo-1.jpg': (ctx) => pathOverHills(ctx, { houses: 4, sunAt: [0.8, 0.18] }),
  'stories/man-man-lai/cover.jpg': (ctx) => cardsAndSprout(ctx, { sproutAt: 0.5, cardCount: 0 }),
  'stories/man-man-lai/photo-1.jpg': (ctx) => cardsAndSprout(ctx, { cardCount: 6, cardArea: [0.1, 0.9, 0.1, 0.62], sunAt: null }),
  'stories/mei-zhou-san-de-ke-biao/cover.jpg': (ctx) => roadThroughValley(ctx),
  'stories/mei-zhou-san-de-ke-biao/photo-1.jpg': (ctx) =>
    roadThroughValley(ctx, { withVan: false, houses: 4, litHouse: 2, sunAt: [0.78, 0.16] }),
  'stories/che-jian-li-de-jiang-tai/cover.jpg': (ctx) => gearsAtDawn(ctx, { gears: 2 }),
  'stories/jie-lai-de-ting-ke-ben/cover.jpg': (ctx) => lampAndNotebooks(ctx),
  'stories/mei-you-men-pai-de-gong-zuo-shi/cover.jpg': nightSchool,
  'stories/si-shi-qi-feng-hui-xin/cover.jpg': (ctx) => moonAndLetters(ctx, { count: 4 }),
  'stories/si-shi-qi-feng-hui-xin/photo-1.jpg': lettersOnDesk,
  'stories/lou-ding-shang-de-ban-mu-tian/cover.jpg': (ctx) => rooftopGarden(ctx, { rows: 2 }),
  'stories/lou-ding-shang-de-ban-mu-tian/photo-1.jpg': (ctx) => rooftopGarden(ctx, { rows: 2, closeUp: true, sunAt: [0.18, 0.16] }),

  'teachers/lin-qiuyun/portrait.jpg': (ctx) => litWindowInHills(ctx, { moonAt: [0.7, 0.16], houseAt: 0.45 }),
  'teachers/he-huizhen/portrait.jpg': (ctx) => bookInMorning(ctx, { rooftops: false, bookAt: 0.74, sunAt: [0.5, 0.36] }),
  'teachers/luo-zhenshan/portrait.jpg': (ctx) => pathOverHills(ctx, { sunAt: [0.5, 0.2] }),
  'teachers/shen-ruozhu/portrait.jpg': (ctx) =>
    cardsAndSprout(ctx, { sproutAt: 0.5, cardCount: 4, cardArea: [0.12, 0.88, 0.1, 0.56], sunAt: null }),
  'teachers/song-liping/portrait.jpg': (ctx) => roadThroughValley(ctx, { withVan: false, sunAt: [0.5, 0.16] }),
  'teachers/shao-jianguo/portrait.jpg': (ctx) => gearsAtDawn(ctx, { gears: 1 }),
  'teachers/xu-qinghe/portrait.jpg': (ctx) => nightDeskLamp(ctx),
  'teachers/jiang-yifan/portrait.jpg': (ctx) => bookWithLeaves(ctx),
  'teachers/su-man/portrait.jpg': (ctx) => moonAndLetters(ctx, { count: 3 }),
  'teachers/meng-chunsheng/portrait.jpg': (ctx) => rooftopGarden(ctx, { rows: 2, sunAt: [0.5, 0.18] }),
};

/** Night: a lamp's warm light on a tall stack of books (许清和's portrait). */
function nightDeskLamp(ctx) {
  const { w, h } = ctx;
  let out = sky(ctx, ['#101a33', '#1c2a4d', '#27365c']);
  out += glow(ctx, w * 0.45, h * 0.62, Math.min(w, h) * 0.7, '#ffcf7a', 0.35);
  const deskY = h * 0.74;
  const desk = linear(ctx, [
    [0, '#4a3424'],
    [1, '#2b1d14'],
  ]);
  out += `<rect x="0" y="${f1(deskY)}" width="${w}" height="${f1(h - deskY)}" fill="url(#${desk})"/>`;
  const size = Math.min(w, h);
  out += deskLamp(ctx, w * 0.78, deskY + h * 0.03, size * 0.62, { body: '#1a1a20', shade: '#2f5a4f', light: '#ffd98a' });
  out += bookStack(ctx, w * 0.4, deskY + h * 0.06, size * 0.56, [
    '#7a4e3a',
    '#4f6d7a',
    '#a8733f',
    '#5c7a52',
    '#8c5a5a',
    '#c2a26a',
    '#6b5a7a',
    '#9a7a4a',
  ]).svg;
  return out + vignette(ctx, 0.3);
}

/** Morning: an open book with a few young leaves unfolding above it (江一帆's portrait). */
function bookWithLeaves(ctx) {
  const { w, h } = ctx;
  let out = sky(ctx, ['#cfe2f2', '#e6f0f4', '#f8f6ea']);
  out += sun(ctx, w * 0.7, h * 0.2, Math.min(w, h) * 0.08, '#fff1c4', 0.5);
  out += hills(ctx, ['#d7e6e0', '#c2d8cf'], { from: 0.56, to: 0.62, amp: 0.07 }).svg;
  out += tableTop(ctx, h * 0.64, ['#efe6d6', '#dccfb8']);
  const bookY = h * 0.78;
  const size = Math.min(w, h);
  for (let i = 0; i < 3; i++) {
    out += sprout(ctx, w * (0.4 + i * 0.1), bookY - size * 0.1, size * (0.16 + (i === 1 ? 0.08 : 0)), i === 1 ? '#6cb36f' : '#8cc98a');
  }
  out += openBook(ctx, w * 0.5, bookY, w * 0.84, { page: '#fffdf6', edge: '#6f8fa6', lines: '#9fb2c0' });
  return out + vignette(ctx, 0.1);
}

/** Used for an image no scene is written for yet: hills and a sun in colours picked by its path. */
function fallbackScene(ctx, key) {
  const palettes = [dusk, greenMist, valley, violet];
  const p = palettes[hash(key) % palettes.length];
  const { w, h } = ctx;
  let out = sky(ctx, p.sky);
  out += sun(ctx, w * ctx.r(0.2, 0.8), h * ctx.r(0.15, 0.3), Math.min(w, h) * 0.07, p.sun ?? p.moon ?? '#fff3d0', 0.45);
  out += hills(ctx, p.hills, { from: 0.55, to: 0.95, amp: 0.14 }).svg;
  return out + vignette(ctx, 0.15);
}

// ---------------------------------------------------------------------------------------------
// Finding the images the content references

function frontmatter(source) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  return match ? YAML.parse(match[1]) : {};
}

/** Attributes of every `<Figure … />` in an MDX body. */
function figures(source) {
  const out = [];
  for (const m of source.matchAll(/<Figure\b([^>]*)\/?>/g)) {
    const attributes = {};
    for (const a of m[1].matchAll(/([A-Za-z]+)="([^"]*)"/g)) attributes[a[1]] = a[2];
    out.push(attributes);
  }
  return out;
}

async function listDirs(dir) {
  try {
    return (await fs.readdir(dir, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
}

async function collectImages() {
  const images = [];
  const add = (base, src, kind, credit) => {
    if (!src || !credit || !credit.includes(GENERATED_CREDIT)) return;
    const file = path.resolve(base, src);
    images.push({ file, key: path.relative(CONTENT, file).split(path.sep).join('/'), kind });
  };
  for (const slug of await listDirs(path.join(CONTENT, 'teachers'))) {
    const dir = path.join(CONTENT, 'teachers', slug);
    const data = frontmatter(await fs.readFile(path.join(dir, 'index.mdx'), 'utf8'));
    if (data.portrait) add(dir, data.portrait.src, 'portrait', data.portrait.credit);
  }
  for (const slug of await listDirs(path.join(CONTENT, 'stories'))) {
    const dir = path.join(CONTENT, 'stories', slug);
    const source = await fs.readFile(path.join(dir, 'index.mdx'), 'utf8');
    const data = frontmatter(source);
    if (data.cover) add(dir, data.cover.src, 'cover', data.cover.credit);
    for (const figure of figures(source)) add(dir, figure.src, 'figure', figure.credit);
  }
  const collectionsDir = path.join(CONTENT, 'collections');
  for (const name of (await fs.readdir(collectionsDir).catch(() => [])).sort()) {
    if (!/\.ya?ml$/.test(name)) continue;
    const data = YAML.parse(await fs.readFile(path.join(collectionsDir, name), 'utf8'));
    if (data?.cover) add(collectionsDir, data.cover.src, 'volume', data.cover.credit);
  }
  return images;
}

// ---------------------------------------------------------------------------------------------

export function renderSvg(key, kind) {
  const [width, height] = SIZES[kind];
  const ctx = createContext(width, height, prng(SEED ^ hash(key)));
  const scene = SCENES[key];
  const body = scene ? scene(ctx) : fallbackScene(ctx, key);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><defs>${ctx.defs.join('')}</defs>${body}</svg>`;
}

async function main() {
  const images = await collectImages();
  let failed = false;
  for (const { file, key, kind } of images) {
    if (!/\.jpe?g$/i.test(file)) {
      console.warn(`skip ${key}: only .jpg is generated`);
      continue;
    }
    const svg = renderSvg(key, kind);
    const buffer = await sharp(Buffer.from(svg)).jpeg({ quality: QUALITY, mozjpeg: true }).toBuffer();
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, buffer);
    const [width, height] = SIZES[kind];
    const kb = (buffer.length / 1024).toFixed(0);
    const note = SCENES[key] ? '' : '  (no scene written for it: used the fallback)';
    console.log(`${key.padEnd(52)} ${kind.padEnd(10)} ${width}×${height} ${kb.padStart(4)} KB${note}`);
    if (buffer.length > MAX_BYTES) {
      console.error(`  too large: ${key} is over ${MAX_BYTES / 1024} KB`);
      failed = true;
    }
  }
  console.log(`${images.length} images written`);
  if (failed) process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
