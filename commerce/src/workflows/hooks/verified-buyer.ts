import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { hasVerifiedEmail } from "../../lib/verified-email"
import { isDigitalGood } from "../checkout/digital-goods"

export const VERIFIED_BUYER_MESSAGE =
  "Courses, lesson bundles and memberships are bought by a signed-in customer with a verified email: sign in and confirm the code we emailed you (请先登录并验证邮箱)"

/**
 * Anything that grants access (a course, a bundle, a membership plan) is bought by a signed-in
 * customer whose email is verified, so access always belongs to whoever owns the address.
 * Guest carts of digital goods, and carts of unverified accounts, are refused at completion.
 * Called from the completeCartWorkflow validate hook (complete-cart-checks.ts: Medusa allows one handler).
 */
export async function requireVerifiedBuyer(
  container: MedusaContainer,
  cart: { customer_id?: string | null },
  productIds: string[]
): Promise<void> {
  const ids = [...new Set(productIds.filter(Boolean))]
  if (!ids.length) return
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: products } = await query.graph({ entity: "product", fields: ["id", "metadata"], filters: { id: ids } })
  const digital = (products as { metadata?: Record<string, unknown> | null }[]).some((p) => isDigitalGood(p.metadata))
  if (!digital) return
  if (!(await hasVerifiedEmail(container, cart.customer_id))) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, VERIFIED_BUYER_MESSAGE)
  }
}
