import { z } from 'astro/zod';
import { ui } from '../../i18n/ui';

// Messages are in the default locale; pages show their own translation per failing field.
const messages = ui['zh-CN'];

export const MIN_PASSWORD_LENGTH = 8;

const email = z
  .string({ required_error: messages['auth.invalidEmail'], invalid_type_error: messages['auth.invalidEmail'] })
  .trim()
  .min(1, messages['auth.invalidEmail'])
  .max(254, messages['auth.invalidEmail'])
  .email(messages['auth.invalidEmail'])
  // One account per address, however it is typed.
  .transform((value) => value.toLowerCase());

const next = z.string().max(2000).optional();

/** Input of the `login` action. Passwords are never trimmed. */
export const loginInputSchema = z.object({
  email,
  password: z
    .string({ required_error: messages['auth.wrongPassword'], invalid_type_error: messages['auth.wrongPassword'] })
    .min(1, messages['auth.wrongPassword'])
    .max(200, messages['auth.wrongPassword']),
  next,
});

/** Input of the `register` action. */
export const registerInputSchema = z.object({
  email,
  password: z
    .string({ required_error: messages['auth.weakPassword'], invalid_type_error: messages['auth.weakPassword'] })
    .min(MIN_PASSWORD_LENGTH, messages['auth.weakPassword'])
    .max(200, messages['auth.failed']),
  next,
});

export type LoginInput = z.infer<typeof loginInputSchema>;
export type RegisterInput = z.infer<typeof registerInputSchema>;
