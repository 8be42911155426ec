/** Turns schema issues into messages an editor understands, in Chinese. */
import type { z } from 'astro/zod';

type Issue = z.core.$ZodIssue;

/** The value at a path inside `root`, or undefined. */
export function getAtPath(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The field path of an issue, dotted: `cover.alt`, `honours.0.year`. */
export function describePath(path: readonly PropertyKey[]): string {
  return path.length ? path.map(String).join('.') : '（整个文件）';
}

/**
 * A Chinese message for one issue. `input` is the value found at the issue's path (zod does not
 * report it), `undefined` when the field is missing.
 */
export function describeIssue(issue: Issue, knownKeys: readonly string[] = [], input?: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return '缺少必填字段';
      if (!isDefault(issue.message)) return issue.message;
      return `类型不对：应是${typeName(issue.expected)}，这里写的是${typeName(typeOf(input))}`;
    case 'unrecognized_keys': {
      const hint = knownKeys.length ? `；可用的字段有：${knownKeys.join('、')}` : '';
      return `不认识的字段 ${issue.keys.map((k) => `“${k}”`).join('、')}（是否拼错了？）${hint}`;
    }
    case 'too_small':
      if (issue.origin === 'string') return issue.message.startsWith('Too small') ? '不能为空' : issue.message;
      if (issue.origin === 'array') return isDefault(issue.message) ? `至少要有 ${issue.minimum} 项` : issue.message;
      return isDefault(issue.message) ? `不能小于 ${issue.minimum}` : issue.message;
    case 'too_big':
      if (issue.origin === 'string') return isDefault(issue.message) ? `最多 ${issue.maximum} 个字符` : issue.message;
      return isDefault(issue.message) ? `不能大于 ${issue.maximum}` : issue.message;
    case 'invalid_value':
      return isDefault(issue.message) ? `应是以下之一：${issue.values.map(String).join('、')}` : issue.message;
    case 'invalid_format':
      return isDefault(issue.message) ? '格式不对' : issue.message;
    default:
      return isDefault(issue.message) ? '内容不符合要求' : issue.message;
  }
}

/** Zod's own English messages start with these words; ours are Chinese. */
function isDefault(message: string): boolean {
  return /^(Invalid|Too |Expected|Unrecognized|Number must|String must)/.test(message);
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function typeName(type: string): string {
  const names: Record<string, string> = {
    string: '文字',
    int: '整数',
    number: '数字',
    boolean: 'true 或 false',
    array: '列表',
    object: '一组字段',
    null: '空值',
    undefined: '空值',
  };
  return names[type] ?? type;
}
