// GET /store/customers/me/lesson-access — may the signed-in customer open this lesson now, and why
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { decideLessonAccess } from "../../../../../workflows/learning/lesson-access"
import type { GetLessonAccessQuery } from "./validators"

/**
 * Entitlements first (reason course / bundle); then membership for member-only content, whose
 * visibility commerce reads from what the CMS delivered for the course (workflows/learning/lesson-access.ts).
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, GetLessonAccessQuery>, res: MedusaResponse) {
  const { course_document_id, lesson_document_id } = req.validatedQuery as GetLessonAccessQuery
  res.json(
    await decideLessonAccess(req.scope, { customer_id: req.auth_context.actor_id, course_document_id, lesson_document_id })
  )
}
