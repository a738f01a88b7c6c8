import CustomerModule from "@medusajs/medusa/customer"
import { defineLink } from "@medusajs/framework/utils"
import MembershipModule from "../modules/membership"

/**
 * A membership belongs to a customer. Read-only: the membership module only stores
 * `customer_id` (no link table), and `query.graph` reads `membership.customer.*` across modules.
 */
export default defineLink(
  { linkable: MembershipModule.linkable.membership, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
