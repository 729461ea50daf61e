import { isMultipartBody } from './clearances/multipart.ts';

const MESSAGE = 'Contains an invisible NUL character. Type it again or paste it as plain text.';

/**
 * Where a request holds a NUL character (U+0000), by field: PostgreSQL can store one in neither
 * text nor jsonb, so it is refused at the door, naming the field, in every route alike.
 */
export function nulFields(value: unknown, part: 'body' | 'query' | 'params'): Record<string, string> {
  const fields: Record<string, string> = {};
  let budget = 100_000;
  const walk = (node: unknown, path: string[]): void => {
    if (--budget < 0 || path.length > 64) return;
    const at = () => (path.length > 0 ? path.join('.') : part);
    if (typeof node === 'string') {
      if (node.includes('\u0000')) fields[at()] ??= MESSAGE;
      return;
    }
    if (node === null || typeof node !== 'object' || node instanceof Uint8Array) return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, [...path, String(i)]));
      return;
    }
    for (const [key, item] of Object.entries(node)) {
      if (key.includes('\u0000')) fields[at()] ??= MESSAGE;
      else walk(item, [...path, key]);
    }
  };
  if (part === 'body' && isMultipartBody(value)) {
    walk(value.fields, []);
    for (const [name, file] of Object.entries(value.files)) walk(file.filename, [name]);
  } else {
    walk(value, []);
  }
  return fields;
}
