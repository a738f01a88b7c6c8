import type { IAuthModuleService, ICustomerModuleService, IOrderModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ENTITLEMENT_MODULE } from "../../../modules/entitlement"
import type EntitlementModuleService from "../../../modules/entitlement/service"
import { MEMBERSHIP_MODULE } from "../../../modules/membership"
import type MembershipModuleService from "../../../modules/membership/service"

export type GuestPurchases = {
  /** The verified account that claims; null when the identity has no customer or the email is not verified. */
  customer_id: string | null
  guest_customer_ids: string[]
  order_ids: string[]
  entitlement_ids: string[]
  membership_ids: string[]
}

const nothing = (customerId: string | null = null): GuestPurchases => ({
  customer_id: customerId,
  guest_customer_ids: [],
  order_ids: [],
  entitlement_ids: [],
  membership_ids: [],
})

/**
 * What guests (customers without an account) bought with this email, if the auth identity
 * has a registered customer with that same email AND has verified it. Anything else finds
 * nothing: an unverified registration of someone else's address claims nobody's purchases.
 */
export const findGuestPurchasesStep = createStep(
  "find-guest-purchases",
  async (input: { auth_identity_id: string; email: string }, { container }) => {
    const auth = container.resolve<IAuthModuleService>(Modules.AUTH)
    const customers = container.resolve<ICustomerModuleService>(Modules.CUSTOMER)
    const email = input.email.trim()
    const verifications = await auth.listAuthVerifications({
      auth_identity_id: input.auth_identity_id,
      entity_id: input.email,
      entity_type: "email",
    })
    if (!verifications.some((v) => !!v.verified_at)) return new StepResponse(nothing())
    const identity = await auth.retrieveAuthIdentity(input.auth_identity_id)
    const customerId = (identity.app_metadata as Record<string, unknown> | null)?.customer_id
    if (typeof customerId !== "string" || !customerId) return new StepResponse(nothing())
    const [customer] = await customers.listCustomers({ id: customerId }, { select: ["id", "email", "has_account"] })
    if (!customer?.has_account || customer.email?.toLowerCase() !== email.toLowerCase()) {
      return new StepResponse(nothing())
    }

    const guests = await customers.listCustomers(
      { email: [...new Set([email, email.toLowerCase()])], has_account: false },
      { select: ["id"] }
    )
    const guestIds = guests.map((g) => g.id).filter((id) => id !== customerId)
    if (!guestIds.length) return new StepResponse(nothing(customerId))

    const orders = await container
      .resolve<IOrderModuleService>(Modules.ORDER)
      .listOrders({ customer_id: guestIds }, { select: ["id"] })
    const entitlements = await container
      .resolve<EntitlementModuleService>(ENTITLEMENT_MODULE)
      .listEntitlements({ customer_id: guestIds }, { select: ["id"] })
    const memberships = await container
      .resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
      .listMemberships({ customer_id: guestIds }, { select: ["id"] })
    return new StepResponse<GuestPurchases>({
      customer_id: customerId,
      guest_customer_ids: guestIds,
      order_ids: orders.map((o) => o.id),
      entitlement_ids: entitlements.map((e) => e.id),
      membership_ids: memberships.map((m) => m.id),
    })
  }
)
