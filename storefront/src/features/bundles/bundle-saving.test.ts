import { describe, expect, it } from 'vitest';
import { bundleSaving } from './bundle-saving';

describe('bundleSaving', () => {
  it('compares the bundle with its lessons at the per-lesson course price', () => {
    // ¥199 for 12 lessons → ¥16.5833 a lesson; 3 lessons → ¥49.75; the taster costs ¥29.90.
    expect(bundleSaving({ coursePriceFen: 19900, courseLessonCount: 12, bundlePriceFen: 2990, bundleLessonCount: 3 })).toEqual({
      perLessonTotalFen: 4975,
      savingFen: 1985,
      percent: 40,
    });
    // 10 lessons → ¥165.83 against ¥99.00.
    expect(bundleSaving({ coursePriceFen: 19900, courseLessonCount: 12, bundlePriceFen: 9900, bundleLessonCount: 10 })).toEqual({
      perLessonTotalFen: 16583,
      savingFen: 6683,
      percent: 40,
    });
  });

  it('works in integer fen only', () => {
    const saving = bundleSaving({ coursePriceFen: 10000, courseLessonCount: 3, bundlePriceFen: 3000, bundleLessonCount: 1 });
    expect(saving).toEqual({ perLessonTotalFen: 3333, savingFen: 333, percent: 10 });
    expect(Number.isInteger(saving!.savingFen)).toBe(true);
  });

  it('shows nothing when there is no saving', () => {
    expect(bundleSaving({ coursePriceFen: 19900, courseLessonCount: 10, bundlePriceFen: 5970, bundleLessonCount: 3 })).toBeNull();
    expect(bundleSaving({ coursePriceFen: 19900, courseLessonCount: 10, bundlePriceFen: 9900, bundleLessonCount: 3 })).toBeNull();
  });

  it('shows nothing without prices or lessons', () => {
    expect(bundleSaving({ coursePriceFen: null, courseLessonCount: 10, bundlePriceFen: 990, bundleLessonCount: 3 })).toBeNull();
    expect(bundleSaving({ coursePriceFen: 19900, courseLessonCount: 10, bundlePriceFen: null, bundleLessonCount: 3 })).toBeNull();
    expect(bundleSaving({ coursePriceFen: 19900, courseLessonCount: 0, bundlePriceFen: 990, bundleLessonCount: 3 })).toBeNull();
    expect(bundleSaving({ coursePriceFen: 19900, courseLessonCount: 10, bundlePriceFen: 990, bundleLessonCount: 0 })).toBeNull();
  });

  it('never shows a tiny saving as 0%', () => {
    expect(bundleSaving({ coursePriceFen: 100000, courseLessonCount: 10, bundlePriceFen: 9999, bundleLessonCount: 1 })?.percent).toBe(1);
    expect(bundleSaving({ coursePriceFen: 19900, courseLessonCount: 10, bundlePriceFen: 0, bundleLessonCount: 3 })?.percent).toBe(100);
  });
});
