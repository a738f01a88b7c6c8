import { describe, expect, it } from 'vitest';
import {
  activePlanHandle,
  memberPricesResponseSchema,
  membershipPlansResponseSchema,
  membershipResponseSchema,
  membershipState,
  planBenefits,
} from './membership-schema';
import { priceDisplay } from './member-price';

describe('membershipPlansResponseSchema', () => {
  it('parses plans and keeps benefits only as a list of texts', () => {
    const parsed = membershipPlansResponseSchema.parse({
      membership_plans: [
        { id: 'mplan_1', handle: 'monthly', title: '月度会员', interval: 'month', duration_days: 30, benefits: ['会员价'], is_active: true, created_at: 'x' },
        { id: 'mplan_2', handle: 'lifetime', title: '终身会员', interval: 'lifetime', duration_days: null, benefits: { a: 1 }, is_active: true },
        { id: 'mplan_3', handle: 'yearly', title: '年度会员', interval: 'year', duration_days: 365, benefits: null, is_active: true },
      ],
    });
    expect(parsed.membership_plans.map((plan) => [plan.handle, plan.durationDays, plan.benefits])).toEqual([
      ['monthly', 30, ['会员价']],
      ['lifetime', null, null],
      ['yearly', 365, null],
    ]);
  });

  it('rejects unknown intervals', () => {
    expect(
      membershipPlansResponseSchema.safeParse({
        membership_plans: [{ id: 'p', handle: 'weekly', title: 'w', interval: 'week', duration_days: 7, benefits: null, is_active: true }],
      }).success,
    ).toBe(false);
  });

  it('only takes all-text benefit lists', () => {
    expect(planBenefits([' a ', 'b'])).toEqual(['a', 'b']);
    expect(planBenefits(['a', 2])).toBeNull();
    expect(planBenefits([])).toBeNull();
    expect(planBenefits('a')).toBeNull();
  });
});

describe('membershipResponseSchema', () => {
  const active = {
    plan: { handle: 'yearly', title: '年度会员', interval: 'year' },
    status: 'active',
    starts_at: '2026-01-01T00:00:00.000Z',
    ends_at: '2027-01-01T00:00:00.000Z',
    days_left: 200,
  };

  it('parses a membership and none', () => {
    const parsed = membershipResponseSchema.parse({ membership: active }).membership!;
    expect(parsed).toEqual({
      plan: { handle: 'yearly', title: '年度会员', interval: 'year' },
      status: 'active',
      startsAt: '2026-01-01T00:00:00.000Z',
      endsAt: '2027-01-01T00:00:00.000Z',
      daysLeft: 200,
    });
    expect(membershipResponseSchema.parse({ membership: null }).membership).toBeNull();
    expect(
      membershipResponseSchema.parse({ membership: { ...active, plan: { handle: 'gone', title: 'gone', interval: null } } }).membership
        ?.plan.interval,
    ).toBeNull();
    expect(membershipResponseSchema.safeParse({ membership: { ...active, status: 'paused' } }).success).toBe(false);
  });

  it('knows active, past-end and lifetime memberships', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const parsed = membershipResponseSchema.parse({ membership: active }).membership!;
    expect(activePlanHandle(parsed, now)).toBe('yearly');
    expect(membershipState(parsed, now)).toBe('active');
    const later = new Date('2027-02-01T00:00:00Z');
    expect(activePlanHandle(parsed, later)).toBeNull();
    expect(membershipState(parsed, later)).toBe('expired');
    const lifetime = membershipResponseSchema.parse({
      membership: { ...active, plan: { handle: 'lifetime', title: '终身', interval: 'lifetime' }, ends_at: null, days_left: null },
    }).membership!;
    expect(activePlanHandle(lifetime, later)).toBe('lifetime');
    const expired = membershipResponseSchema.parse({ membership: { ...active, status: 'expired', days_left: 0 } }).membership!;
    expect(activePlanHandle(expired, now)).toBeNull();
    expect(membershipState(expired, now)).toBe('expired');
    expect(activePlanHandle(null)).toBeNull();
  });
});

describe('memberPricesResponseSchema', () => {
  it('accepts yuan numbers and numeric strings', () => {
    expect(memberPricesResponseSchema.parse({ member_prices: { v1: 159.2, v2: '23.92' } }).member_prices).toEqual({ v1: 159.2, v2: 23.92 });
    expect(memberPricesResponseSchema.safeParse({ member_prices: { v1: 'free' } }).success).toBe(false);
  });
});

describe('priceDisplay', () => {
  it('offers the member price to non-members beside the regular price', () => {
    expect(priceDisplay(19900, 15920, false)).toEqual({ priceFen: 19900, strikeFen: null, memberPriceFen: 15920 });
  });

  it('charges members the member price with the list price struck through', () => {
    expect(priceDisplay(19900, 15920, true)).toEqual({ priceFen: 15920, strikeFen: 19900, memberPriceFen: null });
  });

  it('ignores missing or not-lower member prices', () => {
    expect(priceDisplay(19900, null, true)).toEqual({ priceFen: 19900, strikeFen: null, memberPriceFen: null });
    expect(priceDisplay(19900, 19900, false)).toEqual({ priceFen: 19900, strikeFen: null, memberPriceFen: null });
    expect(priceDisplay(null, 100, false)).toEqual({ priceFen: null, strikeFen: null, memberPriceFen: null });
  });
});
