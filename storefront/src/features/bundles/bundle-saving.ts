export interface BundleSavingInput {
  /** What the whole course sells for. */
  coursePriceFen: number | null;
  courseLessonCount: number;
  bundlePriceFen: number | null;
  bundleLessonCount: number;
}

export interface BundleSaving {
  /** The bundle's lessons at the per-lesson price of the course. */
  perLessonTotalFen: number;
  /** What the bundle saves against that, in fen (> 0). */
  savingFen: number;
  /** The saving as a whole percentage of perLessonTotalFen (at least 1). */
  percent: number;
}

/**
 * What a bundle saves against buying its lessons at the course's per-lesson price
 * (course price / lesson count). Null when there is nothing to show: unknown prices,
 * no lessons, or no saving (a bundle that costs the same or more is never advertised
 * as a saving). Integer fen throughout; the per-lesson total is rounded once.
 */
export function bundleSaving(input: BundleSavingInput): BundleSaving | null {
  const { coursePriceFen, courseLessonCount, bundlePriceFen, bundleLessonCount } = input;
  if (coursePriceFen === null || bundlePriceFen === null) return null;
  if (courseLessonCount <= 0 || bundleLessonCount <= 0) return null;
  const perLessonTotalFen = Math.round((coursePriceFen * bundleLessonCount) / courseLessonCount);
  const savingFen = perLessonTotalFen - bundlePriceFen;
  if (savingFen <= 0) return null;
  const percent = Math.max(1, Math.round((savingFen * 100) / perLessonTotalFen));
  return { perLessonTotalFen, savingFen, percent };
}
