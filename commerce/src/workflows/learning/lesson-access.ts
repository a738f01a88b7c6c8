import type { MedusaContainer } from "@medusajs/framework/types"
import { membershipRequirement } from "@community/contracts"
import { ENTITLEMENT_MODULE } from "../../modules/entitlement"
import type EntitlementModuleService from "../../modules/entitlement/service"
import type { LessonAccessReason } from "../../modules/entitlement/service"
import { MEMBERSHIP_MODULE } from "../../modules/membership"
import type MembershipModuleService from "../../modules/membership/service"

export type LessonAccessAnswer = {
  allowed: boolean
  reason: LessonAccessReason | "membership"
  /** When the access that decided ends (null: never); for "expired", when it ended; null for "none". */
  expires_at: Date | null
}

/**
 * May this customer open this lesson now, and why. Read-only; spans the two modules:
 * 1. entitlements decide first (reason "course" / "bundle", or the "expired" / "none" answer);
 * 2. otherwise the lesson's audience, which commerce computes itself from the access rule the
 *    catalog sync stored for the course (the stricter of course and lesson: members, or some
 *    plans), opens it for an active membership: reason "membership", expires_at = the
 *    membership's end. A public lesson, or a course no rule was delivered for, is buyers only.
 * Nothing the caller says about visibility is used.
 */
export async function decideLessonAccess(
  container: MedusaContainer,
  input: { customer_id: string; course_document_id: string; lesson_document_id: string },
  now: Date = new Date()
): Promise<LessonAccessAnswer> {
  const entitlements: EntitlementModuleService = container.resolve(ENTITLEMENT_MODULE)
  const [access, audience] = await Promise.all([
    entitlements.lessonAccess(input.customer_id, input.course_document_id, input.lesson_document_id, now),
    entitlements.lessonAudience(input.course_document_id, input.lesson_document_id),
  ])
  if (access.allowed) return access
  const plans = membershipRequirement(audience)
  if (plans === false) return access
  const memberships: MembershipModuleService = container.resolve(MEMBERSHIP_MODULE)
  const member = await memberships.memberAccess(input.customer_id, plans, now)
  return member.allowed ? { allowed: true, reason: "membership", expires_at: member.ends_at } : access
}
