import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules, validateEmail } from "@medusajs/framework/utils"

/**
 * Medusa treats a cart id as a bearer secret: whoever has it may read the cart (with its
 * customer's name, phone and groups), change it, hand it to themselves or complete it. A cart
 * that belongs to a registered customer is that customer's alone: anyone else is told it does
 * not exist, exactly as for an unknown id. Guest carts keep Medusa's rule (the id is the secret).
 */
async function refuseUnlessOwner(req: AuthenticatedMedusaRequest, res: MedusaResponse, next: MedusaNextFunction, cartId: unknown) {
  if (typeof cartId !== "string" || !cartId) return next()
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", "customer.has_account"],
    filters: { id: cartId },
  })
  const cart = data[0] as { customer_id?: string | null; customer?: { has_account?: boolean | null } | null } | undefined
  if (cart?.customer?.has_account && req.auth_context?.actor_id !== cart.customer_id) {
    return res.status(404).json({ type: "not_found", message: `Cart id not found: ${cartId}` })
  }
  return next()
}

/** `/store/carts/:id` and everything under it: only the owner of a registered customer's cart. */
export function cartOwnerOnly(req: AuthenticatedMedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  return refuseUnlessOwner(req, res, next, req.params.id)
}

/** `POST /store/payment-collections { cart_id }`: the same rule for the cart named in the body. */
export function bodyCartOwnerOnly(req: AuthenticatedMedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  return refuseUnlessOwner(req, res, next, (req.body as { cart_id?: unknown } | undefined)?.cart_id)
}

/**
 * A cart given an email without a signed-in customer is attached by Medusa to the registered
 * customer with that email (and priced with their groups), so anyone who knows a member's
 * email could push purchases into their account and read their details. Such a cart is
 * refused: the owner of the email signs in to buy with it.
 */
export async function registeredEmailNeedsSignIn(req: AuthenticatedMedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const raw = (req.body as { email?: unknown } | undefined)?.email
  if (typeof raw !== "string" || !raw || req.auth_context?.actor_id) return next()
  let email: string
  try {
    email = validateEmail(raw)
  } catch {
    return next() // Medusa's own validation answers 400
  }
  const customers = await req.scope.resolve(Modules.CUSTOMER).listCustomers({ email, has_account: true }, { select: ["id"], take: 1 })
  if (customers.length) {
    return res.status(409).json({
      type: "email_has_account",
      message: "This email belongs to an account: sign in to buy with it (此邮箱已注册，请先登录再购买)",
    })
  }
  return next()
}
