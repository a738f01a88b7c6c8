import {
  createWorkflow,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  createProductsWorkflow,
  updateProductsWorkflow,
  updateProductVariantsWorkflow,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { catalogHandle, type CatalogDocumentInput } from "./catalog-product-input"
import { planCatalogChange, type ExistingProduct } from "./steps/plan-catalog-change"

export type SyncCatalogProductResult = {
  product_id: string | null
  handle: string
  status: string
  action: "create" | "update" | "skip"
}

/** Creates, updates or withdraws the product that sells one CMS document; safe to repeat. */
export const syncCatalogProductWorkflow = createWorkflow(
  "sync-catalog-product",
  (input: WorkflowData<CatalogDocumentInput>) => {
    const handle = transform({ input }, ({ input }) => catalogHandle(input))
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
