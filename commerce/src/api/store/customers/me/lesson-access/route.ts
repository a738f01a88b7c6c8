// GET /store/customers/me/lesson-access — may the signed-in customer open this lesson now, and why
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ENTITLEMENT_MODULE } from "../../../../../modules/entitlement"
import type EntitlementModuleService from "../../../../../modules/entitlement/service"
import type { GetLessonAccessQuery } from "./validators"

export async function GET(req: AuthenticatedMedusaRequest<unknown, GetLessonAccessQuery>, res: MedusaResponse) {
  const entitlements: EntitlementModuleService = req.scope.resolve(ENTITLEMENT_MODULE)
  const { course_document_id, lesson_document_id } = req.validatedQuery as GetLessonAccessQuery
  const access = await entitlements.lessonAccess(req.auth_context.actor_id, course_document_id, lesson_document_id)
  res.json(access)
}
