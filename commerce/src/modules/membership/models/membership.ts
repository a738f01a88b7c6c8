import { model } from "@medusajs/framework/utils"
import { MembershipPeriod } from "./membership-period"

/**
 * A customer's paid membership: ONE row per customer, the sum of all their membership
 * purchases (periods). `starts_at`/`ends_at` are derived from the periods (see
 * `replayTimeline` in ../timeline.ts) and never edited by hand; `ends_at` null means lifetime.
 * `plan_handle` is the plan of the period that decides `ends_at` (the latest one).
 */
export const Membership = model
  .define("membership", {
    id: model.id({ prefix: "mem" }).primaryKey(),
    customer_id: model.text().unique(),
    plan_handle: model.text(),
    /** active: counts now; expired: the expiry job saw ends_at pass; revoked: every period was refunded or canceled. */
    status: model.enum(["active", "expired", "revoked"]).default("active"),
    starts_at: model.dateTime(),
    ends_at: model.dateTime().nullable(),
    periods: model.hasMany(() => MembershipPeriod, { mappedBy: "membership" }),
  })
  .indexes([{ on: ["status", "ends_at"] }])
