/**
 * The distinct products of an order's lines, for a `product` query. An empty id list would
 * match every product, so an order without products asks for one that cannot exist.
 */
export function orderProductIds(order: { items?: ({ product_id?: string | null } | null)[] | null } | undefined): string[] {
  const ids = (order?.items ?? []).map((item) => item?.product_id).filter((id): id is string => !!id)
  return ids.length ? [...new Set(ids)] : ["prod_none"]
}
