import path from "node:path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { describe, expect, it } from "vitest"
import { MEMBERSHIP_MODULE } from ".."
import type MembershipModuleService from "../service"

const moduleDir = path.resolve(__dirname, "..")

moduleIntegrationTestRunner<MembershipModuleService>({
  moduleName: MEMBERSHIP_MODULE,
  resolve: moduleDir,
  // Run the module's real migration (not a schema generated from the model).
  pathToMigrations: path.join(moduleDir, "migrations"),
  testSuite: ({ service }) => {
    describe("MembershipModuleService", () => {
      it("creates and lists plans", async () => {
        const created = await service.createMembershipPlans([
          { handle: "monthly", title: "月度会员", interval: "month", duration_days: 30, benefits: { courses: "all" } },
          { handle: "lifetime", title: "终身会员", interval: "lifetime", duration_days: null },
        ])
        expect(created).toHaveLength(2)
        expect(created[0].id).toMatch(/^mplan_/)
        expect(created[0].is_active).toBe(true)

        const all = await service.listMembershipPlans({}, { order: { handle: "ASC" } })
        expect(all.map((p) => [p.handle, p.interval, p.duration_days])).toEqual([
          ["lifetime", "lifetime", null],
          ["monthly", "month", 30],
        ])
        expect(all[1].benefits).toEqual({ courses: "all" })

        const byInterval = await service.listMembershipPlans({ interval: "month" })
        expect(byInterval.map((p) => p.handle)).toEqual(["monthly"])

        await service.updateMembershipPlans({ id: created[1].id, is_active: false })
        const active = await service.listMembershipPlans({ is_active: true })
        expect(active.map((p) => p.handle)).toEqual(["monthly"])
      })

      it("refuses a second plan with the same handle", async () => {
        await service.createMembershipPlans({ handle: "yearly", title: "年度会员", interval: "year", duration_days: 365 })
        await expect(
          service.createMembershipPlans({ handle: "yearly", title: "另一个", interval: "year", duration_days: 366 })
        ).rejects.toThrow(/yearly.*already exists|already exists/i)
        expect(await service.listMembershipPlans({ handle: "yearly" })).toHaveLength(1)
      })

      it("allows a handle again once its plan is soft-deleted", async () => {
        const [plan] = await service.createMembershipPlans([
          { handle: "quarterly", title: "季度会员", interval: "quarter", duration_days: 91 },
        ])
        await service.softDeleteMembershipPlans(plan.id)
        const again = await service.createMembershipPlans({
          handle: "quarterly",
          title: "季度会员",
          interval: "quarter",
          duration_days: 90,
        })
        expect(again.id).not.toBe(plan.id)
        expect(await service.listMembershipPlans({ handle: "quarterly" })).toHaveLength(1)
      })

      it("rejects an unknown interval", async () => {
        await expect(
          service.createMembershipPlans({ handle: "weekly", title: "周会员", interval: "week" as any, duration_days: 7 })
        ).rejects.toThrow()
      })
    })
  },
})
