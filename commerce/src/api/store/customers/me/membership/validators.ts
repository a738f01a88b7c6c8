import { z } from "@medusajs/framework/zod"

/** Query of GET /store/customers/me/membership: none. */
export const GetMyMembershipQuery = z.object({}).strict()

export type GetMyMembershipQuery = z.infer<typeof GetMyMembershipQuery>
