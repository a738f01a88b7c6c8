import type { InferTypeOf } from "@medusajs/framework/types"
import { MedusaService } from "@medusajs/framework/utils"
import { courseAudienceIn, lessonAudienceIn, type Audience, type CourseVisibility, type LessonVisibility } from "@community/contracts"
import { CourseAccessRule } from "./models/course-access-rule"
import { Entitlement } from "./models/entitlement"

export type EntitlementDTO = InferTypeOf<typeof Entitlement>
export type CourseAccessRuleDTO = InferTypeOf<typeof CourseAccessRule>

/** Why a lesson is open or closed: by the whole course, by a bundle, by nothing, or by something that expired. */
export type LessonAccessReason = "course" | "bundle" | "none" | "expired"

export type LessonAccess = {
  allowed: boolean
  reason: LessonAccessReason
  /** When the access that decided ends (null: never); for "expired", when it ended; null for "none". */
  expires_at: Date | null
}

/** What a customer holds of one course: whether they own it whole, and what their lessons cost them. */
export type CourseStanding = {
  owns_course: boolean
  /** Active, non-revoked "lessons" entitlements of the course. */
  lesson_entitlements: EntitlementDTO[]
  /** Sum of their paid_fen: what "complete the course" (补差价) credits. */
  credit_fen: number
}

const time = (value: Date | string | null | undefined): number | null =>
  value === null || value === undefined ? null : new Date(value).getTime()

/** Granted, not revoked, started and not yet expired. */
export function isActive(entitlement: EntitlementDTO, now: Date): boolean {
  if (entitlement.revoked_at) return false
  const start = time(entitlement.starts_at)
  const end = time(entitlement.expires_at)
  return (start === null || start <= now.getTime()) && (end === null || end > now.getTime())
}

/** Lessons a "lessons" entitlement opens (the stored json is an array of document ids). */
export function lessonIdsOf(entitlement: EntitlementDTO): string[] {
  const ids = entitlement.lesson_document_ids as unknown
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : []
}

function covers(entitlement: EntitlementDTO, lessonDocumentId: string): boolean {
  return entitlement.scope === "course" || lessonIdsOf(entitlement).includes(lessonDocumentId)
}

/** The latest end among entitlements; null as soon as one never ends. */
function latestEnd(entitlements: EntitlementDTO[]): Date | null {
  let latest: number | null = null
  for (const e of entitlements) {
    const end = time(e.expires_at)
    if (end === null) return null
    latest = latest === null ? end : Math.max(latest, end)
  }
  return latest === null ? null : new Date(latest)
}

/** A stored rule in the catalog payload's shape (the json columns read defensively). */
export function courseVisibilityOf(rule: Pick<CourseAccessRuleDTO, "visibility" | "plans" | "lesson_rules">): CourseVisibility {
  const plans = Array.isArray(rule.plans) ? (rule.plans as unknown[]).filter((p): p is string => typeof p === "string") : []
  const lessons = Array.isArray(rule.lesson_rules) ? (rule.lesson_rules as LessonVisibility[]) : []
  const course = courseAudienceIn({ visibility: rule.visibility, visible_to_plans: plans })
  return { visibility: course.visibility, visible_to_plans: course.plans, lesson_visibility: lessons }
}

class EntitlementModuleService extends MedusaService({ Entitlement, CourseAccessRule }) {
  /**
   * The customer's entitlements that open something now (not revoked, started, not expired),
   * oldest first. With `includeExpired`, expired ones are listed too; revoked ones never are.
   */
  async activeForCustomer(
    customerId: string,
    now: Date = new Date(),
    options: { includeExpired?: boolean; courseDocumentId?: string } = {}
  ): Promise<EntitlementDTO[]> {
    const held = await this.listEntitlements(
      {
        customer_id: customerId,
        revoked_at: null,
        ...(options.courseDocumentId ? { course_document_id: options.courseDocumentId } : {}),
      },
      { order: { starts_at: "ASC", id: "ASC" } }
    )
    return held.filter((e) => {
      if (isActive(e, now)) return true
      const start = time(e.starts_at)
      return !!options.includeExpired && (start === null || start <= now.getTime())
    })
  }

  /** Whether the customer may open the lesson now, and why. */
  async lessonAccess(
    customerId: string,
    courseDocumentId: string,
    lessonDocumentId: string,
    now: Date = new Date()
  ): Promise<LessonAccess> {
    const held = await this.listEntitlements({
      customer_id: customerId,
      course_document_id: courseDocumentId,
      revoked_at: null,
    })
    const covering = held.filter((e) => covers(e, lessonDocumentId))
    const active = covering.filter((e) => isActive(e, now))
    const wholeCourse = active.filter((e) => e.scope === "course")
    if (wholeCourse.length) return { allowed: true, reason: "course", expires_at: latestEnd(wholeCourse) }
    if (active.length) return { allowed: true, reason: "bundle", expires_at: latestEnd(active) }
    const expired = covering.filter((e) => {
      const end = time(e.expires_at)
      return end !== null && end <= now.getTime()
    })
    if (expired.length) return { allowed: false, reason: "expired", expires_at: latestEnd(expired) }
    return { allowed: false, reason: "none", expires_at: null }
  }

  /**
   * Who may open this lesson beyond its buyers, from the rule the catalog sync stored: the
   * stricter of the course and the lesson (the contracts' rule). A course commerce holds no
   * rule for (never delivered) is public: buyers only.
   */
  async lessonAudience(courseDocumentId: string, lessonDocumentId: string): Promise<Audience> {
    const [rule] = await this.listCourseAccessRules({ course_document_id: courseDocumentId }, { take: 1 })
    if (!rule) return { visibility: "public", plans: [] }
    return lessonAudienceIn(courseVisibilityOf(rule), lessonDocumentId)
  }

  /** True when the customer may open the lesson now. */
  async canOpenLesson(
    customerId: string,
    courseDocumentId: string,
    lessonDocumentId: string,
    now: Date = new Date()
  ): Promise<boolean> {
    return (await this.lessonAccess(customerId, courseDocumentId, lessonDocumentId, now)).allowed
  }

  /** Whether the customer owns the course whole, and the credit their active lesson bundles give. */
  async courseStanding(customerId: string, courseDocumentId: string, now: Date = new Date()): Promise<CourseStanding> {
    const active = await this.activeForCustomer(customerId, now, { courseDocumentId })
    const lessonEntitlements = active.filter((e) => e.scope === "lessons")
    return {
      owns_course: active.some((e) => e.scope === "course"),
      lesson_entitlements: lessonEntitlements,
      credit_fen: lessonEntitlements.reduce((sum, e) => sum + e.paid_fen, 0),
    }
  }
}

export default EntitlementModuleService
