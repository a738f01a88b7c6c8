import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { audience, type LessonVisibility } from "@community/contracts"
import type { CatalogDocumentInput } from "../../../lib/catalog-product"
import { ENTITLEMENT_MODULE } from "../../../modules/entitlement"
import type EntitlementModuleService from "../../../modules/entitlement/service"
import type { CourseAccessRuleDTO } from "../../../modules/entitlement/service"

/** The row a course delivery stores (course_access_rule). */
export type CourseAccessRuleData = {
  course_document_id: string
  visibility: "public" | "members" | "plans"
  plans: string[]
  lesson_rules: LessonVisibility[]
  cms_updated_at: Date
}

export type ExistingCourseAccessRule = Pick<CourseAccessRuleDTO, "id" | "cms_updated_at"> &
  Partial<Pick<CourseAccessRuleDTO, "visibility" | "plans" | "lesson_rules">>

export type CourseAccessRulePlan =
  | { action: "skip"; reason: "not a course" | "no visibility in delivery" | "stale" }
  | { action: "create"; data: CourseAccessRuleData }
  | { action: "update"; id: string; data: CourseAccessRuleData }

/**
 * The rule a delivery carries, normalised (plans only with visibility "plans", lessons whose own
 * mark is public left out); null for bundles and for courses from a CMS that sends no visibility.
 */
export function courseAccessRuleData(input: CatalogDocumentInput): CourseAccessRuleData | null {
  if (input.kind !== "course" || input.visibility === undefined) return null
  const course = audience(input.visibility, input.visible_to_plans)
  const lessons = new Map<string, LessonVisibility>()
  for (const rule of input.lesson_visibility ?? []) {
    const mark = audience(rule.visibility, rule.visible_to_plans)
    if (mark.visibility === "public" || lessons.has(rule.lesson_document_id)) continue
    lessons.set(rule.lesson_document_id, { lesson_document_id: rule.lesson_document_id, visibility: mark.visibility, visible_to_plans: mark.plans })
  }
  return {
    course_document_id: input.document_id,
    visibility: course.visibility,
    plans: course.plans,
    lesson_rules: [...lessons.values()],
    cms_updated_at: new Date(input.cms_updated_at),
  }
}

/**
 * Pure decision: what one delivery means for the course's stored rule. Like the product upsert,
 * a delivery older than what is stored is ignored (instants compared, not text); the same instant
 * is applied again (harmless: deliveries carry current state).
 */
export function planCourseAccessRule(input: CatalogDocumentInput, existing: ExistingCourseAccessRule | undefined): CourseAccessRulePlan {
  if (input.kind !== "course") return { action: "skip", reason: "not a course" }
  const data = courseAccessRuleData(input)
  if (!data) return { action: "skip", reason: "no visibility in delivery" }
  if (!existing) return { action: "create", data }
  if (new Date(existing.cms_updated_at).getTime() > data.cms_updated_at.getTime()) return { action: "skip", reason: "stale" }
  return { action: "update", id: existing.id, data }
}

type Compensation =
  | { created_id: string }
  | { previous: Omit<CourseAccessRuleData, "course_document_id"> & { id: string } }
  | null

type StepResult = { action: CourseAccessRulePlan["action"]; id: string | null; reason: string | null }

/** The json columns are typed as objects; they hold arrays (like entitlement.lesson_document_ids). */
const row = <T extends { plans: string[]; lesson_rules: LessonVisibility[] }>(data: T) =>
  ({ ...data, plans: data.plans as unknown as Record<string, unknown>, lesson_rules: data.lesson_rules as unknown as Record<string, unknown> })

/**
 * Stores the course's access rule (create, update, or nothing for a stale delivery). Undone on
 * compensation: a rule it created is deleted, a rule it changed is put back as it was.
 */
export const upsertCourseAccessRuleStep = createStep(
  "upsert-course-access-rule",
  async (input: CatalogDocumentInput, { container }): Promise<StepResponse<StepResult, Compensation>> => {
    const service: EntitlementModuleService = container.resolve(ENTITLEMENT_MODULE)
    const [existing] =
      input.kind === "course" ? await service.listCourseAccessRules({ course_document_id: input.document_id }, { take: 1 }) : []
    const plan = planCourseAccessRule(input, existing)
    if (plan.action === "skip") return new StepResponse({ action: plan.action, id: existing?.id ?? null, reason: plan.reason }, null)
    if (plan.action === "create") {
      const created = await service.createCourseAccessRules(row(plan.data))
      return new StepResponse({ action: plan.action, id: created.id, reason: null }, { created_id: created.id })
    }
    await service.updateCourseAccessRules({ id: plan.id, ...row(plan.data) })
    const previous = {
      id: existing!.id,
      visibility: existing!.visibility,
      plans: existing!.plans as unknown as string[],
      lesson_rules: existing!.lesson_rules as unknown as LessonVisibility[],
      cms_updated_at: new Date(existing!.cms_updated_at),
    }
    return new StepResponse({ action: plan.action, id: plan.id, reason: null }, { previous })
  },
  async (compensation: Compensation | undefined, { container }) => {
    if (!compensation) return
    const service: EntitlementModuleService = container.resolve(ENTITLEMENT_MODULE)
    if ("created_id" in compensation) {
      await service.deleteCourseAccessRules(compensation.created_id)
      return
    }
    await service.updateCourseAccessRules(row(compensation.previous))
  }
)
