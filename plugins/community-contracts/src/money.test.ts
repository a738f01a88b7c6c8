import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountToFen, fenToAmount, fenToYuanText, formatAmount, formatFen, yuanToFen } from './money.js';

const fen = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });
const nonNegativeFen = fc.integer({ min: 0, max: 99_999_999_999 });

describe('money in fen', () => {
  it('round-trips every fen amount through Medusa decimals, as numbers and as strings', () => {
    fc.assert(
      fc.property(fen, (value) => {
        expect(amountToFen(fenToAmount(value))).toBe(value);
        expect(amountToFen(String(fenToAmount(value)))).toBe(value);
        expect(amountToFen({ numeric: fenToAmount(value) })).toBe(value);
      }),
    );
  });

  it('reads the amounts that drift in floats exactly', () => {
    expect(amountToFen(29.9)).toBe(2990);
    expect(amountToFen(0.07)).toBe(7);
    expect(amountToFen(1.005)).toBe(101);
    expect(amountToFen(-6.74)).toBe(-674);
    expect(amountToFen('199')).toBe(19900);
  });

  it('refuses what is not an amount', () => {
    for (const bad of [Number.NaN, Infinity, '', 'abc', null, undefined, {}, { numeric: 'x' }]) {
      expect(() => amountToFen(bad)).toThrow(RangeError);
    }
    expect(() => fenToAmount(1.5)).toThrow(RangeError);
    expect(() => formatFen(0.5)).toThrow(RangeError);
  });

  it('formats fen as yuan with two decimals, separators, and the sign first', () => {
    const cases: [number, string][] = [
      [0, '¥0.00'], [5, '¥0.05'], [2990, '¥29.90'], [19900, '¥199.00'], [199900, '¥1,999.00'], [-674, '-¥6.74'],
      [123456789, '¥1,234,567.89'],
    ];
    for (const [value, text] of cases) expect(formatFen(value)).toBe(text);
    expect(formatAmount(29.9)).toBe('¥29.90');
  });

  it('formatted text always reads back to the same fen', () => {
    fc.assert(
      fc.property(fen, (value) => {
        const text = formatFen(value);
        const negative = text.startsWith('-');
        const back = yuanToFen(text.replace(/^-?¥/, '').replace(/,/g, ''));
        expect(negative ? -back! : back).toBe(value);
      }),
    );
  });

  it('reads typed yuan into fen and flags more than two decimals', () => {
    const typed: [string, number | null][] = [
      ['0', 0], ['0.1', 10], ['0.07', 7], ['29.9', 2990], ['99', 9900], ['199.00', 19900], ['29.990', 2999],
      ['x', null], ['', null], ['-1', null], ['1e3', null],
    ];
    for (const [text, value] of typed) expect(yuanToFen(text)).toBe(value);
    expect(yuanToFen('29.999')).toBeCloseTo(2999.9, 6);
  });

  it('what an operator would type reads back to the same fen', () => {
    expect(fenToYuanText(2990)).toBe('29.9');
    expect(fenToYuanText(9900)).toBe('99');
    expect(fenToYuanText(5)).toBe('0.05');
    fc.assert(
      fc.property(nonNegativeFen, (value) => {
        expect(yuanToFen(fenToYuanText(value))).toBe(value);
      }),
    );
  });
});
