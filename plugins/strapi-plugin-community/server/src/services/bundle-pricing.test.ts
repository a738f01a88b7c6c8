import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFen, yuanToFen } from '@community/contracts';
import {
  perLessonPrices,
  priceBundle,
  psychologicalPrice,
  suggestSplits,
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
    expect(formatFen(2990)).toBe('¥29.90');
    expect(formatFen(19900)).toBe('¥199.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(-674)).toBe('-¥6.74');
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

// fast-check: random courses, picks and prices (negative, fractional and foreign lessons
// included), shrunk to the smallest failing case when a rule breaks.
const courseArb = fc
  .record({
    priceFen: fc.option(fc.integer({ min: 0, max: 200_000 }), { freq: 20 }),
    lessons: fc.array(fc.record({ position: fc.integer({ min: 1, max: 60 }), freePreview: fc.boolean() }), { maxLength: 40 }),
  })
  .map(({ priceFen, lessons }): CourseForPricing => ({
    priceFen,
    lessons: lessons.map((lesson, i) => ({ documentId: `d${i}`, ...lesson })),
  }));
const caseArb = courseArb.chain((course) =>
  fc.record({
    course: fc.constant(course),
    picked: fc.subarray(course.lessons.map((l) => l.documentId)),
    foreign: fc.boolean(),
    price: fc.oneof(
      fc.integer({ min: -50_000, max: 300_000 }),
      fc.integer({ min: 0, max: 300_000 }).map((fen) => fen + 0.5),
    ),
  }),
);

describe('properties (fast-check)', () => {
  it('hold for prices, sums, savings and warnings', () => {
    fc.assert(
      fc.property(caseArb, ({ course, picked: inCoursePicks, foreign, price }) => {
        const picked = foreign ? [...inCoursePicks, 'foreign-1'] : inCoursePicks;
        const n = course.lessons.length;
        const result = priceBundle({ course, bundleLessonIds: picked, bundlePriceFen: price });
        const has = (code: PricingWarningCode) => result.warnings.some((w) => w.code === code);

        expect(Number.isInteger(result.bundlePriceFen)).toBe(true);
        expect(has('price_not_whole_fen')).toBe(!Number.isInteger(price));
        expect(has('empty_bundle')).toBe(picked.length === 0);
        expect(has('lessons_from_other_course')).toBe(foreign);
        expect(has('negative_price')).toBe(price < 0);
        for (const w of result.warnings) expect(w.zh.length > 0 && w.en.length > 0).toBe(true);

        if (course.priceFen === null) {
          expect(result.perLessonSumFen).toBeNull();
          expect(has('course_not_for_sale')).toBe(true);
          return;
        }
        const all = perLessonPrices(course.priceFen, course.lessons);
        if (n > 0) {
          expect(all.reduce((s, p) => s + p.priceFen, 0)).toBe(course.priceFen);
          const values = all.map((p) => p.priceFen);
          expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
        }
        for (const p of all) expect(Number.isInteger(p.priceFen) && p.priceFen >= 0).toBe(true);

        const inCourse = new Set(inCoursePicks);
        const expectedSum = all.filter((p) => inCourse.has(p.documentId)).reduce((s, p) => s + p.priceFen, 0);
        expect(result.perLessonSumFen).toBe(expectedSum);
        expect(result.savingFen).toBe(expectedSum - result.bundlePriceFen);
        expect(result.coversWholeCourse).toBe(n > 0 && inCourse.size === n);
        if (result.perLessonSumFen! > 0) {
          expect(result.savingPercent).toBeCloseTo((100 * result.savingFen!) / result.perLessonSumFen!, 0);
          expect(Math.round(result.savingPercent! * 10)).toBeCloseTo(result.savingPercent! * 10, 9);
        } else {
          expect(result.savingPercent).toBeNull();
        }
        expect(has('dearer_than_whole_course')).toBe(result.coversWholeCourse && result.bundlePriceFen > course.priceFen);
        expect(has('bundle_dearer_than_lessons')).toBe(!result.coversWholeCourse && inCourse.size > 0 && result.savingFen! < 0);
      }),
      { numRuns: 500 },
    );
  });

  it('every suggested split is a whole, positive, psychological price that saves money', () => {
    let suggestions = 0;
    fc.assert(
      fc.property(courseArb, (course) => {
        for (const suggestion of suggestSplits(course)) {
          suggestions += 1;
          expect(Number.isInteger(suggestion.priceFen)).toBe(true);
          expect(suggestion.priceFen).toBeGreaterThan(0);
          expect(suggestion.pricing.savingFen!).toBeGreaterThan(0);
          expect(suggestion.pricing.warnings).toEqual([]);
          expect(suggestion.priceFen % 10).toBe(0); // ends in 9.9 / 9 yuan: never odd fen
        }
      }),
      { numRuns: 500 },
    );
    expect(suggestions).toBeGreaterThan(100); // the generator does reach the suggestion rules
  });
});
