/**
 * The `file` parameter of a lesson's media proxy: which image of the lesson body to serve, named
 * by its CMS path ("/uploads/x_ab12.png") or file hash. Absent: the lesson's media. Anything
 * else (repeated, empty, too long, control characters, backslashes, another host) is refused.
 */
export type BodyFileParam = { ok: true; value: string | null } | { ok: false };

const MAX_LENGTH = 1024;

export function parseBodyFileParam(values: string[]): BodyFileParam {
  if (values.length === 0) return { ok: true, value: null };
  if (values.length > 1) return { ok: false };
  const value = values[0]!;
  if (!value || value.length > MAX_LENGTH) return { ok: false };
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return { ok: false };
  const isPath = value.startsWith('/') && !value.startsWith('//');
  const isHash = /^[\w.-]+$/.test(value);
  return isPath || isHash ? { ok: true, value } : { ok: false };
}
