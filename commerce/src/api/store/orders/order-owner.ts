import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * Medusa answers `GET /store/orders/:id` to anyone who has the id (it is treated as a secret),
 * with the buyer's email and what they bought. Here an order is readable only by the signed-in
 * customer it belongs to ("Restrict Order Retrieval" in Medusa's docs); anyone else gets the
 * same 404 as for an id that does not exist, so nothing tells them the order is there.
 */
export async function orderOwnerOnly(req: AuthenticatedMedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const actorId = req.auth_context?.actor_id
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = actorId
    ? await query.graph({ entity: "order", fields: ["id", "customer_id"], filters: { id: req.params.id } })
    : { data: [] as { customer_id?: string | null }[] }
  const order = data[0] as { customer_id?: string | null } | undefined
  if (!actorId || !order || order.customer_id !== actorId) {
    return res.status(404).json({ type: "not_found", message: `Order with id: ${req.params.id} was not found` })
  }
  return next()
}
