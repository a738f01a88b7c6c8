import { model } from "@medusajs/framework/utils"

/**
 * One customer's right to a course's lessons, granted by one paid order line. The line
 * item id is unique, so granting the same order again creates nothing.
 */
export const Entitlement = model
  .define("entitlement", {
    id: model.id({ prefix: "ent" }).primaryKey(),
    customer_id: model.text(),
    course_document_id: model.text(),
    /** "course": every lesson of the course; "lessons": only `lesson_document_ids`. */
    scope: model.enum(["course", "lessons"]),
    /** The lessons a "lessons" entitlement opens (a snapshot of the bundle at purchase); null for "course". */
    lesson_document_ids: model.json().nullable(),
    /** What was bought: the course, a bundle, or the course at the upgrade price. */
    source_kind: model.enum(["course", "bundle", "upgrade"]),
    /** CMS document id of the course or bundle that was bought. */
    source_document_id: model.text(),
    order_id: model.text(),
    line_item_id: model.text().unique(),
    /** What this line cost the customer in fen, after adjustments; the credit an upgrade counts. */
    paid_fen: model.number(),
    starts_at: model.dateTime(),
    /** Set for bundles sold with validity_days. */
    expires_at: model.dateTime().nullable(),
    revoked_at: model.dateTime().nullable(),
    /** Why access was revoked, e.g. "refund" or "canceled". */
    revoked_reason: model.text().nullable(),
  })
  .indexes([
    { on: ["customer_id", "course_document_id"] },
    { on: ["order_id"] },
  ])
