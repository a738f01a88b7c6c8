import type { CatalogDocumentInput } from "../catalog-product-input"
import { catalogHandle, fenToAmount } from "../catalog-product-input"

export type ExistingProduct = {
  id: string
  status: string
  metadata: Record<string, unknown> | null
  variants: { id: string }[] | null
}

export type CatalogChangePlan =
  | { action: "skip"; reason: string; product_id: string | null; handle: string; status: string }
  | { action: "create"; handle: string; status: "published"; product: Record<string, unknown> }
  | {
      action: "update"
      handle: string
      product_id: string
      status: "published" | "draft"
      product: Record<string, unknown>
      variant_prices: { id: string; prices: { currency_code: string; amount: number }[] } | null
    }

const OPTION_TITLE = "类型"
const OPTION_VALUE = "完整课程"

/**
 * Pure decision: what one CMS delivery means for the product catalog. Kept free of
 * Medusa calls so the rules (stale deliveries, withdrawals, prices) are easy to test.
 */
export function planCatalogChange(
  input: CatalogDocumentInput,
  existing: ExistingProduct | undefined,
  salesChannelId: string | null
): CatalogChangePlan {
  const handle = catalogHandle(input)
  const metadata = {
    cms_document_id: input.document_id,
    cms_kind: input.kind,
    cms_slug: input.slug ?? null,
    cms_updated_at: input.cms_updated_at,
  }
  const offered = input.state === "published" && input.price_fen !== null

  if (existing) {
    const known = existing.metadata?.cms_updated_at
    // Compare instants, not text: the CMS may send offsets ("+08:00") or varying precision.
    if (typeof known === "string" && Date.parse(known) > Date.parse(input.cms_updated_at)) {
      return { action: "skip", reason: "stale", product_id: existing.id, handle, status: existing.status }
    }
    const status = offered ? "published" : "draft"
    const variantId = existing.variants?.[0]?.id
    return {
      action: "update",
      handle,
      product_id: existing.id,
      status,
      product: {
        id: existing.id,
        status,
        metadata: { ...(existing.metadata ?? {}), ...metadata },
        ...(input.title ? { title: input.title } : {}),
        ...(input.summary !== undefined ? { description: input.summary ?? "" } : {}),
      },
      variant_prices:
        offered && variantId
          ? { id: variantId, prices: [{ currency_code: "cny", amount: fenToAmount(input.price_fen!) }] }
          : null,
    }
  }

  if (!offered) {
    return { action: "skip", reason: "not offered and never synced", product_id: null, handle, status: "none" }
  }
  return {
    action: "create",
    handle,
    status: "published",
    product: {
      title: input.title ?? handle,
      handle,
      description: input.summary ?? "",
      status: "published",
      // Digital goods: no shipping profile and no inventory, so carts need no shipping method.
      is_giftcard: false,
      discountable: true,
      metadata,
      options: [{ title: OPTION_TITLE, values: [OPTION_VALUE] }],
      variants: [
        {
          title: OPTION_VALUE,
          manage_inventory: false,
          allow_backorder: false,
          options: { [OPTION_TITLE]: OPTION_VALUE },
          prices: [{ currency_code: "cny", amount: fenToAmount(input.price_fen!) }],
        },
      ],
      ...(salesChannelId ? { sales_channels: [{ id: salesChannelId }] } : {}),
    },
  }
}
