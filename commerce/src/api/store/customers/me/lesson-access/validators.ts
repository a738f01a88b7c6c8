import { z } from "@medusajs/framework/zod"

/** Query of GET /store/customers/me/lesson-access. */
export const GetLessonAccessQuery = z
  .object({
    course_document_id: z.string().min(1).max(64),
    lesson_document_id: z.string().min(1).max(64),
  })
  .strict()

export type GetLessonAccessQuery = z.infer<typeof GetLessonAccessQuery>
