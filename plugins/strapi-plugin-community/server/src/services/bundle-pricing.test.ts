import { describe, expect, it } from 'vitest';
import {
  formatYuan,
  perLessonPrices,
  priceBundle,
  psychologicalPrice,
  suggestSplits,
  yuanToFen,
  type CourseForPricing,
  type PricingWarningCode,
} from './bundle-pricing';

const lessons = (n: number, freePreviews = 0) =>
  Array.from({ length: n }, (_, i) => ({ documentId: `l${i + 1}`, position: i + 1, freePreview: i < freePreviews }));

const course199: CourseForPricing = { documentId: 'c1', priceFen: 19900, lessons: lessons(12) };
const codes = (r: { warnings: { code: PricingWarningCode }[] }) => r.warnings.map((w) => w.code).sort();

describe('perLessonPrices', () => {
  it('splits ¥199 over 12 lessons in whole fen, remainder on the first lessons, summing exactly', () => {
    const prices = perLessonPrices(19900, lessons(12));
    expect(prices.map((p) => p.priceFen)).toEqual([1659, 1659, 1659, 1659, 1658, 1658, 1658, 1658, 1658, 1658, 1658, 1658]);
    expect(prices.reduce((s, p) => s + p.priceFen, 0)).toBe(19900);
  });

  it('orders by position, not by input order', () => {
    const prices = perLessonPrices(10, [
      { documentId: 'b', position: 2 },
      { documentId: 'a', position: 1 },
      { documentId: 'c', position: 3 },
    ]);
    expect(prices).toEqual([
      { documentId: 'a', priceFen: 4 },
      { documentId: 'b', priceFen: 3 },
      { documentId: 'c', priceFen: 3 },
    ]);
  });

  it('refuses a course price that is not whole fen', () => {
    expect(() => perLessonPrices(99.5, lessons(3))).toThrow(RangeError);
  });
});

describe('priceBundle', () => {
  it('prices the 10-lesson pack at ¥99 against its lessons bought alone', () => {
    const result = priceBundle({ course: course199, bundleLessonIds: lessons(10).map((l) => l.documentId), bundlePriceFen: 9900 });
    expect(result).toMatchObject({
      fullPriceFen: 19900,
      courseLessonCount: 12,
      bundleLessonCount: 10,
      perLessonSumFen: 4 * 1659 + 6 * 1658,
      bundlePriceFen: 9900,
      savingFen: 16584 - 9900,
      savingPercent: 40.3,
      coversWholeCourse: false,
      warnings: [],
    });
  });

  it('warns when the bundle costs more than its lessons bought alone', () => {
    const result = priceBundle({ course: course199, bundleLessonIds: ['l11', 'l12'], bundlePriceFen: 3990 });
    expect(result.savingFen).toBe(3316 - 3990);
    expect(result.savingPercent).toBe(-20.3);
    expect(codes(result)).toEqual(['bundle_dearer_than_lessons']);
    expect(result.warnings[0].zh).toContain('¥39.90');
    expect(result.warnings[0].en).toContain('¥33.16');
  });

  it('says "dearer than the whole course" (not per lesson) when the bundle holds every lesson', () => {
    const all = lessons(12).map((l) => l.documentId);
    expect(codes(priceBundle({ course: course199, bundleLessonIds: all, bundlePriceFen: 19901 }))).toEqual(['dearer_than_whole_course']);
    const fair = priceBundle({ course: course199, bundleLessonIds: all, bundlePriceFen: 19900 });
    expect(fair.coversWholeCourse).toBe(true);
    expect(fair.warnings).toEqual([]);
    expect(fair.savingFen).toBe(0);
  });

  it('warns about an empty bundle', () => {
    const result = priceBundle({ course: course199, bundleLessonIds: [], bundlePriceFen: 100 });
    expect(codes(result)).toEqual(['empty_bundle']);
    expect(result.perLessonSumFen).toBe(0);
    expect(result.savingPercent).toBeNull();
  });

  it('leaves lessons of another course out of the sum and names them', () => {
    const result = priceBundle({ course: course199, bundleLessonIds: ['l1', 'other-1', 'other-2', 'l1'], bundlePriceFen: 1000 });
    expect(result.bundleLessonCount).toBe(1);
    expect(result.perLessonSumFen).toBe(1659);
    const warning = result.warnings.find((w) => w.code === 'lessons_from_other_course');
    expect(warning?.lessonDocumentIds).toEqual(['other-1', 'other-2']);
    expect(warning?.zh).toContain('2 个课时');
  });

  it('rounds a price that is not whole fen and says so', () => {
    const result = priceBundle({ course: course199, bundleLessonIds: ['l1', 'l2', 'l3'], bundlePriceFen: 2989.9 });
    expect(result.bundlePriceFen).toBe(2990);
    expect(codes(result)).toEqual(['price_not_whole_fen']);
    expect(result.warnings[0].en).toContain('¥29.90');
  });

  it('flags a negative price', () => {
    expect(codes(priceBundle({ course: course199, bundleLessonIds: ['l1'], bundlePriceFen: -1 }))).toEqual(['negative_price']);
  });

  it('cannot compare when the course has no price', () => {
    const result = priceBundle({ course: { ...course199, priceFen: null }, bundleLessonIds: ['l1'], bundlePriceFen: 990 });
    expect(result).toMatchObject({ perLessonSumFen: null, savingFen: null, savingPercent: null, perLessonPrices: [] });
    expect(codes(result)).toEqual(['course_not_for_sale']);
  });

  it('refuses a non-finite price', () => {
    expect(() => priceBundle({ course: course199, bundleLessonIds: ['l1'], bundlePriceFen: Number.NaN })).toThrow(RangeError);
  });
});

