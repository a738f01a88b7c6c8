/**
 * Money in integer fen, shared by the plugin's server (pricing service) and admin (bundle page):
 * no float arithmetic anywhere.
 */

/** `¥29.90` from 2990, with integer arithmetic only. */
export function formatYuan(fen: number): string {
  const whole = Math.round(fen);
  const sign = whole < 0 ? '-' : '';
  const abs = Math.abs(whole);
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Yuan as typed by a person ("29.9", "99", "29.999") to fen, without float arithmetic.
 * Returns a non-integer when more than two decimals were typed (29.999 → 2999.9), so callers
 * can flag it; null when the text is not a plain non-negative decimal number.
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
