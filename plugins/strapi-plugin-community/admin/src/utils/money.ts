/** Same rules as server/src/services/bundle-pricing.ts (kept apart so the admin bundle stays browser-only). */

/** `¥29.90` from 2990, with integer arithmetic only. */
export function formatYuan(fen: number): string {
  const whole = Math.round(fen);
  const sign = whole < 0 ? '-' : '';
  const abs = Math.abs(whole);
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Yuan as typed ("29.9", "99") to fen without float arithmetic. More than two decimals give a
 * non-integer (29.999 → 2999.9), which the server flags as `price_not_whole_fen`; null for non-numbers.
 */
export function yuanToFen(text: string): number | null {
  const match = /^\s*(\d{1,9})(?:\.(\d+))?\s*$/.exec(text);
  if (!match) return null;
  const fraction = match[2] ?? '';
  const whole = Number(match[1]) * 100 + Number((fraction + '00').slice(0, 2));
  const rest = fraction.slice(2);
  return rest && /[1-9]/.test(rest) ? whole + Number(`0.${rest}`) : whole;
}

/** 2990 → "29.9", 9900 → "99": how an operator would type it. */
export function fenToYuanText(fen: number): string {
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  return cents === 0 ? String(yuan) : `${yuan}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}
