/**
 * A scalar read from YAML or a form, as text: a string as it is, a number or boolean written out,
 * anything else (missing, a list, a map) empty — never “[object Object]”.
 */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}