describe('money helpers', () => {
  it('formats fen as yuan with integer arithmetic', () => {
    expect(formatYuan(2990)).toBe('¥29.90');
    expect(formatYuan(19900)).toBe('¥199.00');
    expect(formatYuan(5)).toBe('¥0.05');
    expect(formatYuan(-674)).toBe('-¥6.74');
  });

  it('reads typed yuan without float drift', () => {
    expect(yuanToFen('29.9')).toBe(2990);
    expect(yuanToFen('99')).toBe(9900);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('19.99')).toBe(1999);
    expect(yuanToFen('29.990')).toBe(2999);
    expect(yuanToFen('29.999')).toBeCloseTo(2999.9, 6);
    expect(yuanToFen('abc')).toBeNull();
    expect(yuanToFen('-1')).toBeNull();
    expect(yuanToFen('')).toBeNull();
  });

  it('finds psychological prices', () => {
    expect(psychologicalPrice(9950)).toBe(9900); // ¥99.5 → ¥99
    expect(psychologicalPrice(14999)).toBe(14900);
    expect(psychologicalPrice(2986)).toBe(2990); // ¥29.86 → ¥29.9
    expect(psychologicalPrice(4400)).toBe(3990);
    expect(psychologicalPrice(650)).toBe(690);
    expect(psychologicalPrice(10)).toBe(90);
  });
});

describe('suggestSplits', () => {
  it('suggests a 3-lesson taster at ¥29.9 and a 10-lesson pack at ¥99 for a 12-lesson ¥199 course', () => {
    const [taster, pack] = suggestSplits(course199);
    expect(taster).toMatchObject({ kind: 'taster', priceFen: 2990, lessonDocumentIds: ['l1', 'l2', 'l3'] });
    expect(pack).toMatchObject({ kind: 'pack', priceFen: 9900, lessonDocumentIds: lessons(10).map((l) => l.documentId) });
    expect(taster.pricing.warnings).toEqual([]);
    expect(pack.pricing.savingPercent).toBe(40.3);
  });

  it('keeps free previews out of the paid taster', () => {
    const [taster] = suggestSplits({ ...course199, lessons: lessons(12, 2) });
    expect(taster.lessonDocumentIds).toEqual(['l3', 'l4', 'l5']);
  });

  it('suggests nothing for a course without a price or with few lessons', () => {
    expect(suggestSplits({ ...course199, priceFen: null })).toEqual([]);
    expect(suggestSplits({ ...course199, lessons: lessons(4) })).toEqual([]);
  });
});

