import { describe, expect, it } from "vitest"
import type { CatalogDocumentInput } from "../../../../lib/catalog-product"
import { PostCatalogDocument } from "../../../../api/admin/catalog/documents/validators"
import { courseAccessRuleData, planCourseAccessRule } from "../upsert-course-access-rule"

function course(overrides: Record<string, unknown> = {}): CatalogDocumentInput {
  return {
    document_id: "MembersOnly1",
    kind: "course",
    state: "archived",
    slug: "members-only",
    title: "会员专享",
    summary: null,
    price_fen: null,
    lesson_document_ids: ["L1", "L2"],
    visibility: "members",
    visible_to_plans: [],
    lesson_visibility: [{ lesson_document_id: "L2", visibility: "plans", visible_to_plans: ["yearly"] }],
    cms_updated_at: "2026-03-01T10:00:00.000Z",
    ...overrides,
  } as CatalogDocumentInput
}

const stored = (cms_updated_at: string) => ({ id: "car_1", cms_updated_at: new Date(cms_updated_at) as any })

describe("planCourseAccessRule", () => {
  it("stores the rule of a course that is not for sale (members-only courses have no price)", () => {
    expect(planCourseAccessRule(course(), undefined)).toEqual({
      action: "create",
      data: {
        course_document_id: "MembersOnly1",
        visibility: "members",
        plans: [],
        lesson_rules: [{ lesson_document_id: "L2", visibility: "plans", visible_to_plans: ["yearly"] }],
        cms_updated_at: new Date("2026-03-01T10:00:00.000Z"),
      },
    })
  })

  it("ignores deliveries older than the stored rule, comparing instants; the same instant applies again", () => {
    expect(planCourseAccessRule(course({ cms_updated_at: "2026-03-01T17:59:59+08:00" }), stored("2026-03-01T10:00:00Z"))).toEqual({
      action: "skip",
      reason: "stale",
    })
    expect(planCourseAccessRule(course(), stored("2026-03-01T18:00:00+08:00"))).toMatchObject({ action: "update", id: "car_1" })
    expect(planCourseAccessRule(course({ cms_updated_at: "2026-03-02T10:00:00Z" }), stored("2026-03-01T10:00:00Z"))).toMatchObject({
      action: "update",
      data: { visibility: "members" },
    })
  })

  it("leaves the rule alone for bundles and for a CMS that sends no visibility", () => {
    const bundle = { document_id: "B1", kind: "bundle", state: "published", price_fen: 990, cms_updated_at: "2026-03-01T10:00:00Z" } as CatalogDocumentInput
    expect(planCourseAccessRule(bundle, undefined)).toEqual({ action: "skip", reason: "not a course" })
    const old = course({ visibility: undefined, visible_to_plans: undefined, lesson_visibility: undefined })
    expect(planCourseAccessRule(old, stored("2026-01-01T00:00:00Z"))).toEqual({ action: "skip", reason: "no visibility in delivery" })
  })

  it("normalises: plans only with visibility plans, no public or repeated lessons", () => {
    expect(
      courseAccessRuleData(
        course({
          visibility: "public",
          visible_to_plans: ["yearly"],
          lesson_visibility: [
            { lesson_document_id: "L1", visibility: "members", visible_to_plans: ["yearly"] },
            { lesson_document_id: "L1", visibility: "plans", visible_to_plans: ["yearly"] },
          ],
        })
      )
    ).toMatchObject({ visibility: "public", plans: [], lesson_rules: [{ lesson_document_id: "L1", visibility: "members", visible_to_plans: [] }] })
  })
})

describe("POST /admin/catalog/documents body: course visibility", () => {
  const body = (overrides: Record<string, unknown>) => ({ ...course(), cms_updated_at: "2026-03-01T10:00:00.000Z", ...overrides })

  it("accepts what the CMS sends, and a course without visibility (older CMS builds)", () => {
    expect(PostCatalogDocument.safeParse(body({})).success).toBe(true)
    expect(PostCatalogDocument.safeParse(body({ visibility: undefined, visible_to_plans: undefined, lesson_visibility: undefined })).success).toBe(true)
  })

  it("refuses unknown marks, bad plan handles, public lesson entries and rules without the course's visibility", () => {
    for (const bad of [
      { visibility: "vip" },
      { visibility: "plans", visible_to_plans: ["Year Plan!"] },
      { lesson_visibility: [{ lesson_document_id: "L1", visibility: "public", visible_to_plans: [] }] },
      { lesson_visibility: [{ lesson_document_id: "L1", visibility: "members" }] },
      { visibility: undefined },
    ]) {
      expect(PostCatalogDocument.safeParse(body(bad)).success, JSON.stringify(bad)).toBe(false)
    }
  })
})
