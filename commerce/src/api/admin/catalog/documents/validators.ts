import { z } from "@medusajs/framework/zod"
import { PLAN_HANDLE_PATTERN } from "@community/contracts"

const documentId = z.string().min(1).max(64)
const planHandles = z.array(z.string().regex(PLAN_HANDLE_PATTERN, "a plan handle such as \"yearly\"")).max(50)

/**
 * How far ahead of this server's clock a CMS timestamp may be. Deliveries older than what a
 * product holds are ignored, so a timestamp in the future (a wrong clock, a forged request)
 * would freeze the product against every real change after it.
 */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000

const cmsTimestamp = z
  .string()
  .datetime({ offset: true })
  .refine((value) => Date.parse(value) <= Date.now() + MAX_CLOCK_SKEW_MS, {
    message: "cms_updated_at is in the future (more than 5 minutes ahead of commerce's clock)",
  })
const lessonIds = z.array(documentId).max(500)

/** Fields every sellable document shares. */
const base = {
  document_id: documentId,
  state: z.enum(["published", "archived"]),
  slug: z.string().max(200).optional(),
  title: z.string().min(1).max(200).optional(),
  summary: z.string().max(2000).nullable().optional(),
  price_fen: z.number().int().min(0).max(100_000_000).nullable(),
  cms_updated_at: cmsTimestamp,
}

const needsTitleAndSlug = (doc: { state: string; title?: string; slug?: string }) =>
  doc.state === "archived" || (doc.title !== undefined && doc.slug !== undefined)
const titleAndSlugMessage = { message: "a published document needs title and slug" }

/** A lesson whose own visibility is not public (see @community/contracts visibility.ts). */
const LessonVisibility = z
  .object({
    lesson_document_id: documentId,
    visibility: z.enum(["members", "plans"]),
    visible_to_plans: planHandles,
  })
  .strict()

/**
 * A course (课程). `lesson_document_ids` is optional: older CMS builds do not send it. So are
 * `visibility`, `visible_to_plans` and `lesson_visibility` (who may open it beyond buyers): a
 * delivery without them leaves the stored access rule as it is (none = public).
 */
const CourseDocument = z
  .object({
    ...base,
    kind: z.literal("course"),
    lesson_document_ids: lessonIds.optional(),
    visibility: z.enum(["public", "members", "plans"]).optional(),
    visible_to_plans: planHandles.optional(),
    lesson_visibility: z.array(LessonVisibility).max(500).optional(),
  })
  .strict()
  .refine(needsTitleAndSlug, titleAndSlugMessage)
  .refine((doc) => doc.visibility !== undefined || (doc.visible_to_plans === undefined && doc.lesson_visibility === undefined), {
    message: "visible_to_plans and lesson_visibility need visibility",
    path: ["visibility"],
  })

/** A split-price lesson bundle (拆分课程包). A withdrawn bundle may send no course (null) and no lessons. */
const BundleDocument = z
  .object({
    ...base,
    kind: z.literal("bundle"),
    course_document_id: documentId.nullable().optional(),
    lesson_document_ids: lessonIds.optional(),
    validity_days: z.number().int().min(1).max(36_500).nullable().optional(),
  })
  .strict()
  .refine(needsTitleAndSlug, titleAndSlugMessage)
  .refine(
    (doc) =>
      doc.state === "archived" ||
      (!!doc.course_document_id && doc.lesson_document_ids !== undefined && doc.lesson_document_ids.length > 0),
    { message: "a published bundle needs course_document_id and at least one of lesson_document_ids" }
  )

/** One sellable CMS document as the CMS outbox delivers it, told apart by `kind`. */
export const PostCatalogDocument = z.discriminatedUnion("kind", [CourseDocument, BundleDocument], {
  error: (issue) =>
    issue.code === "invalid_union" && "note" in issue && issue.note === "No matching discriminator"
      ? "kind must be one of: course, bundle"
      : undefined,
})

export type PostCatalogDocument = z.infer<typeof PostCatalogDocument>