/** mulberry32: a tiny seeded generator, so a failing case can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

describe('properties (500 seeded random courses)', () => {
  const SEED = 20261126;

  it('holds for prices, sums, savings and warnings', () => {
    const r = rng(SEED);
    let suggestions = 0;
    for (let run = 0; run < 500; run += 1) {
      const n = r.int(0, 40);
      const positions = Array.from({ length: n }, () => r.int(1, 60)); // duplicates allowed
      const course: CourseForPricing = {
        priceFen: r.next() < 0.05 ? null : r.int(0, 200_000),
        lessons: positions.map((position, i) => ({ documentId: `d${run}-${i}`, position, freePreview: r.next() < 0.15 })),
      };
      const picked = course.lessons.filter(() => r.next() < 0.5).map((l) => l.documentId);
      if (r.next() < 0.1) picked.push(`foreign-${run}`);
      const price = r.next() < 0.1 ? r.int(0, 300_000) + 0.5 : r.int(0, 300_000);
      const context = `seed ${SEED}, run ${run}`;

      const result = priceBundle({ course, bundleLessonIds: picked, bundlePriceFen: price });
      const has = (code: PricingWarningCode) => result.warnings.some((w) => w.code === code);

      expect(Number.isInteger(result.bundlePriceFen), context).toBe(true);
      expect(has('price_not_whole_fen'), context).toBe(!Number.isInteger(price));
      expect(has('empty_bundle'), context).toBe(picked.length === 0);
      expect(has('lessons_from_other_course'), context).toBe(picked.some((id) => id.startsWith('foreign')));
      for (const w of result.warnings) expect(w.zh.length > 0 && w.en.length > 0, context).toBe(true);

      if (course.priceFen === null) {
        expect(result.perLessonSumFen, context).toBeNull();
        expect(has('course_not_for_sale'), context).toBe(true);
        continue;
      }
      const all = perLessonPrices(course.priceFen, course.lessons);
      if (n > 0) {
        expect(all.reduce((s, p) => s + p.priceFen, 0), context).toBe(course.priceFen);
        const values = all.map((p) => p.priceFen);
        expect(Math.max(...values) - Math.min(...values), context).toBeLessThanOrEqual(1);
      }
      for (const p of all) expect(Number.isInteger(p.priceFen) && p.priceFen >= 0, context).toBe(true);

      const inCourse = new Set(picked.filter((id) => !id.startsWith('foreign')));
      const expectedSum = all.filter((p) => inCourse.has(p.documentId)).reduce((s, p) => s + p.priceFen, 0);
      expect(result.perLessonSumFen, context).toBe(expectedSum);
      expect(result.savingFen, context).toBe(expectedSum - result.bundlePriceFen);
      expect(Number.isInteger(result.savingFen), context).toBe(true);
      expect(result.coversWholeCourse, context).toBe(n > 0 && inCourse.size === n);
      if (result.perLessonSumFen! > 0) {
        expect(result.savingPercent, context).toBeCloseTo((100 * result.savingFen!) / result.perLessonSumFen!, 0);
        expect(Math.round(result.savingPercent! * 10), context).toBeCloseTo(result.savingPercent! * 10, 9);
      } else {
        expect(result.savingPercent, context).toBeNull();
      }
      expect(has('dearer_than_whole_course'), context).toBe(result.coversWholeCourse && result.bundlePriceFen > course.priceFen);
      expect(has('bundle_dearer_than_lessons'), context).toBe(!result.coversWholeCourse && inCourse.size > 0 && result.savingFen! < 0);
      expect(has('negative_price'), context).toBe(result.bundlePriceFen < 0);

      for (const suggestion of suggestSplits(course)) {
        suggestions += 1;
        expect(Number.isInteger(suggestion.priceFen), context).toBe(true);
        expect(suggestion.priceFen, context).toBeGreaterThan(0);
        expect(suggestion.pricing.savingFen!, context).toBeGreaterThan(0);
        expect(suggestion.pricing.warnings, context).toEqual([]);
        expect(suggestion.priceFen % 10, context).toBe(0); // ends in 9.9 / 9 yuan: never odd fen
      }
    }
    expect(suggestions).toBeGreaterThan(100); // the generator does reach the suggestion rules
  });
});
