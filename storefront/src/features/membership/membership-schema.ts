import { z } from 'astro/zod';
import { planIntervals, type PlanInterval } from './plan-pricing';

/** GET /store/membership-plans (commerce). */
export const membershipPlansResponseSchema = z.object({
  membership_plans: z.array(
    z
      .object({
        id: z.string(),
        handle: z.string().min(1),
        title: z.string(),
        interval: z.enum(planIntervals),
        duration_days: z.number().int().nullish(),
        benefits: z.unknown().optional(),
        is_active: z.boolean().nullish(),
      })
      .transform((raw) => ({
        id: raw.id,
        handle: raw.handle,
        title: raw.title,
        interval: raw.interval,
        durationDays: raw.duration_days ?? null,
        benefits: planBenefits(raw.benefits),
        isActive: raw.is_active !== false,
      })),
  ),
});

export type MembershipPlan = z.infer<typeof membershipPlansResponseSchema>['membership_plans'][number];

/** GET /store/customers/me/membership (commerce, with the customer's token). */
export const membershipResponseSchema = z.object({
  membership: z
    .object({
      // interval is null when the plan has been deleted since.
      plan: z.object({ handle: z.string().min(1), title: z.string(), interval: z.enum(planIntervals).nullable() }),
      status: z.enum(['active', 'expired', 'revoked']),
      starts_at: z.string().nullish(),
      ends_at: z.string().nullable(),
      days_left: z.number().nullable(),
    })
    .transform((raw) => ({
      plan: raw.plan,
      status: raw.status,
      startsAt: raw.starts_at ?? null,
      endsAt: raw.ends_at,
      daysLeft: raw.days_left === null ? null : Math.max(0, Math.floor(raw.days_left)),
    }))
    .nullable(),
});

export type Membership = NonNullable<z.infer<typeof membershipResponseSchema>['membership']>;

// Medusa amounts are numbers; accept numeric strings in case a BigNumber leaks through.
const yuanSchema = z.union([z.number(), z.string().regex(/^\d+(\.\d+)?$/).transform(Number)]);

/** GET /store/member-prices?variant_id=… (commerce, no auth): yuan by variant id. */
export const memberPricesResponseSchema = z.object({
  member_prices: z.record(yuanSchema),
});

/** Plan benefits from commerce when they are a list of texts; otherwise null (the page shows its default list). */
export function planBenefits(value: unknown): string[] | null {
  if (!Array.isArray(value)) return null;
  const texts = value.filter((item): item is string => typeof item === 'string').map((item) => item.trim()).filter(Boolean);
  return texts.length > 0 && texts.length === value.length ? texts : null;
}

/** The plan handle of an ACTIVE membership (status active and not past its end), else null. */
export function activePlanHandle(membership: Membership | null | undefined, now: Date = new Date()): string | null {
  if (!membership || membership.status !== 'active') return null;
  if (membership.endsAt !== null && Date.parse(membership.endsAt) <= now.getTime()) return null;
  return membership.plan.handle;
}

/** How a membership reads on the account page. */
export type MembershipState = 'active' | 'expired' | 'revoked';

export function membershipState(membership: Membership, now: Date = new Date()): MembershipState {
  if (membership.status === 'active') return activePlanHandle(membership, now) ? 'active' : 'expired';
  return membership.status;
}

export type { PlanInterval };
