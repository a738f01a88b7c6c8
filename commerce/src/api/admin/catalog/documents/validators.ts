import { z } from "@medusajs/framework/zod"

/** One sellable CMS document as the CMS outbox delivers it. */
export const PostCatalogDocument = z
  .object({
    document_id: z.string().min(1).max(64),
    kind: z.enum(["course"]),
    state: z.enum(["published", "archived"]),
    slug: z.string().max(200).optional(),
    title: z.string().min(1).max(200).optional(),
    summary: z.string().max(2000).nullable().optional(),
    price_fen: z.number().int().min(0).max(100_000_000).nullable(),
    cms_updated_at: z.string().datetime({ offset: true }),
  })
  .strict()
  .refine((doc) => doc.state === "archived" || (doc.title !== undefined && doc.slug !== undefined), {
    message: "a published document needs title and slug",
  })

export type PostCatalogDocument = z.infer<typeof PostCatalogDocument>
