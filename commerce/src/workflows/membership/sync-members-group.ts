import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { linkCustomersToCustomerGroupWorkflow } from "@medusajs/medusa/core-flows"
import { planMembersGroupChangeStep } from "./steps/plan-members-group-change"

export type SyncMembersGroupInput = { customer_ids: string[] }

/** Puts these customers in the `members` group when their membership is active, and takes them out otherwise. */
export const syncMembersGroupWorkflow = createWorkflow(
  "sync-members-group",
  (input: WorkflowData<SyncMembersGroupInput>) => {
    const change = planMembersGroupChangeStep(input)
    when("link-when-changed", { change }, ({ change }) => !!change.group_id && change.add.length + change.remove.length > 0).then(
      () => {
        const linkInput = transform({ change }, ({ change }) => ({
          id: change.group_id!,
          add: change.add,
          remove: change.remove,
        }))
        linkCustomersToCustomerGroupWorkflow.runAsStep({ input: linkInput })
      }
    )
    return new WorkflowResponse(change)
  }
)
