/**
 * One HTTP byte range (RFC 9110 §14) of a file of `size` bytes.
 * - null: no usable Range header (absent, not bytes, or several ranges): send the whole file.
 * - 'unsatisfiable': answer 416 with `Content-Range: bytes * /size`.
 */
export function parseByteRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return null; // unknown unit or a multi-range request: ignoring Range is allowed
  const [, first, last] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return 'unsatisfiable';
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (end < start) return null; // syntactically invalid: ignore
  return { start, end };
}
