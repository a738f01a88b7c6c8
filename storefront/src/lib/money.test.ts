import { describe, expect, it } from 'vitest';
import { amountToFen, formatAmount, formatFen } from './money';

describe('amountToFen', () => {
  it('converts decimal yuan to integer fen without float drift', () => {
    expect(amountToFen(199)).toBe(19900);
    expect(amountToFen(29.9)).toBe(2990);
    expect(amountToFen(0.1 + 0.2)).toBe(30);
    expect(amountToFen(1.005)).toBe(101);
    expect(amountToFen(0)).toBe(0);
    expect(amountToFen(-29.9)).toBe(-2990);
  });

  it('rejects non-finite input', () => {
    expect(() => amountToFen(Number.NaN)).toThrow(RangeError);
    expect(() => amountToFen(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('formatFen', () => {
  it('formats fen as yuan with two decimals', () => {
    expect(formatFen(19900)).toBe('¥199.00');
    expect(formatFen(2990)).toBe('¥29.90');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(199_900)).toBe('¥1,999.00');
    expect(formatFen(123_456_789)).toBe('¥1,234,567.89');
    expect(formatFen(-500)).toBe('-¥5.00');
  });

  it('rejects fractional fen', () => {
    expect(() => formatFen(29.9)).toThrow(RangeError);
  });
});

describe('formatAmount', () => {
  it('formats Medusa decimal amounts', () => {
    expect(formatAmount(29.9)).toBe('¥29.90');
    expect(formatAmount(199)).toBe('¥199.00');
    expect(formatAmount(99)).toBe('¥99.00');
  });
});
