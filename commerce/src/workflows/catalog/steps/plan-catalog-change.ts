import type { CatalogDocumentInput, CatalogProductMetadata } from "../../../lib/catalog-product"
import { catalogHandle, fenToAmount } from "@community/contracts"

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
const OPTION_VALUES: Record<CatalogDocumentInput["kind"], string> = { course: "完整课程", bundle: "课程包" }

/**
 * The metadata a delivery writes. What a delivery leaves out keeps what the product had: a
 * course from an older CMS without lesson ids, a withdrawn bundle without its course (null)
 * or lessons (an empty list from an archived document never wipes the last known list).
 */
function catalogMetadata(
  input: CatalogDocumentInput,
  known: Record<string, unknown> | null | undefined
): Record<string, unknown> & Pick<CatalogProductMetadata, "cms_document_id" | "cms_kind" | "cms_updated_at"> {
  const fresh: Record<string, unknown> = {
    cms_document_id: input.document_id,
    cms_kind: input.kind,
    cms_slug: input.slug ?? null,
    cms_updated_at: input.cms_updated_at,
  }
  if (input.kind === "course") {
    fresh.course_document_id = input.document_id
    fresh.validity_days = null
  } else {
    if (input.course_document_id) fresh.course_document_id = input.course_document_id
    if (input.validity_days !== undefined && (input.state === "published" || input.validity_days !== null)) {
      fresh.validity_days = input.validity_days
    }
  }
  const lessons = input.lesson_document_ids
  if (lessons !== undefined && (input.state === "published" || lessons.length > 0)) {
    fresh.lesson_document_ids = [...lessons]
  }

  const merged: Record<string, unknown> = { ...(known ?? {}), ...fresh }
  if (!Array.isArray(merged.lesson_document_ids)) merged.lesson_document_ids = []
  if (merged.validity_days === undefined) merged.validity_days = null
  if (merged.course_document_id === undefined) merged.course_document_id = null
  return merged as ReturnType<typeof catalogMetadata>
}

/**
 * Pure decision: what one CMS delivery means for the product catalog. Kept free of
 * Medusa calls so the rules (stale deliveries, withdrawals, prices) are easy to test.
 */
export function planCatalogChange(
  input: CatalogDocumentInput,
  existing: ExistingProduct | undefined,
  salesChannelId: string | null
): CatalogChangePlan {
  const handle = catalogHandle(input.kind, input.document_id)
  const optionValue = OPTION_VALUES[input.kind]
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
        metadata: catalogMetadata(input, existing.metadata),
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
      metadata: catalogMetadata(input, null),
      options: [{ title: OPTION_TITLE, values: [optionValue] }],
      variants: [
        {
          title: optionValue,
          manage_inventory: false,
          allow_backorder: false,
          options: { [OPTION_TITLE]: optionValue },
          prices: [{ currency_code: "cny", amount: fenToAmount(input.price_fen!) }],
        },
      ],
      ...(salesChannelId ? { sales_channels: [{ id: salesChannelId }] } : {}),
    },
  }
}
