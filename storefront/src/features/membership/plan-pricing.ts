export const planIntervals = ['month', 'quarter', 'year', 'lifetime'] as const;
export type PlanInterval = (typeof planIntervals)[number];

/** Months a plan covers; null for lifetime (no per-month price). */
export function planMonths(interval: PlanInterval): number | null {
  switch (interval) {
    case 'month':
      return 1;
    case 'quarter':
      return 3;
    case 'year':
      return 12;
    default:
      return null;
  }
}

/** What a plan costs per month, in whole fen (rounded once): ¥299/year → 2492. Null for lifetime. */
export function perMonthFen(priceFen: number, interval: PlanInterval): number | null {
  const months = planMonths(interval);
  if (months === null) return null;
  return Math.round(priceFen / months);
}

export interface PlanSaving {
  /** The same months at the monthly price. */
  baselineFen: number;
  /** What the plan saves against that (> 0). */
  savingFen: number;
  /** As a whole percentage of the baseline (at least 1). */
  percent: number;
}

/**
 * What a plan saves against paying monthly for as long: yearly ¥299 vs 12 × ¥39 = ¥468 →
 * ¥169 (36%). Null for the monthly plan, lifetime, an unknown monthly price, or no saving.
 * Integer fen throughout.
 */
export function planSaving(priceFen: number, interval: PlanInterval, monthlyPriceFen: number | null): PlanSaving | null {
  const months = planMonths(interval);
  if (months === null || months <= 1 || monthlyPriceFen === null || monthlyPriceFen <= 0) return null;
  const baselineFen = monthlyPriceFen * months;
  const savingFen = baselineFen - priceFen;
  if (savingFen <= 0) return null;
  return { baselineFen, savingFen, percent: Math.max(1, Math.round((savingFen * 100) / baselineFen)) };
}
