import type { IAuthModuleService, ICustomerModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * Whether this customer has an account whose email is proven: an emailpass identity for the
 * customer's email, belonging to this customer, with a confirmed email verification. Read from
 * the auth module (never from customer metadata, which customers can write themselves).
 */
export async function hasVerifiedEmail(container: MedusaContainer, customerId: string | null | undefined): Promise<boolean> {
  if (!customerId) return false
  const [customer] = await container
    .resolve<ICustomerModuleService>(Modules.CUSTOMER)
    .listCustomers({ id: customerId }, { select: ["id", "email", "has_account"] })
  if (!customer?.has_account || !customer.email) return false
  const auth = container.resolve<IAuthModuleService>(Modules.AUTH)
  const emails = [...new Set([customer.email, customer.email.toLowerCase()])]
  const identities = (
    await Promise.all(emails.map((entity_id) => auth.listProviderIdentities({ provider: "emailpass", entity_id }, { select: ["auth_identity_id", "entity_id"] })))
  ).flat()
  for (const identity of identities) {
    const owner = await auth.retrieveAuthIdentity(identity.auth_identity_id!)
    if ((owner.app_metadata as Record<string, unknown> | null)?.customer_id !== customerId) continue
    const verifications = await auth.listAuthVerifications({
      auth_identity_id: identity.auth_identity_id!,
      entity_id: identity.entity_id,
      entity_type: "email",
    })
    if (verifications.some((v) => !!v.verified_at)) return true
  }
  return false
}
