/**
 * Who may open content beyond its buyers: `public` (buyers only), `members` (any active member)
 * or `plans` (members of the listed plans). The rule lives in @community/contracts, the one copy
 * the CMS plugin, commerce and the storefront share. Commerce decides on every lesson request
 * (lesson-access) from the visibility the catalog sync delivered to it: the storefront never sends
 * it. Here it only decides what to SHOW (lock marks, "join membership" links).
 */
import { effectiveAudience, audience, type Audience } from '@community/contracts';

export {
  VISIBILITIES as visibilities,
  audience,
  effectiveAudience,
  isMembersOnly,
  membershipOpens,
  toPlanHandles,
  toVisibility,
  type Audience,
  type Visibility,
} from '@community/contracts';

/** The effective audience of a lesson of a course, from their CMS-mapped fields (the stricter of the two). */
export function lessonAudience(
  course: { visibility: string | null; visibleToPlans: readonly string[] },
  lesson: { visibility: string | null; visibleToPlans: readonly string[] },
): Audience {
  return effectiveAudience(audience(course.visibility, course.visibleToPlans), audience(lesson.visibility, lesson.visibleToPlans));
}
