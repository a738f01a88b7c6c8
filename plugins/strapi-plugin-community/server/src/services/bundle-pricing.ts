/**
 * Split-price lesson bundles (拆分课程包): what a bundle costs against its lessons bought one by
 * one, and what splits to offer. Pure: no Strapi, no I/O, integers (fen) only, so it is safe
 * to unit- and property-test and to run in the admin preview.
 *
 * Money rules
 * - Every amount is an integer number of fen (¥1 = 100 fen). A non-integer bundle price is
 *   rounded to the nearest fen and reported with the `price_not_whole_fen` warning.
 * - Per-lesson price: the course's list price divided by its lesson count, in whole fen. The
 *   remainder fen go one each to the first lessons (by position), so the per-lesson prices of
 *   all lessons add up to the course price exactly (19900 / 12 → 4 × 1659 + 8 × 1658).
 * - Saving = (sum of the per-lesson prices of the bundle's lessons) − bundle price, in fen;
 *   negative when the bundle is dearer. Saving % = saving / per-lesson sum, one decimal.
 */

import { formatFen, yuanToFen } from '@community/contracts';

export type PricingLesson = {
  documentId: string;
  position: number;
  /** Free previews (试听) are skipped when suggesting a paid taster. */
  freePreview?: boolean;
};

export type CourseForPricing = {
  documentId?: string;
  /** List price in fen; null = not for sale. */
  priceFen: number | null;
  lessons: PricingLesson[];
};

export type BundlePricingInput = {
  course: CourseForPricing;
  bundleLessonIds: string[];
  /** Bundle price in fen (may be non-integer when typed by hand; it is then rounded and flagged). */
  bundlePriceFen: number;
};

export type PricingWarningCode =
  | 'bundle_dearer_than_lessons'
  | 'dearer_than_whole_course'
  | 'empty_bundle'
  | 'lessons_from_other_course'
  | 'price_not_whole_fen'
  | 'negative_price'
  | 'course_not_for_sale';

export type PricingWarning = {
  code: PricingWarningCode;
  zh: string;
  en: string;
  /** The lessons concerned, for `lessons_from_other_course`. */
  lessonDocumentIds?: string[];
};

export type BundlePricing = {
  /** The course's list price (fen); null when the course is not for sale. */
  fullPriceFen: number | null;
  /** Lessons in the course. */
  courseLessonCount: number;
  /** Per-lesson price (fen) of every lesson of the course, in position order. Empty when the course has no price. */
  perLessonPrices: { documentId: string; priceFen: number }[];
  /** Distinct bundle lessons that belong to the course. */
  bundleLessonCount: number;
  /** Sum of the per-lesson prices of the bundle's lessons; null when the course has no price. */
  perLessonSumFen: number | null;
  /** The bundle price in whole fen. */
  bundlePriceFen: number;
  /** perLessonSumFen − bundlePriceFen; null when the course has no price. */
  savingFen: number | null;
  /** savingFen / perLessonSumFen in %, one decimal; null when there is nothing to compare with. */
  savingPercent: number | null;
  /** True when the bundle holds every lesson of the course. */
  coversWholeCourse: boolean;
  warnings: PricingWarning[];
};

function byPosition(a: PricingLesson, b: PricingLesson): number {
  return a.position - b.position || (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0);
}

/**
 * Splits a course price over its lessons in whole fen; the first `price % n` lessons (by
 * position) carry one fen more, so the prices sum to the course price exactly.
 */
export function perLessonPrices(coursePriceFen: number, lessons: PricingLesson[]): { documentId: string; priceFen: number }[] {
  if (!Number.isInteger(coursePriceFen) || coursePriceFen < 0) {
    throw new RangeError(`course price must be a whole, non-negative number of fen (got ${coursePriceFen})`);
  }
  const ordered = [...lessons].sort(byPosition);
  const n = ordered.length;
  if (n === 0) return [];
  const base = Math.floor(coursePriceFen / n);
  const remainder = coursePriceFen - base * n;
  return ordered.map((lesson, index) => ({ documentId: lesson.documentId, priceFen: base + (index < remainder ? 1 : 0) }));
}

/** Percentage with one decimal, rounded half away from zero, from integers. */
function percent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  const tenths = Math.round((Math.abs(part) * 1000) / whole);
  return (Math.sign(part) * tenths) / 10;
}

