import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { planOrderEntitlements, type OrderForGrant, type ProductForGrant } from "./entitlement-rules"
import { createOrderEntitlementsStep } from "./steps/create-order-entitlements"

export type GrantEntitlementsForOrderInput = { order_id: string }

/** Grants one entitlement per course or bundle line of a placed order; running it again grants nothing new. */
export const grantEntitlementsForOrderWorkflow = createWorkflow(
  "grant-entitlements-for-order",
  (input: WorkflowData<GrantEntitlementsForOrderInput>) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: [
        "id",
        "customer_id",
        "status",
        "created_at",
        "items.id",
        "items.product_id",
        "items.quantity",
        "items.unit_price",
        "items.total",
        "items.metadata",
      ],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    })

    const productIds = transform({ orders }, ({ orders }) => {
      const ids = ((orders[0] as OrderForGrant | undefined)?.items ?? [])
        .map((item) => item?.product_id)
        .filter((id): id is string => !!id)
      // An empty id list would match every product: ask for one that cannot exist instead.
      return ids.length ? [...new Set(ids)] : ["prod_none"]
    })
    const { data: products } = useQueryGraphStep({
      entity: "product",
      fields: ["id", "metadata"],
      filters: { id: productIds },
    }).config({ name: "get-order-products" })

    const grants = transform({ orders, products }, ({ orders, products }) =>
      planOrderEntitlements(orders[0] as OrderForGrant, products as ProductForGrant[])
    )
    const result = createOrderEntitlementsStep(grants)
    return new WorkflowResponse(result)
  }
)
