/**
 * URL slug from a title. Keeps ASCII letters and digits; titles with no ASCII at all
 * (most Chinese titles) get a short random slug (`<prefix>-xxxxxx`) the editor can rename.
 */
export function slugify(title: string, prefix = 'course'): string {
  const ascii = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return ascii.length >= 3 ? ascii : `${prefix}-${Math.random().toString(36).slice(2, 8).padEnd(6, '0')}`;
}
