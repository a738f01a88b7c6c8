import { parseProductHandle, type ProductKind } from '@community/contracts';

/** What the confirm step is about: one product, or completing a course (补差价). */
export type CheckoutItem =
  | { kind: 'product'; handle: string; productKind: ProductKind }
  | { kind: 'upgrade'; courseDocumentId: string };

const HANDLE = /^[a-z0-9][a-z0-9_-]{0,99}$/;
const DOCUMENT_ID = /^[A-Za-z0-9]{1,64}$/;

/**
 * The item in the checkout URL (`?product=<handle>` or `?upgrade=<course document id>`), or
 * null for anything else. Only handles of things the shop sells (course, bundle, membership)
 * are accepted; the price always comes from commerce, never from the URL.
 */
export function parseCheckoutItem(params: URLSearchParams): CheckoutItem | null {
  const product = params.get('product');
  const upgrade = params.get('upgrade');
  if (product !== null && upgrade !== null) return null;
  if (product !== null) {
    const handle = product.trim();
    const parsed = HANDLE.test(handle) ? parseProductHandle(handle) : null;
    return parsed ? { kind: 'product', handle, productKind: parsed.kind } : null;
  }
  if (upgrade !== null) {
    const id = upgrade.trim();
    return DOCUMENT_ID.test(id) ? { kind: 'upgrade', courseDocumentId: id } : null;
  }
  return null;
}

/** The same item as form fields / query parameters (the confirm form posts them back). */
export function checkoutItemParams(item: CheckoutItem): { product: string } | { upgrade: string } {
  return item.kind === 'product' ? { product: item.handle } : { upgrade: item.courseDocumentId };
}

/** The item of a checkout page URL, or of the checkout URL in its `?next=` (a failed sign-in re-renders with only that). */
export function checkoutItemFromUrl(url: URL): CheckoutItem | null {
  const direct = parseCheckoutItem(url.searchParams);
  if (direct) return direct;
  const next = url.searchParams.get('next');
  if (!next) return null;
  try {
    const target = new URL(next, url);
    return target.origin === url.origin && /^\/(?:(?:zh-TW|en)\/)?checkout\/?$/.test(target.pathname)
      ? parseCheckoutItem(target.searchParams)
      : null;
  } catch {
    return null;
  }
}
