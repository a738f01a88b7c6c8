import { z } from "@medusajs/framework/zod"

/** Query of GET /store/customers/me/entitlements: active ones only unless `include=expired`. */
export const ListMyEntitlementsQuery = z
  .object({
    include: z.enum(["expired"]).optional(),
  })
  .strict()

export type ListMyEntitlementsQuery = z.infer<typeof ListMyEntitlementsQuery>
