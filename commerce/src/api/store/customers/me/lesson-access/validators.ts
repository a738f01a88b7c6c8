import { z } from "@medusajs/framework/zod"

const planHandle = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "plans: comma-separated plan handles")

/**
 * Query of GET /store/customers/me/lesson-access. `visibility` and `plans` are optional: the
 * storefront server passes the course/lesson visibility it read from the CMS. Without them the
 * route answers from entitlements only.
 */
export const GetLessonAccessQuery = z
  .object({
    course_document_id: z.string().min(1).max(64),
    lesson_document_id: z.string().min(1).max(64),
    visibility: z.enum(["public", "members", "plans"]).optional(),
    plans: z
      .string()
      .max(500)
      .transform((value) => value.split(",").map((h) => h.trim()).filter(Boolean))
      .pipe(z.array(planHandle).min(1, "plans: at least one plan handle"))
      .optional(),
  })
  .strict()
  .refine((q) => q.visibility !== "plans" || (q.plans?.length ?? 0) > 0, {
    message: "plans is required when visibility is plans",
    path: ["plans"],
  })
  .refine((q) => q.plans === undefined || q.visibility === "plans", {
    message: "plans is only allowed with visibility=plans",
    path: ["plans"],
  })

export type GetLessonAccessQuery = z.infer<typeof GetLessonAccessQuery>
