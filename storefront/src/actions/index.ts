import { ActionError, defineAction } from 'astro:actions';
import { authErrorKey } from '../features/account/auth-error-key';
import { loginInputSchema, registerInputSchema } from '../features/account/auth-input';
import { safeNextPath } from '../features/account/safe-next';
import { ui } from '../i18n/ui';
import { guardAuthAttempt, tooManyRequests } from '../lib/auth-throttle.server';
import { loginCustomer, registerCustomer } from '../lib/commerce.server';
import { isRateLimited } from '../lib/rate-limited-error';
import { isUpstreamError } from '../lib/upstream-error';
import { paths } from '../paths';
import { account } from './account';
import { checkout } from './checkout';

// Action messages are in the default locale; pages translate by error code (checkoutErrorKey, authErrorKey).
const messages = ui['zh-CN'];

function authFailure(error: unknown, form: 'login' | 'register'): ActionError {
  // Commerce's limit (per email and per address, shared by all processes): say how long to wait.
  if (isRateLimited(error)) {
    console.warn(`[account] ${form}: commerce refused, too many attempts; retry after ${error.retryAfterSeconds} s`);
    return tooManyRequests(error.retryAfterSeconds);
  }
  if (!isUpstreamError(error)) throw error;
  console.error(`[account] ${form}: ${error.toLogLine()}`);
  const code = error.isRejection ? 'INTERNAL_SERVER_ERROR' : 'SERVICE_UNAVAILABLE';
  return new ActionError({ code, message: messages[authErrorKey({ code }, form)] });
}

export const server = {
  // Sign-in with the emailed code, registration, password reset: actions/account.ts.
  ...account,
  ...checkout,
  /** Sign-in with email and password; sets the httpOnly session cookie. */
  login: defineAction({
    accept: 'form',
    input: loginInputSchema,
    handler: async ({ email, password, next }, context) => {
      const member = await guardAuthAttempt(context, 'login');
      let result;
      try {
        result = await loginCustomer(email, password, member);
      } catch (error) {
        throw authFailure(error, 'login');
      }
      if (!result.ok) throw new ActionError({ code: 'UNAUTHORIZED', message: messages['auth.wrongPassword'] });
      context.locals.setCustomerToken(result.token);
      return { next: safeNextPath(next, paths.account(context.locals.locale)) };
    },
  }),

  /** Registration (then signed in); sets the httpOnly session cookie. */
  register: defineAction({
    accept: 'form',
    input: registerInputSchema,
    handler: async ({ email, password, next }, context) => {
      const member = await guardAuthAttempt(context, 'register');
      let result;
      try {
        result = await registerCustomer(email, password, member);
      } catch (error) {
        throw authFailure(error, 'register');
      }
      if (!result.ok) throw new ActionError({ code: 'CONFLICT', message: messages['auth.emailTaken'] });
      context.locals.setCustomerToken(result.token);
      return { next: safeNextPath(next, paths.account(context.locals.locale)) };
    },
  }),
};
