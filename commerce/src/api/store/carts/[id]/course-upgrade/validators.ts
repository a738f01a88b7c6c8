import { z } from "@medusajs/framework/zod"

/** Body of POST /store/carts/:id/course-upgrade. */
export const PostCourseUpgrade = z
  .object({
    course_document_id: z.string().min(1).max(64),
  })
  .strict()

export type PostCourseUpgrade = z.infer<typeof PostCourseUpgrade>
