// GET /store/customers/me/entitlements — what the signed-in customer may open (active only unless ?include=expired)
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ENTITLEMENT_MODULE } from "../../../../../modules/entitlement"
import type EntitlementModuleService from "../../../../../modules/entitlement/service"
import { lessonIdsOf } from "../../../../../modules/entitlement/service"
import type { ListMyEntitlementsQuery } from "./validators"

export async function GET(req: AuthenticatedMedusaRequest<unknown, ListMyEntitlementsQuery>, res: MedusaResponse) {
  const entitlements: EntitlementModuleService = req.scope.resolve(ENTITLEMENT_MODULE)
  const { include } = req.validatedQuery as ListMyEntitlementsQuery
  const held = await entitlements.activeForCustomer(req.auth_context.actor_id, new Date(), {
    includeExpired: include === "expired",
  })
  res.json({
    entitlements: held.map((e) => ({
      id: e.id,
      course_document_id: e.course_document_id,
      scope: e.scope,
      lesson_document_ids: e.scope === "lessons" ? lessonIdsOf(e) : null,
      source_kind: e.source_kind,
      source_document_id: e.source_document_id,
      order_id: e.order_id,
      starts_at: e.starts_at,
      expires_at: e.expires_at,
    })),
  })
}
