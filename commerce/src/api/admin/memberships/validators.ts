import { z } from "@medusajs/framework/zod"

/** Query of GET /admin/memberships. */
export const ListMembershipsQuery = z
  .object({
    /** Only active memberships that end within this many days from now (lifetime ones never do). */
    expiring_within_days: z.coerce.number().int().min(0).max(3650).optional(),
    status: z.enum(["active", "expired", "revoked"]).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()

export type ListMembershipsQuery = z.infer<typeof ListMembershipsQuery>

/** Query of GET /admin/memberships/revenue: none. */
export const GetMembershipRevenueQuery = z.object({}).strict()

/** Body of POST /admin/memberships/expire-due. `as_of` is the clock (default: now). */
export const PostExpireDue = z
  .object({
    as_of: z.string().datetime({ offset: true, message: "as_of must be an ISO datetime, e.g. 2026-05-01T00:00:00Z" }).optional(),
  })
  .strict()

export type PostExpireDue = z.infer<typeof PostExpireDue>

/** Body of POST /admin/memberships/remind-expiring. `as_of` is the clock (default: now). */
export const PostRemindExpiring = PostExpireDue

export type PostRemindExpiring = z.infer<typeof PostRemindExpiring>
