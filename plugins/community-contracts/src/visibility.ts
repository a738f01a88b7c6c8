/**
 * Who may open content beyond its buyers (付费会员 visibility). The CMS marks courses and lessons:
 * - `public`: buyers only (the course, or a bundle with the lesson);
 * - `members`: buyers and every active member;
 * - `plans`: buyers and active members of the listed plans (`visible_to_plans`).
 * Free previews stay open to everyone whatever the mark.
 *
 * Commerce decides every lesson request (lesson-access) from the visibility the catalog sync
 * delivered to it; the storefront uses the same functions only to draw locks and links. This is
 * the one copy of the rule: the CMS plugin encodes it into the catalog payload
 * (`catalogVisibility`), commerce decodes it (`lessonAudienceIn`), the storefront reads it.
 */

export const VISIBILITIES = ['public', 'members', 'plans'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** A visibility and the plan handles it names (empty unless visibility is `plans`). */
export interface Audience {
  visibility: Visibility;
  plans: string[];
}

/** Membership plan handles as commerce names them (monthly, yearly, …): what commerce's validators accept. */
export const PLAN_HANDLE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export function isPlanHandle(value: unknown): value is string {
  return typeof value === 'string' && PLAN_HANDLE_PATTERN.test(value);
}

/** Content that only buyers open. */
export const PUBLIC_AUDIENCE: Readonly<Audience> = Object.freeze({ visibility: 'public' as const, plans: [] as string[] });

const rank: Record<Visibility, number> = { public: 0, members: 1, plans: 2 };

/** A CMS value → a visibility; missing or unknown values are `public` (no access through membership). */
export function toVisibility(value: unknown): Visibility {
  return typeof value === 'string' && (VISIBILITIES as readonly string[]).includes(value) ? (value as Visibility) : 'public';
}

/**
 * `visible_to_plans` (a JSON array of plan handles, or null) → trimmed, distinct plan handles.
 * Anything that is not a plan handle can name no plan, so it is dropped (this only ever narrows
 * who gets in: a `plans` audience left without plans opens to nobody through membership).
 */
export function toPlanHandles(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const handles = value.filter((item): item is string => typeof item === 'string').map((item) => item.trim());
  return [...new Set(handles.filter(isPlanHandle))];
}

/** A CMS `visibility` and `visible_to_plans` → an audience (plans only with visibility `plans`). */
export function audience(visibility: unknown, plans: unknown): Audience {
  const kind = toVisibility(visibility);
  return { visibility: kind, plans: kind === 'plans' ? toPlanHandles(plans) : [] };
}

/**
 * The effective audience of a lesson: the stricter of its course and itself
 * (a members-only course makes all its lessons members-only; `plans` is stricter than
 * `members`, which is stricter than `public`). When both name plans, only plans named by
 * both qualify.
 */
export function effectiveAudience(course: Audience, lesson: Audience): Audience {
  if (rank[course.visibility] !== rank[lesson.visibility]) {
    const stricter = rank[course.visibility] > rank[lesson.visibility] ? course : lesson;
    return { visibility: stricter.visibility, plans: stricter.visibility === 'plans' ? [...new Set(stricter.plans)] : [] };
  }
  if (course.visibility !== 'plans') return { visibility: course.visibility, plans: [] };
  const lessonPlans = new Set(lesson.plans);
  return { visibility: 'plans', plans: [...new Set(course.plans.filter((plan) => lessonPlans.has(plan)))] };
}

/** Whether membership can open it (the lock screen then offers to join). `plans` without a plan opens to nobody. */
export function isMembersOnly(value: Audience): boolean {
  return value.visibility === 'members' || (value.visibility === 'plans' && value.plans.length > 0);
}

/**
 * Whether an active member of `planHandle` may open content for this audience
 * (null: not an active member). `plans` without any listed plan opens to nobody.
 */
export function membershipOpens(value: Audience, planHandle: string | null): boolean {
  if (planHandle === null) return false;
  if (value.visibility === 'members') return true;
  if (value.visibility === 'plans') return value.plans.includes(planHandle);
  return false;
}

/**
 * Which memberships open content for this audience: `null` = any active membership, a list =
 * an active membership of one of those plans, `false` = none (buyers only).
 */
export function membershipRequirement(value: Audience): string[] | null | false {
  if (value.visibility === 'members') return null;
  if (value.visibility === 'plans' && value.plans.length > 0) return [...value.plans];
  return false;
}

// ---- In the catalog payload (CMS → commerce) ----

/** The visibility of one lesson that is not public, as the catalog payload carries it: the lesson's OWN mark. */
export type LessonVisibility = {
  lesson_document_id: string;
  visibility: 'members' | 'plans';
  /** [] unless visibility is `plans`. */
  visible_to_plans: string[];
};

/** A course's visibility fields in the catalog payload. */
export type CourseVisibility = {
  visibility: Visibility;
  /** [] unless visibility is `plans`. */
  visible_to_plans: string[];
  /**
   * Every lesson of the course whose own mark is not `public`, in the order given. A lesson
   * left out is `public` on its own, so its effective audience is the course's.
   */
  lesson_visibility: LessonVisibility[];
};

/** What the CMS holds for a course or lesson (Strapi field names); unknown values mean `public`. */
export type CmsVisibilityFields = { visibility?: unknown; visible_to_plans?: unknown };

/** The visibility of a course that is withdrawn (unpublished or deleted): membership opens nothing of it. */
export function withdrawnCourseVisibility(): CourseVisibility {
  return { visibility: 'public', visible_to_plans: [], lesson_visibility: [] };
}

/** A course and its lessons as the CMS holds them → the visibility fields of its catalog payload. */
export function catalogVisibility(
  course: CmsVisibilityFields,
  lessons: readonly (CmsVisibilityFields & { documentId: string })[],
): CourseVisibility {
  const own = audience(course.visibility, course.visible_to_plans);
  const seen = new Set<string>();
  const lessonVisibility: LessonVisibility[] = [];
  for (const lesson of lessons) {
    if (seen.has(lesson.documentId)) continue;
    seen.add(lesson.documentId);
    const mark = audience(lesson.visibility, lesson.visible_to_plans);
    if (mark.visibility === 'public') continue;
    lessonVisibility.push({ lesson_document_id: lesson.documentId, visibility: mark.visibility, visible_to_plans: mark.plans });
  }
  return { visibility: own.visibility, visible_to_plans: own.plans, lesson_visibility: lessonVisibility };
}

/** The course's own audience from its payload fields (or what commerce stored of them). */
export function courseAudienceIn(fields: Pick<CourseVisibility, 'visibility' | 'visible_to_plans'>): Audience {
  return audience(fields.visibility, fields.visible_to_plans);
}

/**
 * The effective audience of one lesson of a course, from the course's payload fields (or what
 * commerce stored of them): the stricter of the course and the lesson's own mark.
 */
export function lessonAudienceIn(fields: CourseVisibility, lessonDocumentId: string): Audience {
  const lesson = fields.lesson_visibility.find((rule) => rule.lesson_document_id === lessonDocumentId);
  return effectiveAudience(
    courseAudienceIn(fields),
    lesson ? audience(lesson.visibility, lesson.visible_to_plans) : { visibility: 'public', plans: [] },
  );
}
