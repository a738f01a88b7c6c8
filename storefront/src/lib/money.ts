/**
 * Money is handled in integer fen (分) so sums never drift; conversion from
 * Medusa's decimal major units (29.9 = ¥29.90) happens once, at the edge.
 */

/** Medusa v2 amount (decimal yuan) → integer fen. 29.9 → 2990, 199 → 19900. */
export function amountToFen(amount: number): number {
  if (!Number.isFinite(amount)) throw new RangeError(`Not a finite amount: ${amount}`);
  // toPrecision strips binary noise first (29.9 * 100 = 2989.9999999999995; 1.005 * 100 = 100.49999…).
  const fen = Math.round(Math.abs(Number((amount * 100).toPrecision(12))));
  return amount < 0 ? -fen : fen;
}

/** Integer fen → "¥1,999.00". */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`Fen must be an integer: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100).toString().padStart(2, '0');
  return `${sign}¥${yuan}.${cents}`;
}

/** Medusa decimal amount → "¥29.90". */
export function formatAmount(amount: number): string {
  return formatFen(amountToFen(amount));
}
