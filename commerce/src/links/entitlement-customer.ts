import CustomerModule from "@medusajs/medusa/customer"
import { defineLink } from "@medusajs/framework/utils"
import EntitlementModule from "../modules/entitlement"

/**
 * An entitlement belongs to a customer. Read-only: the entitlement module only stores
 * `customer_id` (no link table), and `query.graph` reads `entitlement.customer.*` across modules.
 */
export default defineLink(
  { linkable: EntitlementModule.linkable.entitlement, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
