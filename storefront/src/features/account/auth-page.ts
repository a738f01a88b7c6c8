import type { AstroGlobal } from 'astro';
import { isInputError, type ActionError } from 'astro:actions';
import { authErrorKey, retryMinutesOf } from './auth-error-key';
import type { UiKey } from '../../i18n/ui';

export interface AuthFailure {
  key: UiKey;
  /** Placeholders of the message ({minutes} of a 429). */
  params?: Record<string, number>;
  field: 'email' | 'password' | null;
  /** The email the member typed (so they need not type it again). */
  email: string;
}

/** What a failed sign-in/registration shows, read from the action error and the posted form. */
export async function readAuthFailure(
  astro: Pick<AstroGlobal, 'request'>,
  error: ActionError,
  form: 'login' | 'register',
): Promise<AuthFailure> {
  const fields = isInputError(error) ? error.fields : undefined;
  const key = authErrorKey({ code: error.code, fields }, form);
  const field: AuthFailure['field'] = fields?.email?.length
    ? 'email'
    : fields?.password?.length || error.code === 'UNAUTHORIZED'
      ? 'password'
      : error.code === 'CONFLICT'
        ? 'email'
        : null;
  let email = '';
  try {
    // The action read a clone of the body: the original is still ours.
    const value = (await astro.request.formData()).get('email');
    if (typeof value === 'string') email = value.trim().slice(0, 254);
  } catch {
    // Not a form post: nothing to refill.
  }
  // "请 N 分钟后再试": N comes back from the action's message (an ActionError carries no more).
  const params = key === 'auth.tooManyRequests' ? { minutes: retryMinutesOf(error.message) ?? 1 } : undefined;
  return { key, params, field, email };
}
