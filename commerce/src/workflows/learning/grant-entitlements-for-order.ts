import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { isOrderPaid, ORDER_PAID_FIELDS } from "../../lib/order-paid"
import { orderProductIds } from "../../lib/order-product-ids"
import { planOrderEntitlements, type OrderForGrant, type ProductForGrant } from "../../modules/entitlement/rules"
import { createOrderEntitlementsStep } from "./steps/create-order-entitlements"

export type GrantEntitlementsForOrderInput = { order_id: string }

/** Grants one entitlement per course or bundle line of a paid (captured) order; running it again grants nothing new. */
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
        ...ORDER_PAID_FIELDS,
      ],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    })

    const productIds = transform({ orders }, ({ orders }) => orderProductIds(orders[0] as OrderForGrant | undefined))
    const { data: products } = useQueryGraphStep({
      entity: "product",
      fields: ["id", "metadata"],
      filters: { id: productIds },
    }).config({ name: "get-order-products" })

    // Nothing is granted for money that was only authorized.
    const grants = transform({ orders, products }, ({ orders, products }) =>
      isOrderPaid(orders[0]) ? planOrderEntitlements(orders[0] as OrderForGrant, products as ProductForGrant[]) : []
    )
    const result = createOrderEntitlementsStep(grants)
    return new WorkflowResponse(result)
  }
)
