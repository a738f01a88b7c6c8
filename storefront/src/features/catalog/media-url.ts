/**
 * A CMS media URL made absolute for the browser. Strapi answers relative URLs ("/uploads/…")
 * for the local provider and absolute ones for cloud providers. Anything else (a
 * protocol-relative "//host", "javascript:", "data:") is refused: null.
 */
export function absoluteMediaUrl(url: string | null | undefined, base: string): string | null {
  const value = url?.trim();
  if (!value) return null;
  if (/^https?:\/\//i.test(value)) return value;
  if (value.startsWith('/') && !value.startsWith('//') && !value.includes('\\')) {
    return `${base.replace(/\/+$/, '')}${value}`;
  }
  return null;
}
