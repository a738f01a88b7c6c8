import { z } from 'zod';

/** Options of the `plugin::community.populate-depth-limit` global middleware (cms/config/middlewares.ts). */
export const populateDepthLimitConfig = z
  .object({
    /** Relation levels a REST `populate` may reach; 3 covers course → lessons → media. */
    maxDepth: z.number().int().min(1).max(10).default(3),
  })
  .strict();
