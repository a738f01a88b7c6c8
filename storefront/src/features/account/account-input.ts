import { z } from 'astro/zod';
import { ui } from '../../i18n/ui';
import { loginInputSchema, MIN_PASSWORD_LENGTH, registerInputSchema } from './auth-input';

// Messages are in the default locale; pages show their own translation (accountErrorKey).
const messages = ui['zh-CN'];

const next = z.string().max(2000).optional();

/** Input of `signIn` and `signUp`: as the login and register forms. */
export const signInInputSchema = loginInputSchema;
export const signUpInputSchema = registerInputSchema;

/** The 6-digit code, however it was typed or pasted ("123 456", full-width digits). */
export const codeInputSchema = z.object({
  code: z
    .string({ required_error: messages['verify.invalidCode'], invalid_type_error: messages['verify.invalidCode'] })
    .transform((value) => value.normalize('NFKC').replace(/[\s-]+/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, messages['verify.invalidCode'])),
  next,
});

export const resendInputSchema = z.object({ next });

export const resetRequestInputSchema = z.object({ email: registerInputSchema.shape.email });

export const resetPasswordInputSchema = z.object({
  token: z.string().max(4096).regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, messages['reset.linkInvalid']),
  email: registerInputSchema.shape.email,
  password: z
    .string({ required_error: messages['auth.weakPassword'], invalid_type_error: messages['auth.weakPassword'] })
    .min(MIN_PASSWORD_LENGTH, messages['auth.weakPassword'])
    .max(200, messages['auth.failed']),
});
