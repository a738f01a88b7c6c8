import { model } from "@medusajs/framework/utils"
import { Membership } from "./membership"

/**
 * One purchase of a plan (one paid order line). The line item id is unique, so granting the
 * same order again adds nothing. `days` is what was bought (duration_days × quantity, null for
 * lifetime); `starts_at`/`ends_at` are where those days sit on the member's timeline, laid out
 * back to back in purchase order. Revoking a period (refund, cancel) removes exactly its days.
 */
export const MembershipPeriod = model
  .define("membership_period", {
    id: model.id({ prefix: "mper" }).primaryKey(),
    membership: model.belongsTo(() => Membership, { mappedBy: "periods" }),
    plan_handle: model.text(),
    order_id: model.text(),
    line_item_id: model.text().unique(),
    /** Days bought; null for a lifetime plan. */
    days: model.number().nullable(),
    /** When it was bought: the earliest it can start. Orders the replay. */
    purchased_at: model.dateTime(),
    starts_at: model.dateTime(),
    ends_at: model.dateTime().nullable(),
    /** What the line cost after adjustments, in fen (revenue per plan). */
    paid_fen: model.number(),
    revoked_at: model.dateTime().nullable(),
    revoked_reason: model.text().nullable(),
  })
  .indexes([{ on: ["order_id"] }, { on: ["plan_handle"] }])
