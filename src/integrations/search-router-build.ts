/**
 * The build's side of the part router (src/lib/search-router.ts): the keys of everything Pagefind
 * indexes for a page, each part's key set (cached beside the part, so a reused part's pages are
 * not read again), and the router's shards in the bundle.
 *
 * What Pagefind indexes for a page (https://pagefind.app/docs/indexing/): the text inside the
 * `data-pagefind-body` element, without `data-pagefind-ignore` elements, scripts and styles,
 * hidden elements included; image `alt` text and the attributes named by
 * `data-pagefind-index-attrs`; and the values of metadata and filters (`data-pagefind-meta`,
 * `data-pagefind-filter`), which Pagefind reads anywhere on the page unless inside
 * `data-pagefind-ignore="all"`. Reading a little more than Pagefind indexes keeps the router a
 * necessary condition; reading less would lose pages.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Parser } from 'htmlparser2';
import {
  EXACT_FIELDS,
  EXACT_LIST_FIELDS,
  NAME_LIST_SEPARATOR,
  addTextKeys,
  exactKey,
  routerShardCount,
  routerShardPath,
  shardOf,
  type RouterShard,
} from '../lib/search-router.ts';

/**
 * Changes whenever the keys of a page change for the same HTML (a new rule above): cached key
 * sets of another version are read again from the pages.
 */
export const ROUTER_KEYS_VERSION = 2;

/** The cached key set of a part, inside its cache folder (never copied into the bundle). */
export const ROUTER_KEYS_FILE = `router-keys-v${ROUTER_KEYS_VERSION}.txt`;

interface Frame {
  body: boolean;
  ignoreText: boolean;
  ignoreAll: boolean;
  /** Text of this element is a metadata or filter value (`data-pagefind-meta="key"`). */
  value: boolean;
  skip: boolean;
}

/** Attributes a `data-pagefind-meta` / `-filter` declaration takes values from (`key[attr]`), or `''` for the element's text. */
function declaredSources(declaration: string): {
  attributes: string[];
  exact: string[];
  lists: string[];
  literals: string[];
  text: boolean;
} {
  const attributes: string[] = [];
  const exact: string[] = [];
  const lists: string[] = [];
  const literals: string[] = [];
  let text = false;
  for (const raw of declaration.split(',')) {
    const part = raw.trim();
    if (!part) continue;
    const fromAttribute = /^([^[:]+)\[([^\]]+)\]$/.exec(part);
    if (fromAttribute) {
      const attribute = (fromAttribute[2] as string).trim();
      attributes.push(attribute);
      const field = (fromAttribute[1] as string).trim();
      if (EXACT_FIELDS.has(field)) exact.push(attribute);
      if (EXACT_LIST_FIELDS.has(field)) lists.push(attribute);
    } else if (part.includes(':')) literals.push(part.slice(part.indexOf(':') + 1));
    else text = true;
  }
  return { attributes, exact, lists, literals, text };
}

const SKIPPED = new Set(['script', 'style', 'template', 'noscript']);

/** Adds the keys of one page's HTML to `keys`. */
export function addPageKeys(html: string, keys: Set<string>): void {
  const state: { lastHan?: string } = {};
  const stack: Frame[] = [{ body: false, ignoreText: false, ignoreAll: false, value: false, skip: false }];
  const add = (text: string) => addTextKeys(text, keys, state);
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const parent = stack.at(-1) as Frame;
        const ignore = attributes['data-pagefind-ignore'];
        const frame: Frame = {
          body: parent.body || 'data-pagefind-body' in attributes,
          ignoreText: parent.ignoreText || ignore !== undefined,
          ignoreAll: parent.ignoreAll || ignore === 'all',
          value: parent.value,
          skip: parent.skip || SKIPPED.has(name),
        };
        if (!frame.ignoreAll) {
          for (const declaration of [attributes['data-pagefind-meta'], attributes['data-pagefind-filter']]) {
            if (declaration === undefined) continue;
            const sources = declaredSources(declaration);
            for (const attribute of sources.attributes) add(attributes[attribute] ?? '');
            for (const attribute of sources.exact) if (attributes[attribute]) keys.add(exactKey(attributes[attribute]));
            for (const attribute of sources.lists)
              for (const name of (attributes[attribute] ?? '').split(NAME_LIST_SEPARATOR)) if (name.trim()) keys.add(exactKey(name));
            for (const literal of sources.literals) add(literal);
            if (sources.text) frame.value = true;
          }
        }
        if (frame.body && !frame.ignoreText) {
          if (attributes.alt) add(attributes.alt);
          for (const attribute of (attributes['data-pagefind-index-attrs'] ?? '').split(',')) {
            const value = attributes[attribute.trim()];
            if (value) add(value);
          }
        }
        stack.push(frame);
      },
      ontext(text) {
        const frame = stack.at(-1) as Frame;
        if (!frame.skip && ((frame.body && !frame.ignoreText) || frame.value)) add(text);
      },
      onclosetag() {
        if (stack.length > 1) stack.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
}

/** The keys of one page (tests). */
export function pageKeys(html: string): Set<string> {
  const keys = new Set<string>();
  addPageKeys(html, keys);
  return keys;
}

/** A part's key set as cached: keys sorted by code point, one a line. */
export function serialiseKeys(keys: ReadonlySet<string>): string {
  return [...keys].sort(compareKeys).join('\n');
}

export function parseKeys(text: string): string[] {
  return text ? text.split('\n') : [];
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The router's shards for parts' key sets (part i = bit i), and the digest of their content. */
export function buildRouter(partKeys: readonly (readonly string[])[]): Router {
  const masks = new Map<string, bigint>();
  partKeys.forEach((keys, part) => {
    const bit = 1n << BigInt(part);
    for (const key of keys) masks.set(key, (masks.get(key) ?? 0n) | bit);
  });
  const shards = routerShardCount(masks.size);
  const byShard = Array.from({ length: shards }, () => new Map<string, string[]>());
  for (const key of [...masks.keys()].sort(compareKeys)) {
    const mask = (masks.get(key) as bigint).toString(16);
    const shard = byShard[shardOf(key, shards)] as Map<string, string[]>;
    const list = shard.get(mask);
    if (list) list.push(key);
    else shard.set(mask, [key]);
  }
  const files = byShard.map((shard) => {
    const file: RouterShard = {};
    for (const mask of [...shard.keys()].sort(compareKeys)) file[mask] = (shard.get(mask) as string[]).join(' ');
    return file;
  });
  const hash = createHash('sha256');
  hash.update(`${partKeys.length} ${shards}\n`);
  for (const file of files) hash.update(`${JSON.stringify(file)}\n`);
  return { digest: hash.digest('hex').slice(0, 16), shards, keys: masks.size, files };
}

export interface Router {
  /** Digest of the shards' content: their folder, so a browser never mixes two versions. */
  digest: string;
  shards: number;
  /** Distinct keys over all parts. */
  keys: number;
  files: RouterShard[];
}

/** Writes the shards under `bundleDir/router/<digest>/`. */
export function writeRouter(bundleDir: string, router: Router): void {
  router.files.forEach((file, i) => {
    const path = join(bundleDir, routerShardPath(router.digest, i));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(file));
  });
}
