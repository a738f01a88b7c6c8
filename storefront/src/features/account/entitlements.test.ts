import { describe, expect, it } from 'vitest';
import {
  canUpgrade,
  courseOwnership,
  entitlementsResponseSchema,
  groupOwnedCourses,
  isLessonOpen,
  lessonAccessSchema,
  type Entitlement,
} from './entitlements';

const now = new Date('2026-06-01T00:00:00Z');

function parse(rows: unknown[]): Entitlement[] {
  return entitlementsResponseSchema.parse({ entitlements: rows }).entitlements;
}

const bundle = (id: string, course: string, lessons: string[], expires: string | null = null) => ({
  id,
  course_document_id: course,
  scope: 'lessons',
  lesson_document_ids: lessons,
  source_kind: 'bundle',
  starts_at: '2026-05-01T00:00:00Z',
  expires_at: expires,
});
const whole = (id: string, course: string) => ({
  id,
  course_document_id: course,
  scope: 'course',
  lesson_document_ids: null,
  source_kind: 'course',
  starts_at: '2026-05-02T00:00:00Z',
  expires_at: null,
});

describe('entitlement contract', () => {
  it('parses what commerce sends (null lessons for a whole course, extra fields ignored)', () => {
    const [b, c] = parse([{ ...bundle('e1', 'C1', ['l1']), order_id: 'o1' }, whole('e2', 'C1')]);
    expect(b).toEqual({
      id: 'e1',
      courseDocumentId: 'C1',
      scope: 'lessons',
      lessonDocumentIds: ['l1'],
      sourceKind: 'bundle',
      startsAt: '2026-05-01T00:00:00Z',
      expiresAt: null,
    });
    expect(c?.lessonDocumentIds).toEqual([]);
    expect(() => parse([{ ...whole('e', 'C'), scope: 'everything' }])).toThrow();
    expect(lessonAccessSchema.parse({ allowed: false, reason: 'expired', expires_at: '2026-01-01' }).allowed).toBe(false);
  });
});

describe('courseOwnership', () => {
  it('collects the lessons of active bundles of this course only', () => {
    const entitlements = parse([
      bundle('e1', 'C1', ['l1', 'l2']),
      bundle('e2', 'C1', ['l3'], '2026-05-15T00:00:00Z'), // expired
      bundle('e3', 'C2', ['x1']),
    ]);
    const owned = courseOwnership(entitlements, 'C1', now);
    expect(owned.wholeCourse).toBe(false);
    expect([...owned.lessonIds]).toEqual(['l1', 'l2']);
    expect(canUpgrade(owned)).toBe(true);
    expect(isLessonOpen({ id: 'l1', freePreview: false }, owned)).toBe(true);
    expect(isLessonOpen({ id: 'l3', freePreview: false }, owned)).toBe(false);
    expect(isLessonOpen({ id: 'l9', freePreview: true }, owned)).toBe(true);
  });

  it('knows the whole course, which is not upgradable', () => {
    const owned = courseOwnership(parse([whole('e1', 'C1'), bundle('e2', 'C1', ['l1'])]), 'C1', now);
    expect(owned.wholeCourse).toBe(true);
    expect(canUpgrade(owned)).toBe(false);
    expect(isLessonOpen({ id: 'anything', freePreview: false }, owned)).toBe(true);
  });

  it('is empty for visitors and for entitlements not started yet', () => {
    expect(canUpgrade(courseOwnership(null, 'C1', now))).toBe(false);
    const future = parse([{ ...bundle('e1', 'C1', ['l1']), starts_at: '2026-07-01T00:00:00Z' }]);
    expect(courseOwnership(future, 'C1', now).lessonIds.size).toBe(0);
  });
});

describe('groupOwnedCourses', () => {
  it('groups by course in purchase order, with the latest end of access', () => {
    const groups = groupOwnedCourses(
      parse([
        bundle('e1', 'C2', ['x1'], '2026-07-01T00:00:00Z'),
        bundle('e2', 'C1', ['l1', 'l2'], '2026-06-20T00:00:00Z'),
        { ...bundle('e3', 'C1', ['l2', 'l3'], '2026-08-01T00:00:00Z'), starts_at: '2026-05-03T00:00:00Z' },
        { ...bundle('e4', 'C3', ['z'], '2026-05-20T00:00:00Z') }, // expired: left out
      ]),
      now,
    );
    expect(groups).toEqual([
      { courseDocumentId: 'C2', wholeCourse: false, lessonIds: ['x1'], expiresAt: '2026-07-01T00:00:00Z' },
      { courseDocumentId: 'C1', wholeCourse: false, lessonIds: ['l1', 'l2', 'l3'], expiresAt: '2026-08-01T00:00:00Z' },
    ]);
  });

  it('never ends when any entitlement never ends; a whole course lists no separate lessons', () => {
    const [group] = groupOwnedCourses(parse([bundle('e1', 'C1', ['l1'], '2026-07-01T00:00:00Z'), whole('e2', 'C1')]), now);
    expect(group).toEqual({ courseDocumentId: 'C1', wholeCourse: true, lessonIds: [], expiresAt: null });
  });
});
