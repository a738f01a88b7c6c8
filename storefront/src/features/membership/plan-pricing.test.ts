import { describe, expect, it } from 'vitest';
import { perMonthFen, planSaving } from './plan-pricing';

describe('perMonthFen', () => {
  it('divides by the months of the plan, in whole fen', () => {
    expect(perMonthFen(3900, 'month')).toBe(3900);
    expect(perMonthFen(9900, 'quarter')).toBe(3300);
    expect(perMonthFen(29900, 'year')).toBe(2492);
    expect(perMonthFen(99900, 'lifetime')).toBeNull();
  });

  it('never drifts into fractions', () => {
    for (const price of [1, 99, 2990, 12345, 29900, 100001]) {
      for (const interval of ['month', 'quarter', 'year'] as const) {
        expect(Number.isSafeInteger(perMonthFen(price, interval))).toBe(true);
      }
    }
  });
});

describe('planSaving', () => {
  it('compares with paying monthly', () => {
    expect(planSaving(29900, 'year', 3900)).toEqual({ baselineFen: 46800, savingFen: 16900, percent: 36 });
    expect(planSaving(9900, 'quarter', 3900)).toEqual({ baselineFen: 11700, savingFen: 1800, percent: 15 });
  });

  it('shows nothing for monthly, lifetime, unknown monthly prices or no saving', () => {
    expect(planSaving(3900, 'month', 3900)).toBeNull();
    expect(planSaving(99900, 'lifetime', 3900)).toBeNull();
    expect(planSaving(29900, 'year', null)).toBeNull();
    expect(planSaving(46800, 'year', 3900)).toBeNull();
    expect(planSaving(50000, 'year', 3900)).toBeNull();
  });

  it('rounds the percentage once and never below 1', () => {
    expect(planSaving(46799, 'year', 3900)).toEqual({ baselineFen: 46800, savingFen: 1, percent: 1 });
    expect(planSaving(2990 * 3 - 1, 'quarter', 2990)?.savingFen).toBe(1);
  });
});
