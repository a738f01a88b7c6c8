import { z } from "@medusajs/framework/zod"

/**
 * Query of GET /store/customers/me/lesson-access. Commerce decides visibility itself from what
 * the catalog sync delivered, so the caller names only the course and the lesson. The query is
 * strict: `visibility` or `plans` (accepted by earlier versions) answer 400, so a caller that
 * still sends them finds out instead of believing they count.
 */
export const GetLessonAccessQuery = z
  .object({
    course_document_id: z.string().min(1).max(64),
    lesson_document_id: z.string().min(1).max(64),
  })
  .strict()

export type GetLessonAccessQuery = z.infer<typeof GetLessonAccessQuery>
