import { describe, expect, it } from 'vitest';
import { fenToYuanText, formatYuan, yuanToFen } from './money';
import * as server from '../../../server/src/services/bundle-pricing';

describe('admin money helpers', () => {
  it('agree with the server’s', () => {
    for (const text of ['0', '0.1', '0.07', '29.9', '99', '199.00', '29.999', '12.345', 'x', '']) {
      expect(yuanToFen(text)).toEqual(server.yuanToFen(text));
    }
    for (const fen of [0, 5, 2990, 9900, 19900, -674]) expect(formatYuan(fen)).toBe(server.formatYuan(fen));
  });

  it('turn fen back into what an operator types', () => {
    expect(fenToYuanText(2990)).toBe('29.9');
    expect(fenToYuanText(9900)).toBe('99');
    expect(fenToYuanText(1999)).toBe('19.99');
    expect(fenToYuanText(5)).toBe('0.05');
    for (const fen of [1, 10, 99, 100, 2990, 123456]) expect(yuanToFen(fenToYuanText(fen))).toBe(fen);
  });
});
