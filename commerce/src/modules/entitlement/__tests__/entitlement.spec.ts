import path from "node:path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { describe, expect, it } from "vitest"
import { ENTITLEMENT_MODULE } from ".."
import type EntitlementModuleService from "../service"

const moduleDir = path.resolve(__dirname, "..")

const NOW = new Date("2026-03-15T00:00:00.000Z")
const DAY = 24 * 60 * 60 * 1000

let line = 0
function grant(overrides: Record<string, unknown> = {}) {
  line += 1
  return {
    customer_id: "cus_A",
    course_document_id: "Course1",
    scope: "lessons" as const,
    lesson_document_ids: ["L1", "L2", "L3"] as unknown as Record<string, unknown>,
    source_kind: "bundle" as const,
    source_document_id: "Taster3",
    order_id: "order_1",
    line_item_id: `item_${line}`,
    paid_fen: 2990,
    starts_at: new Date(NOW.getTime() - 5 * DAY),
    expires_at: null as Date | null,
    ...overrides,
  }
}

moduleIntegrationTestRunner<EntitlementModuleService>({
  moduleName: ENTITLEMENT_MODULE,
  resolve: moduleDir,
  pathToMigrations: path.join(moduleDir, "migrations"),
  testSuite: ({ service }) => {
    describe("EntitlementModuleService", () => {
      it("stores an entitlement with its lessons", async () => {
        const created = await service.createEntitlements(grant())
        expect(created.id).toMatch(/^ent_/)
        const [read] = await service.listEntitlements({ id: created.id })
        expect(read).toMatchObject({
          customer_id: "cus_A",
          scope: "lessons",
          lesson_document_ids: ["L1", "L2", "L3"],
          source_kind: "bundle",
          paid_fen: 2990,
          expires_at: null,
          revoked_at: null,
        })
      })

      it("refuses a second entitlement for the same line item", async () => {
        await service.createEntitlements(grant({ line_item_id: "item_same" }))
        await expect(service.createEntitlements(grant({ line_item_id: "item_same" }))).rejects.toThrow(/already exists/i)
        expect(await service.listEntitlements({ line_item_id: "item_same" })).toHaveLength(1)
      })

      it("rejects an unknown scope", async () => {
        await expect(service.createEntitlements(grant({ scope: "everything" }))).rejects.toThrow()
      })

      it("opens a bundle's lessons, and only those", async () => {
        await service.createEntitlements(grant({ expires_at: new Date(NOW.getTime() + 10 * DAY) }))
        expect(await service.lessonAccess("cus_A", "Course1", "L2", NOW)).toEqual({
          allowed: true,
          reason: "bundle",
          expires_at: new Date(NOW.getTime() + 10 * DAY),
        })
        expect(await service.canOpenLesson("cus_A", "Course1", "L2", NOW)).toBe(true)
        expect(await service.lessonAccess("cus_A", "Course1", "L9", NOW)).toEqual({
          allowed: false,
          reason: "none",
          expires_at: null,
        })
        // Another course, another customer.
        expect(await service.canOpenLesson("cus_A", "Course2", "L2", NOW)).toBe(false)
        expect(await service.canOpenLesson("cus_B", "Course1", "L2", NOW)).toBe(false)
      })

      it("says expired after a bundle's validity, and the bundle that lasts longest wins", async () => {
        const ended = new Date(NOW.getTime() - DAY)
        await service.createEntitlements(grant({ starts_at: new Date(NOW.getTime() - 31 * DAY), expires_at: ended }))
        expect(await service.lessonAccess("cus_A", "Course1", "L1", NOW)).toEqual({
          allowed: false,
          reason: "expired",
          expires_at: ended,
        })
        expect(await service.activeForCustomer("cus_A", NOW)).toHaveLength(0)
        expect(await service.activeForCustomer("cus_A", NOW, { includeExpired: true })).toHaveLength(1)

        await service.createEntitlements(grant({ lesson_document_ids: ["L1"], expires_at: null }))
        expect(await service.lessonAccess("cus_A", "Course1", "L1", NOW)).toEqual({
          allowed: true,
          reason: "bundle",
          expires_at: null,
        })
      })

      it("opens every lesson of an owned course, and says so before bundles", async () => {
        await service.createEntitlements([
          grant(),
          grant({ scope: "course", lesson_document_ids: null, source_kind: "upgrade", source_document_id: "Course1" }),
        ])
        expect(await service.lessonAccess("cus_A", "Course1", "L3", NOW)).toEqual({
          allowed: true,
          reason: "course",
          expires_at: null,
        })
        expect(await service.lessonAccess("cus_A", "Course1", "L42", NOW)).toMatchObject({ allowed: true, reason: "course" })
      })

      it("ignores revoked entitlements", async () => {
        const created = await service.createEntitlements(grant({ scope: "course", lesson_document_ids: null, source_kind: "course" }))
        await service.updateEntitlements({ id: created.id, revoked_at: NOW, revoked_reason: "refund" })
        expect(await service.lessonAccess("cus_A", "Course1", "L1", NOW)).toEqual({ allowed: false, reason: "none", expires_at: null })
        expect(await service.activeForCustomer("cus_A", NOW, { includeExpired: true })).toHaveLength(0)
        expect((await service.courseStanding("cus_A", "Course1", NOW)).owns_course).toBe(false)
      })

      it("credits the active lesson bundles of the course for an upgrade", async () => {
        await service.createEntitlements([
          grant({ paid_fen: 2990 }),
          grant({ paid_fen: 8900, lesson_document_ids: ["L4", "L5"] }),
          // Expired, revoked, other course, other customer: no credit.
          grant({ paid_fen: 1000, expires_at: new Date(NOW.getTime() - DAY) }),
          grant({ paid_fen: 1000, revoked_at: NOW }),
          grant({ paid_fen: 1000, course_document_id: "Course2" }),
          grant({ paid_fen: 1000, customer_id: "cus_B" }),
        ])
        const standing = await service.courseStanding("cus_A", "Course1", NOW)
        expect(standing.owns_course).toBe(false)
        expect(standing.lesson_entitlements).toHaveLength(2)
        expect(standing.credit_fen).toBe(2990 + 8900)
      })

      it("lists the customer's active entitlements, oldest first", async () => {
        await service.createEntitlements([
          grant({ starts_at: new Date(NOW.getTime() - DAY), source_document_id: "Newer" }),
          grant({ starts_at: new Date(NOW.getTime() - 2 * DAY), source_document_id: "Older" }),
          grant({ starts_at: new Date(NOW.getTime() + DAY), source_document_id: "NotYet" }),
          grant({ customer_id: "cus_B", source_document_id: "Theirs" }),
        ])
        const mine = await service.activeForCustomer("cus_A", NOW)
        expect(mine.map((e) => e.source_document_id)).toEqual(["Older", "Newer"])
      })
    })

    describe("course access rules (the visibility the catalog sync delivered)", () => {
      const json = (value: unknown) => value as Record<string, unknown>

      it("answers public for a course no rule was delivered for", async () => {
        expect(await service.lessonAudience("NeverDelivered", "L1")).toEqual({ visibility: "public", plans: [] })
      })

      it("reads the stricter of course and lesson from the stored rule", async () => {
        await service.createCourseAccessRules({
          course_document_id: "Course1",
          visibility: "plans",
          plans: json(["yearly", "lifetime"]),
          lesson_rules: json([
            { lesson_document_id: "L2", visibility: "plans", visible_to_plans: ["lifetime", "monthly"] },
            { lesson_document_id: "L3", visibility: "members", visible_to_plans: [] },
          ]),
          cms_updated_at: NOW,
        })
        expect(await service.lessonAudience("Course1", "L1")).toEqual({ visibility: "plans", plans: ["yearly", "lifetime"] })
        expect(await service.lessonAudience("Course1", "L2")).toEqual({ visibility: "plans", plans: ["lifetime"] })
        expect(await service.lessonAudience("Course1", "L3")).toEqual({ visibility: "plans", plans: ["yearly", "lifetime"] })
        // Rules are per course: another course's lessons are not affected.
        expect(await service.lessonAudience("Course2", "L2")).toEqual({ visibility: "public", plans: [] })
      })

      it("keeps one rule per course", async () => {
        const rule = { visibility: "members" as const, plans: json([]), lesson_rules: json([]), cms_updated_at: NOW }
        await service.createCourseAccessRules({ course_document_id: "Course1", ...rule })
        await expect(service.createCourseAccessRules({ course_document_id: "Course1", ...rule })).rejects.toThrow()
      })
    })
  },
})
