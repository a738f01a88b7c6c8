import { describe, expect, it } from 'vitest';
import { fenToYuanText, formatYuan, yuanToFen } from './money';

describe('money helpers (server pricing and admin page alike)', () => {
  it('read typed yuan into fen without float drift, and format fen as yuan', () => {
    const typed: [string, number | null][] = [
      ['0', 0], ['0.1', 10], ['0.07', 7], ['29.9', 2990], ['99', 9900], ['199.00', 19900], ['x', null], ['', null],
    ];
    for (const [text, fen] of typed) expect(yuanToFen(text)).toBe(fen);
    expect(Number.isInteger(yuanToFen('29.999'))).toBe(false); // flagged as "not whole fen"
    const formatted: [number, string][] = [[0, '¥0.00'], [5, '¥0.05'], [2990, '¥29.90'], [19900, '¥199.00'], [-674, '-¥6.74']];
    for (const [fen, text] of formatted) expect(formatYuan(fen)).toBe(text);
  });

  it('turn fen back into what an operator types', () => {
    expect(fenToYuanText(2990)).toBe('29.9');
    expect(fenToYuanText(9900)).toBe('99');
    expect(fenToYuanText(1999)).toBe('19.99');
    expect(fenToYuanText(5)).toBe('0.05');
    for (const fen of [1, 10, 99, 100, 2990, 123456]) expect(yuanToFen(fenToYuanText(fen))).toBe(fen);
  });
});
