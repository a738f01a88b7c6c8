import { z } from "@medusajs/framework/zod"

/** Query of GET /store/customers/me/course-upgrade-quote. */
export const GetCourseUpgradeQuoteQuery = z
  .object({
    course_document_id: z.string().min(1).max(64),
  })
  .strict()

export type GetCourseUpgradeQuoteQuery = z.infer<typeof GetCourseUpgradeQuoteQuery>
