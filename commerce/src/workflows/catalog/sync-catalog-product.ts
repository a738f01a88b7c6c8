import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  batchPriceListPricesWorkflow,
  createProductsWorkflow,
  updateProductsWorkflow,
  updateProductVariantsWorkflow,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { catalogHandle } from "@community/contracts"
import type { CatalogDocumentInput } from "../../lib/catalog-product"
import { planCatalogChange, type ExistingProduct } from "./steps/plan-catalog-change"
import { memberPriceBatch, planMemberPriceStep } from "./steps/plan-member-price"
import { upsertCourseAccessRuleStep } from "./steps/upsert-course-access-rule"

export type SyncCatalogProductResult = {
  product_id: string | null
  handle: string
  status: string
  action: "create" | "update" | "skip"
}

/**
 * Creates, updates or withdraws the product that sells one CMS document; safe to repeat.
 * When the product is offered, its variant also gets a member price in the "会员价" price list
 * (80% of the list price, whole fen) if it has none there yet. A member price that exists is
 * left alone, so operators can edit it in the Medusa admin and later CMS deliveries keep it;
 * only a member price above the new list price is reset to 80%.
 *
 * A course delivery also stores the course's access rule (its visibility and that of its
 * non-public lessons, course_access_rule in the entitlement module), whether the course is for
 * sale or not: members-only courses have no price and so no product, and lesson-access still
 * needs to know who may open them. Older deliveries are ignored there too; if a later step
 * fails, the rule is put back as it was.
 */
export const syncCatalogProductWorkflow = createWorkflow(
  "sync-catalog-product",
  (input: WorkflowData<CatalogDocumentInput>) => {
    const handle = transform({ input }, ({ input }) => catalogHandle(input.kind, input.document_id))
    const { data: products } = useQueryGraphStep({
      entity: "product",
      fields: ["id", "status", "metadata", "variants.id"],
      filters: { handle },
    })
    const { data: stores } = useQueryGraphStep({
      entity: "store",
      fields: ["id", "default_sales_channel_id"],
    }).config({ name: "get-default-store" })

    const plan = transform({ input, products, stores }, ({ input, products, stores }) =>
      planCatalogChange(
        input,
        (products as ExistingProduct[])[0],
        (stores[0] as { default_sales_channel_id?: string | null } | undefined)?.default_sales_channel_id ?? null
      )
    )

    upsertCourseAccessRuleStep(input)

    const created = when("create-product-when-new", { plan }, ({ plan }) => plan.action === "create").then(() => {
      const createInput = transform({ plan }, ({ plan }) => ({
        products: plan.action === "create" ? [plan.product] : [],
      }))
      return createProductsWorkflow.runAsStep({ input: createInput as any })
    })

    when("update-product-when-known", { plan }, ({ plan }) => plan.action === "update").then(() => {
      const updateInput = transform({ plan }, ({ plan }) => ({
        products: plan.action === "update" ? [plan.product] : [],
      }))
      updateProductsWorkflow.runAsStep({ input: updateInput as any })
    })

    when(
      "update-price-when-offered",
      { plan },
      ({ plan }) => plan.action === "update" && plan.variant_prices !== null
    ).then(() => {
      const pricesInput = transform({ plan }, ({ plan }) => ({
        product_variants: plan.action === "update" && plan.variant_prices ? [plan.variant_prices] : [],
      }))
      updateProductVariantsWorkflow.runAsStep({ input: pricesInput as any })
    })

    const memberPriceInput = transform({ input, plan }, ({ input, plan }) => ({
      handle: plan.handle,
      price_fen: input.price_fen,
      offered: plan.action !== "skip" && plan.status === "published",
    }))
    const memberPrice = planMemberPriceStep(memberPriceInput)
    when("set-member-price-when-needed", { memberPrice }, ({ memberPrice }) => memberPrice.action !== "none").then(() => {
      const batchInput = transform({ memberPrice }, ({ memberPrice }) => memberPriceBatch(memberPrice))
      batchPriceListPricesWorkflow.runAsStep({ input: batchInput })
    })

    const result = transform({ plan, created }, ({ plan, created }): SyncCatalogProductResult => {
      if (plan.action === "create") {
        const product = (created as { id: string }[] | undefined)?.[0]
        return { product_id: product?.id ?? null, handle: plan.handle, status: plan.status, action: "create" }
      }
      return { product_id: plan.product_id, handle: plan.handle, status: plan.status, action: plan.action }
    })
    return new WorkflowResponse(result)
  }
)
