import { z } from "@medusajs/framework/zod"

export const ListMembershipPlansQuery = z
  .object({
    interval: z.enum(["month", "quarter", "year", "lifetime"]).optional(),
  })
  .strict()

export type ListMembershipPlansQuery = z.infer<typeof ListMembershipPlansQuery>
