import { model } from "@medusajs/framework/utils"

/** A plan members can buy: its length and benefits. The price lives on the product variant that sells it. */
export const MembershipPlan = model.define("membership_plan", {
  id: model.id({ prefix: "mplan" }).primaryKey(),
  handle: model.text().unique(),
  title: model.text(),
  interval: model.enum(["month", "quarter", "year", "lifetime"]),
  /** Length of one period in days; null for lifetime. */
  duration_days: model.number().nullable(),
  benefits: model.json().nullable(),
  is_active: model.boolean().default(true),
})