const WARNINGS = {
  bundle_dearer_than_lessons: (bundle: number, sum: number) => ({
    zh: `课程包价格 ${formatFen(bundle)} 高于这些课时单独购买的合计 ${formatFen(sum)}，买单讲反而更划算`,
    en: `The bundle (${formatFen(bundle)}) costs more than its lessons bought one by one (${formatFen(sum)}).`,
  }),
  dearer_than_whole_course: (bundle: number, course: number) => ({
    zh: `课程包包含全部课时，但价格 ${formatFen(bundle)} 高于整门课程 ${formatFen(course)}`,
    en: `The bundle holds every lesson of the course but costs ${formatFen(bundle)}, more than the whole course (${formatFen(course)}).`,
  }),
  empty_bundle: () => ({ zh: '课程包还没有选择任何课时', en: 'The bundle has no lessons.' }),
  lessons_from_other_course: (count: number) => ({
    zh: `有 ${count} 个课时不属于该课程，未计入单讲合计`,
    en: `${count} lesson(s) belong to another course and are left out of the per-lesson sum.`,
  }),
  price_not_whole_fen: (typed: number, used: number) => ({
    zh: `价格须精确到分（最多两位小数）：输入的 ${typed / 100} 元按 ${formatFen(used)} 计算`,
    en: `Prices must be in whole fen (at most two decimals): ${typed / 100} yuan was taken as ${formatFen(used)}.`,
  }),
  negative_price: () => ({ zh: '价格不能为负数', en: 'The price cannot be negative.' }),
  course_not_for_sale: () => ({
    zh: '课程未设置价格，无法计算单讲价格和优惠',
    en: 'The course has no price, so per-lesson prices and the saving cannot be computed.',
  }),
} as const;

/** Prices a bundle against its course. Throws only on a non-finite price or a malformed course price. */
export function priceBundle(input: BundlePricingInput): BundlePricing {
  const { course, bundlePriceFen: typedPrice } = input;
  if (!Number.isFinite(typedPrice)) throw new RangeError(`bundle price must be a finite number of fen (got ${typedPrice})`);
  const warnings: PricingWarning[] = [];

  const bundlePriceFen = Math.round(typedPrice);
  if (bundlePriceFen !== typedPrice) {
    warnings.push({ code: 'price_not_whole_fen', ...WARNINGS.price_not_whole_fen(typedPrice, bundlePriceFen) });
  }
  if (bundlePriceFen < 0) warnings.push({ code: 'negative_price', ...WARNINGS.negative_price() });

  const courseIds = new Set(course.lessons.map((l) => l.documentId));
  const selected = [...new Set(input.bundleLessonIds)];
  const inCourse = selected.filter((id) => courseIds.has(id));
  const foreign = selected.filter((id) => !courseIds.has(id));
  if (selected.length === 0) warnings.push({ code: 'empty_bundle', ...WARNINGS.empty_bundle() });
  if (foreign.length > 0) {
    warnings.push({ code: 'lessons_from_other_course', ...WARNINGS.lessons_from_other_course(foreign.length), lessonDocumentIds: foreign });
  }
  const coversWholeCourse = courseIds.size > 0 && inCourse.length === courseIds.size;

  const base = {
    fullPriceFen: course.priceFen,
    courseLessonCount: courseIds.size,
    bundleLessonCount: inCourse.length,
    bundlePriceFen,
    coversWholeCourse,
  };

  if (course.priceFen === null) {
    warnings.push({ code: 'course_not_for_sale', ...WARNINGS.course_not_for_sale() });
    return { ...base, perLessonPrices: [], perLessonSumFen: null, savingFen: null, savingPercent: null, warnings };
  }

  const distinct = [...new Map(course.lessons.map((l) => [l.documentId, l])).values()];
  const prices = perLessonPrices(course.priceFen, distinct);
  const chosen = new Set(inCourse);
  const perLessonSumFen = prices.reduce((sum, p) => (chosen.has(p.documentId) ? sum + p.priceFen : sum), 0);
  const savingFen = perLessonSumFen - bundlePriceFen;

  if (coversWholeCourse) {
    // Every lesson: the per-lesson sum IS the course price; say it in those words.
    if (bundlePriceFen > course.priceFen) {
      warnings.push({ code: 'dearer_than_whole_course', ...WARNINGS.dearer_than_whole_course(bundlePriceFen, course.priceFen) });
    }
  } else if (inCourse.length > 0 && savingFen < 0) {
    warnings.push({ code: 'bundle_dearer_than_lessons', ...WARNINGS.bundle_dearer_than_lessons(bundlePriceFen, perLessonSumFen) });
  }

  return {
    ...base,
    perLessonPrices: prices,
    perLessonSumFen,
    savingFen,
    savingPercent: percent(savingFen, perLessonSumFen),
    warnings,
  };
}

// ---------------------------------------------------------------------------------------------
// Suggested splits
// ---------------------------------------------------------------------------------------------

export type SplitSuggestion = {
  kind: 'taster' | 'pack';
  name: { zh: string; en: string };
  lessonDocumentIds: string[];
  priceFen: number;
  /** How the price was found, for the operator. */
  rule: string;
  pricing: BundlePricing;
};

/**
 * A "psychological" price (尾数定价) near a target, in fen:
 * - from ¥50 up: the whole-yuan price ending in 9 at or below the target (¥99.50 → ¥99, ¥149.99 → ¥149);
 * - from ¥10 to ¥50: the nearest price ending in 9.9 yuan (¥29.86 → ¥29.9, ¥44 → ¥39.9);
 * - under ¥10: the nearest price ending in .9 yuan (¥6.50 → ¥6.9), at least ¥0.9.
 */
