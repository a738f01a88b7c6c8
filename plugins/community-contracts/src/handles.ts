/**
 * Product handles: how commerce finds the product of a CMS document or a membership plan.
 * Handles are derived from ids that never change (not from titles or slugs), so a renamed
 * course keeps its product, and every workspace derives them with these functions only.
 */

/** What the CMS sells through the catalog sync. */
export const CATALOG_KINDS = ['course', 'bundle'] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

/** Everything the shop sells: CMS documents, and membership plans (owned by commerce). */
export const PRODUCT_KINDS = [...CATALOG_KINDS, 'membership'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

/** `<kind>-<key>`; Strapi document ids are lower-cased (Medusa handles are lower-case). */
export function productHandle(kind: ProductKind, key: string): string {
  if (!key) throw new RangeError(`A ${kind} handle needs a key`);
  return `${kind}-${kind === 'membership' ? key : key.toLowerCase()}`;
}

/** `course-<document id>` */
export const courseProductHandle = (documentId: string): string => productHandle('course', documentId);
/** `bundle-<document id>` */
export const bundleProductHandle = (documentId: string): string => productHandle('bundle', documentId);
/** `membership-<plan handle>` */
export const membershipProductHandle = (planHandle: string): string => productHandle('membership', planHandle);

/** The handle of a CMS document's product. */
export function catalogHandle(kind: CatalogKind, documentId: string): string {
  return productHandle(kind, documentId);
}

/** The kind and key behind a handle, or null for a handle none of these functions made. */
export function parseProductHandle(handle: string): { kind: ProductKind; key: string } | null {
  for (const kind of PRODUCT_KINDS) {
    const prefix = `${kind}-`;
    if (handle.startsWith(prefix) && handle.length > prefix.length) return { kind, key: handle.slice(prefix.length) };
  }
  return null;
}
