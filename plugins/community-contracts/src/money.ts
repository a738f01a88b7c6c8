/**
 * Money in integer fen (分), end to end. The CMS stores fen; Medusa stores decimal yuan
 * (29.9); conversion happens once, at the edge, and never through float arithmetic that
 * could drift (29.9 * 100 = 2989.9999999999995).
 */

/** A decimal amount as Medusa returns it (number, numeric string or BigNumber-like `{ numeric }`). */
export type MedusaAmount = number | string | { numeric: unknown };

/** Medusa's decimal yuan → integer fen: 29.9 → 2990, "199" → 19900. Throws on anything that is not a finite amount. */
export function amountToFen(amount: MedusaAmount | unknown): number {
  const value =
    typeof amount === 'object' && amount !== null && 'numeric' in amount
      ? Number((amount as { numeric: unknown }).numeric)
      : typeof amount === 'string' && amount.trim() !== ''
        ? Number(amount)
        : typeof amount === 'number'
          ? amount
          : Number.NaN;
  if (!Number.isFinite(value)) throw new RangeError(`Not an amount: ${String(amount)}`);
  // toPrecision strips binary noise before rounding (1.005 * 100 = 100.49999…).
  const fen = Math.round(Math.abs(Number((value * 100).toPrecision(12))));
  return value < 0 && fen !== 0 ? -fen : fen;
}

/** Integer fen → the decimal yuan Medusa stores: 2990 → 29.9. */
export function fenToAmount(fen: number): number {
  assertFen(fen);
  return Number((fen / 100).toFixed(2));
}

/** Integer fen → "¥1,999.00" (negative: "-¥6.74"). */
export function formatFen(fen: number): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** Medusa's decimal amount → "¥29.90". */
export function formatAmount(amount: MedusaAmount): string {
  return formatFen(amountToFen(amount));
}

/**
 * Yuan as a person types it ("29.9", "99", "29.999") → fen, without float arithmetic. More
 * than two significant decimals give a non-integer (29.999 → 2999.9) so callers can flag it;
 * null when the text is not a plain non-negative decimal number.
 */
export function yuanToFen(text: string): number | null {
  const match = /^\s*(\d{1,9})(?:\.(\d+))?\s*$/.exec(text);
  if (!match) return null;
  const fraction = match[2] ?? '';
  const whole = Number(match[1]) * 100 + Number((fraction + '00').slice(0, 2));
  const rest = fraction.slice(2);
  return rest && /[1-9]/.test(rest) ? whole + Number(`0.${rest}`) : whole;
}

/** Fen → what an operator would type: 2990 → "29.9", 9900 → "99", 5 → "0.05". */
export function fenToYuanText(fen: number): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const cents = abs % 100;
  const yuan = Math.floor(abs / 100);
  return `${sign}${cents === 0 ? yuan : `${yuan}.${String(cents).padStart(2, '0').replace(/0$/, '')}`}`;
}

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`Fen must be an integer: ${fen}`);
}
