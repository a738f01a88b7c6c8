// GET /store/customers/me/lesson-access — may the signed-in customer open this lesson now, and why
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ENTITLEMENT_MODULE } from "../../../../../modules/entitlement"
import type EntitlementModuleService from "../../../../../modules/entitlement/service"
import { MEMBERSHIP_MODULE } from "../../../../../modules/membership"
import type MembershipModuleService from "../../../../../modules/membership/service"
import type { GetLessonAccessQuery } from "./validators"

/**
 * Entitlements decide first (reason course / bundle). Member-only content (visibility
 * "members") also opens for any active membership, content for some plans ("plans") for an
 * active membership of one of them: reason "membership", expires_at = the membership's end.
 * Visibility "public" or none: entitlements only, exactly as before memberships.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, GetLessonAccessQuery>, res: MedusaResponse) {
  const entitlements: EntitlementModuleService = req.scope.resolve(ENTITLEMENT_MODULE)
  const { course_document_id, lesson_document_id, visibility, plans } = req.validatedQuery as GetLessonAccessQuery
  const customerId = req.auth_context.actor_id
  const access = await entitlements.lessonAccess(customerId, course_document_id, lesson_document_id)
  if (access.allowed || (visibility !== "members" && visibility !== "plans")) {
    res.json(access)
    return
  }
  const memberships: MembershipModuleService = req.scope.resolve(MEMBERSHIP_MODULE)
  const member = await memberships.memberAccess(customerId, visibility === "plans" ? plans ?? [] : null)
  res.json(member.allowed ? { allowed: true, reason: "membership", expires_at: member.ends_at } : access)
}
