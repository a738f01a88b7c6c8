import { z } from 'zod';

/** Membership plan handles as commerce names them (monthly, yearly, …). */
const planHandle = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a plan handle such as "yearly"');

/**
 * Who may open a course or lesson: everyone, any member, or members of the listed plans.
 * "plans" without plans would lock the content for everybody, so it is refused.
 */
export const visibilitySchema = z
  .object({
    visibility: z.enum(['public', 'members', 'plans']).optional(),
    visible_to_plans: z.array(planHandle).max(20).nullable().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.visibility === 'plans' && !value.visible_to_plans?.length) {
      ctx.addIssue({ code: 'custom', path: ['visible_to_plans'], message: 'list at least one plan handle when visibility is "plans"' });
    }
  });
