import { z } from 'astro/zod';

/** GET /store/customers/me/entitlements (commerce). Dates are ISO strings. */
export const entitlementsResponseSchema = z.object({
  entitlements: z.array(
    z
      .object({
        id: z.string(),
        course_document_id: z.string().min(1),
        scope: z.enum(['course', 'lessons']),
        lesson_document_ids: z.array(z.string()).nullish(),
        source_kind: z.string().nullish(),
        starts_at: z.string().nullish(),
        expires_at: z.string().nullish(),
      })
      .transform((raw) => ({
        id: raw.id,
        courseDocumentId: raw.course_document_id,
        scope: raw.scope,
        lessonDocumentIds: raw.scope === 'lessons' ? (raw.lesson_document_ids ?? []) : [],
        sourceKind: raw.source_kind ?? null,
        startsAt: raw.starts_at ?? null,
        expiresAt: raw.expires_at ?? null,
      })),
  ),
});

export type Entitlement = z.infer<typeof entitlementsResponseSchema>['entitlements'][number];

/** GET /store/customers/me/lesson-access (commerce). */
export const lessonAccessSchema = z.object({
  allowed: z.boolean(),
  reason: z.string(),
  expires_at: z.string().nullish(),
});

export type LessonAccess = z.infer<typeof lessonAccessSchema>;

/** Started and not yet expired. Commerce lists active ones only; this guards against clock skew and caching. */
export function isActive(entitlement: Entitlement, now: Date = new Date()): boolean {
  const time = now.getTime();
  if (entitlement.startsAt && Date.parse(entitlement.startsAt) > time) return false;
  if (entitlement.expiresAt && Date.parse(entitlement.expiresAt) <= time) return false;
  return true;
}

/** What a customer holds of one course. */
export interface CourseOwnership {
  /** The whole course (bought, or upgraded to). */
  wholeCourse: boolean;
  /** Lessons opened by bundles (empty when only the whole course is held). */
  lessonIds: ReadonlySet<string>;
}

const NOTHING: CourseOwnership = { wholeCourse: false, lessonIds: new Set() };

/** The customer's active holdings in a course, for lock marks and the upgrade offer. */
export function courseOwnership(
  entitlements: readonly Entitlement[] | null | undefined,
  courseDocumentId: string,
  now: Date = new Date(),
): CourseOwnership {
  if (!entitlements?.length) return NOTHING;
  let wholeCourse = false;
  const lessonIds = new Set<string>();
  for (const entitlement of entitlements) {
    if (entitlement.courseDocumentId !== courseDocumentId || !isActive(entitlement, now)) continue;
    if (entitlement.scope === 'course') wholeCourse = true;
    else for (const id of entitlement.lessonDocumentIds) lessonIds.add(id);
  }
  return { wholeCourse, lessonIds };
}

/** Whether a lesson is open to this holder (free previews are open to everyone). */
export function isLessonOpen(lesson: { id: string; freePreview: boolean }, ownership: CourseOwnership): boolean {
  return lesson.freePreview || ownership.wholeCourse || ownership.lessonIds.has(lesson.id);
}

/** "Complete the course" is offered to holders of some lessons of a course, not of the whole course. */
export function canUpgrade(ownership: CourseOwnership): boolean {
  return !ownership.wholeCourse && ownership.lessonIds.size > 0;
}

/** One course on the "My learning" page. */
export interface OwnedCourse {
  courseDocumentId: string;
  wholeCourse: boolean;
  /** Union of the lessons bundles open (empty with the whole course). */
  lessonIds: string[];
  /** The latest end of access; null: never ends. */
  expiresAt: string | null;
}

/**
 * Active entitlements grouped by course, in the order the courses were first bought.
 * Access ends with the last entitlement to end (null if any never ends).
 */
export function groupOwnedCourses(entitlements: readonly Entitlement[], now: Date = new Date()): OwnedCourse[] {
  const byCourse = new Map<string, { wholeCourse: boolean; lessonIds: Set<string>; ends: (string | null)[] }>();
  const sorted = [...entitlements].sort((a, b) => Date.parse(a.startsAt ?? '') - Date.parse(b.startsAt ?? '') || 0);
  for (const entitlement of sorted) {
    if (!isActive(entitlement, now)) continue;
    let group = byCourse.get(entitlement.courseDocumentId);
    if (!group) {
      group = { wholeCourse: false, lessonIds: new Set(), ends: [] };
      byCourse.set(entitlement.courseDocumentId, group);
    }
    if (entitlement.scope === 'course') group.wholeCourse = true;
    else for (const id of entitlement.lessonDocumentIds) group.lessonIds.add(id);
    group.ends.push(entitlement.expiresAt);
  }
  return [...byCourse].map(([courseDocumentId, group]) => ({
    courseDocumentId,
    wholeCourse: group.wholeCourse,
    lessonIds: group.wholeCourse ? [] : [...group.lessonIds],
    expiresAt: group.ends.includes(null)
      ? null
      : group.ends.reduce<string | null>((latest, end) => (latest === null || Date.parse(end!) > Date.parse(latest) ? end : latest), null),
  }));
}