export function psychologicalPrice(targetFen: number): number {
  if (targetFen >= 5000) {
    const yuan = Math.floor((Math.floor(targetFen / 100) + 1) / 10) * 10 - 1;
    return yuan * 100;
  }
  const step = targetFen >= 1000 ? 1000 : 100; // ¥10 or ¥1 steps, each ending 10 fen short
  const below = Math.floor((targetFen + 10) / step) * step - 10;
  const above = below + step;
  const candidates = [below, above].filter((c) => c >= 90 && (targetFen >= 1000 ? c >= 990 : c < 1000));
  if (candidates.length === 0) return 90;
  return candidates.reduce((best, c) => (Math.abs(c - targetFen) < Math.abs(best - targetFen) ? c : best));
}

/** The next psychological price below `priceFen` (to get under a limit), or null when there is none. */
function psychologicalBelow(priceFen: number): number | null {
  let candidate: number;
  if (priceFen > 5000) candidate = psychologicalPrice(priceFen - 100);
  else if (priceFen > 1000) candidate = Math.max(990, priceFen - 1000);
  else candidate = priceFen - 100;
  return candidate >= 90 && candidate < priceFen ? candidate : null;
}

/** Rules behind `suggestSplits`, exported for the admin page and the tests. */
export const SPLIT_RULES = {
  /** Taster (低价试水): 3–5 lessons, about a quarter of the course, the first paid ones. */
  tasterSize: (lessonCount: number) => Math.min(5, Math.max(3, Math.round(lessonCount / 4))),
  /** …priced at about 60% of those lessons bought alone, then made psychological (29.9). */
  tasterShare: 0.6,
  /** Pack (核心课包): the first 80% of the lessons (12 → 10)… */
  packSize: (lessonCount: number) => Math.ceil(lessonCount * 0.8),
  /** …at about half the course price, made psychological (¥199 → ¥99). */
  packShareOfCourse: 0.5,
  /** Below this many lessons a course is not worth splitting. */
  minLessons: 6,
};

function fitUnder(priceFen: number, limitFen: number): number | null {
  let price: number | null = priceFen;
  while (price !== null && price >= limitFen) price = psychologicalBelow(price);
  return price !== null && price > 0 ? price : null;
}

/**
 * Suggested splits of a course, following practice ("低价小量"): a small taster to test demand and
 * a core pack at about half price. For a 12-lesson ¥199 course: lessons 1–3 at ¥29.9 and
 * lessons 1–10 at ¥99. Each suggestion is cheaper than its lessons bought alone; none is made
 * for a course without a price or with fewer than `SPLIT_RULES.minLessons` lessons.
 */
export function suggestSplits(course: CourseForPricing): SplitSuggestion[] {
  if (course.priceFen === null || course.priceFen <= 0) return [];
  const ordered = [...course.lessons].sort(byPosition);
  const n = ordered.length;
  if (n < SPLIT_RULES.minLessons) return [];
  const prices = new Map(perLessonPrices(course.priceFen, ordered).map((p) => [p.documentId, p.priceFen]));
  const sumOf = (ids: string[]) => ids.reduce((s, id) => s + (prices.get(id) ?? 0), 0);
  const suggestions: SplitSuggestion[] = [];

  const paid = ordered.filter((l) => !l.freePreview);
  const k = SPLIT_RULES.tasterSize(n);
  if (paid.length > k) {
    const ids = paid.slice(0, k).map((l) => l.documentId);
    const sum = sumOf(ids);
    const price = fitUnder(psychologicalPrice(Math.round(sum * SPLIT_RULES.tasterShare)), sum);
    if (price !== null) {
      suggestions.push({
        kind: 'taster',
        name: { zh: `${k} 讲试听包`, en: `${k}-lesson taster` },
        lessonDocumentIds: ids,
        priceFen: price,
        rule: `first ${k} paid lessons at ~60% of ${formatFen(sum)}, psychological price`,
        pricing: priceBundle({ course, bundleLessonIds: ids, bundlePriceFen: price }),
      });
    }
  }

  const m = SPLIT_RULES.packSize(n);
  if (m < n) {
    const ids = ordered.slice(0, m).map((l) => l.documentId);
    const sum = sumOf(ids);
    const price = fitUnder(psychologicalPrice(Math.round(course.priceFen * SPLIT_RULES.packShareOfCourse)), sum);
    if (price !== null) {
      suggestions.push({
        kind: 'pack',
        name: { zh: `${m} 讲核心课包`, en: `${m}-lesson pack` },
        lessonDocumentIds: ids,
        priceFen: price,
        rule: `first ${m} lessons at ~50% of the course price ${formatFen(course.priceFen)}, psychological price`,
        pricing: priceBundle({ course, bundleLessonIds: ids, bundlePriceFen: price }),
      });
    }
  }
  return suggestions;
}

