import { model } from "@medusajs/framework/utils"

/**
 * Who may open a course's lessons beyond its buyers, as the CMS last delivered it through the
 * catalog sync (POST /admin/catalog/documents): one row per course, for sale or not (members-only
 * courses have no price and no product, but still have a rule). lesson-access reads it; a course
 * without a row is "public" (entitlements only).
 */
export const CourseAccessRule = model
  .define("course_access_rule", {
    id: model.id({ prefix: "car" }).primaryKey(),
    course_document_id: model.text().unique(),
    /** The course's own mark: "public" (buyers only), "members" (any active member) or "plans". */
    visibility: model.enum(["public", "members", "plans"]),
    /** Plan handles when visibility is "plans"; [] otherwise. */
    plans: model.json(),
    /** The lessons whose own mark is not public: [{ lesson_document_id, visibility, visible_to_plans }]. */
    lesson_rules: model.json(),
    /** When the CMS read the course (the delivery's cms_updated_at); older deliveries are ignored. */
    cms_updated_at: model.dateTime(),
  })
