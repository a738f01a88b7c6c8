import { z } from 'zod';

/** Options of the `plugin::community.login-rate-limit` global middleware (cms/config/middlewares.ts). */
export const loginRateLimitConfig = z
  .object({
    /** Attempts one client address may make per window on each path, whatever emails it tries. */
    max: z.number().int().min(1).max(10_000).default(20),
    windowMinutes: z.number().positive().max(24 * 60).default(15),
    /** POST routes that check a password. */
    paths: z.array(z.string().regex(/^\/[A-Za-z0-9/_-]*$/, 'a path such as /admin/login')).min(1).default(['/admin/login', '/api/auth/local']),
  })
  .strict();
