import { z } from 'zod';
import { SELLABLE_UIDS } from '../uids';

export const syncStateParams = z.object({
  uid: z.string().refine((uid) => SELLABLE_UIDS.includes(uid), { message: 'not a sellable content type' }),
  documentId: z.string().min(1).max(64),
});
