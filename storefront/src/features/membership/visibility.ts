/**
 * Who may open content beyond its buyers. The CMS marks courses and lessons:
 * - `public`: buyers only (the course, or a bundle with the lesson);
 * - `members`: buyers and every active member;
 * - `plans`: buyers and active members of the listed plans (`visible_to_plans`).
 * Free previews stay open to everyone whatever the mark. Commerce decides on every lesson
 * request (lesson-access); the storefront only mirrors the rule for lock marks and links.
 */
export const visibilities = ['public', 'members', 'plans'] as const;
export type Visibility = (typeof visibilities)[number];

/** A visibility and the plan handles it names (empty unless visibility is `plans`). */
export interface Audience {
  visibility: Visibility;
  plans: string[];
}

const rank: Record<Visibility, number> = { public: 0, members: 1, plans: 2 };

/** A CMS value → a visibility; missing or unknown values are `public` (no access through membership). */
export function toVisibility(value: unknown): Visibility {
  return typeof value === 'string' && (visibilities as readonly string[]).includes(value) ? (value as Visibility) : 'public';
}

/** `visible_to_plans` (a JSON array of plan handles, or null) → trimmed, distinct, non-empty handles. */
export function toPlanHandles(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const handles = value.filter((item): item is string => typeof item === 'string').map((item) => item.trim());
  return [...new Set(handles.filter(Boolean))];
}

export function audience(visibility: unknown, plans: unknown): Audience {
  const kind = toVisibility(visibility);
  return { visibility: kind, plans: kind === 'plans' ? toPlanHandles(plans) : [] };
}

/**
 * The effective audience of a lesson: the stricter of its course and itself
 * (a members-only course makes all its lessons members-only). When both name plans,
 * only plans named by both qualify.
 */
export function effectiveAudience(course: Audience, lesson: Audience): Audience {
  if (rank[course.visibility] !== rank[lesson.visibility]) {
    const stricter = rank[course.visibility] > rank[lesson.visibility] ? course : lesson;
    return { visibility: stricter.visibility, plans: stricter.visibility === 'plans' ? [...stricter.plans] : [] };
  }
  if (course.visibility !== 'plans') return { visibility: course.visibility, plans: [] };
  const lessonPlans = new Set(lesson.plans);
  return { visibility: 'plans', plans: course.plans.filter((plan) => lessonPlans.has(plan)) };
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

/** The effective audience of a lesson of a course, from their CMS-mapped fields. */
export function lessonAudience(
  course: { visibility: string | null; visibleToPlans: readonly string[] },
  lesson: { visibility: string | null; visibleToPlans: readonly string[] },
): Audience {
  return effectiveAudience(audience(course.visibility, course.visibleToPlans), audience(lesson.visibility, lesson.visibleToPlans));
}

// Commerce accepts only plan handles of this shape (anything else is refused with a 400).
const PLAN_HANDLE = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/**
 * The `visibility` and `plans` query parameters of lesson-access for an effective audience.
 * `plans` is sent only with visibility `plans`; a `plans` audience left without any valid plan
 * (e.g. course and lesson name different plans) opens to nobody through membership, which is
 * what `public` means to commerce (entitlements only).
 */
export function lessonAccessParams(value: Audience): { visibility: Visibility; plans?: string } {
  if (value.visibility !== 'plans') return { visibility: value.visibility };
  const plans = value.plans.filter((plan) => PLAN_HANDLE.test(plan));
  return plans.length > 0 ? { visibility: 'plans', plans: plans.join(',') } : { visibility: 'public' };
}
