import { z } from "@medusajs/framework/zod"

const variantId = z.string().regex(/^variant_[0-9A-Za-z]+$/, "variant_id must look like variant_…")

/** Query of GET /store/member-prices: one or more `variant_id` (repeat the parameter), at most 100. */
export const GetMemberPricesQuery = z
  .object({
    variant_id: z
      .union([variantId, z.array(variantId)])
      .transform((value) => (Array.isArray(value) ? value : [value]))
      .refine((ids) => ids.length >= 1 && ids.length <= 100, "variant_id: between 1 and 100 variants"),
  })
  .strict()

export type GetMemberPricesQuery = z.infer<typeof GetMemberPricesQuery>
