import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { addToCartWorkflow, deleteLineItemsWorkflow } from "@medusajs/medusa/core-flows"
import { fenToAmount } from "@community/contracts"
import { prepareCourseUpgradeStep, type PrepareCourseUpgradeInput } from "./steps/prepare-course-upgrade"

export type AddCourseUpgradeToCartInput = PrepareCourseUpgradeInput

/** "Complete the course" (补差价): adds the course at its price minus the customer's lesson credit, as a custom-priced line. */
export const addCourseUpgradeToCartWorkflow = createWorkflow(
  "add-course-upgrade-to-cart",
  (input: WorkflowData<AddCourseUpgradeToCartInput>) => {
    const upgrade = prepareCourseUpgradeStep(input)

    when("replace-course-lines", { upgrade }, ({ upgrade }) => upgrade.replace_line_item_ids.length > 0).then(() => {
      const deleteInput = transform({ upgrade }, ({ upgrade }) => ({
        cart_id: upgrade.cart_id,
        ids: upgrade.replace_line_item_ids,
      }))
      deleteLineItemsWorkflow.runAsStep({ input: deleteInput })
    })

    const addInput = transform({ upgrade }, ({ upgrade }) => ({
      cart_id: upgrade.cart_id,
      items: [
        {
          variant_id: upgrade.variant_id,
          quantity: 1,
          unit_price: upgrade.unit_price,
          // The list price beside the upgrade price: storefronts show the saving as they would a sale.
          compare_at_unit_price: fenToAmount(upgrade.list_price_fen),
          metadata: upgrade.line_metadata,
        },
      ],
    }))
    addToCartWorkflow.runAsStep({ input: addInput })

    return new WorkflowResponse(upgrade)
  }
)
