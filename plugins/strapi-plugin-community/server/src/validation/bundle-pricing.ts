import { z } from 'zod';
import { documentIdSchema } from './lesson-content';

export const bundlePricingPreviewBody = z
  .object({
    courseDocumentId: documentIdSchema,
    lessonDocumentIds: z.array(documentIdSchema).max(500),
    /** Fen; may be non-integer when typed with more than two decimals (the preview flags it). */
    priceFen: z.number().finite().min(0).max(100_000_000),
  })
  .strict();

export const createBundleBody = z
  .object({
    courseDocumentId: documentIdSchema,
    name: z.string().trim().min(1).max(120),
    lessonDocumentIds: z.array(documentIdSchema).min(1).max(500),
    priceFen: z.number().int('the price must be in whole fen').min(0).max(100_000_000),
    validityDays: z.number().int().min(1).max(36_500).nullable().optional(),
  })
  .strict();

export function issues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}
