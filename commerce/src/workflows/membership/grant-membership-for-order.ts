import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { isOrderPaid, ORDER_PAID_FIELDS } from "../../lib/order-paid"
import { orderProductIds } from "../../lib/order-product-ids"
import { planHandleOf, planOrderMemberships, type OrderForMembership, type PlanForGrant } from "../../modules/membership/rules"
import { recordMembershipPeriodsStep } from "./steps/record-membership-periods"
import { syncMembersGroupWorkflow } from "./sync-members-group"

export type GrantMembershipForOrderInput = {
  order_id: string
  /** The clock (defaults to now): when the purchase counts as made. */
  now?: Date | string
}

/** Records a membership period per plan line of a paid (captured) order (extending an active membership) and adds the buyer to `members`; safe to repeat. */
export const grantMembershipForOrderWorkflow = createWorkflow(
  "grant-membership-for-order",
  (input: WorkflowData<GrantMembershipForOrderInput>) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: [
        "id",
        "customer_id",
        "items.id",
        "items.product_id",
        "items.quantity",
        "items.unit_price",
        "items.total",
        ...ORDER_PAID_FIELDS,
      ],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    })
    const productIds = transform({ orders }, ({ orders }) => orderProductIds(orders[0] as OrderForMembership | undefined))
    const { data: products } = useQueryGraphStep({
      entity: "product",
      fields: ["id", "metadata"],
      filters: { id: productIds },
    }).config({ name: "get-membership-order-products" })
    const planHandles = transform({ products }, ({ products }) => {
      const handles = (products as { metadata?: Record<string, unknown> | null }[])
        .map((p) => planHandleOf(p.metadata))
        .filter((h): h is string => !!h)
      return handles.length ? [...new Set(handles)] : ["__none__"]
    })
    const { data: plans } = useQueryGraphStep({
      entity: "membership_plan",
      fields: ["handle", "interval", "duration_days"],
      filters: { handle: planHandles },
    }).config({ name: "get-membership-plans" })

    const grant = transform({ orders, products, plans, input }, ({ orders, products, plans, input }) => {
      const planned = planOrderMemberships(
        orders[0] as OrderForMembership,
        products as { id: string; metadata?: Record<string, unknown> | null }[],
        plans as PlanForGrant[]
      )
      // Nothing is granted for money that was only authorized.
      return { ...planned, lines: isOrderPaid(orders[0]) ? planned.lines : [], now: input.now ? new Date(input.now) : new Date() }
    })

    const recorded = when("record-when-plan-lines", { grant }, ({ grant }) => grant.lines.length > 0).then(() => {
      const result = recordMembershipPeriodsStep(grant as any)
      const syncInput = transform({ grant }, ({ grant }) => ({ customer_ids: [grant.customer_id] }))
      syncMembersGroupWorkflow.runAsStep({ input: syncInput })
      return result
    })
    const result = transform({ recorded }, ({ recorded }) => recorded ?? null)
    return new WorkflowResponse(result)
  }
)
