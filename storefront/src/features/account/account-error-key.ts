import type { UiKey } from '../../i18n/ui';
import type { AuthErrorLike } from './auth-error-key';

/**
 * The action error codes of the code step and password reset (actions/account.ts), one per
 * thing the member can do something about. Pages translate by code.
 */
export const CODE_ERRORS = {
  wrong: 'BAD_REQUEST',
  expired: 'PRECONDITION_FAILED',
  tooMany: 'FORBIDDEN',
  tooSoon: 'TOO_MANY_REQUESTS',
  noPending: 'UNAUTHORIZED',
} as const;

/** Which message a failed code step shows. */
export function verifyErrorKey(error: AuthErrorLike): UiKey {
  if (error.fields) return error.fields.code?.length ? 'verify.invalidCode' : 'auth.failed';
  switch (error.code) {
    case CODE_ERRORS.wrong:
      return 'verify.wrongCode';
    case CODE_ERRORS.expired:
      return 'verify.expired';
    case CODE_ERRORS.tooMany:
      return 'verify.tooMany';
    case CODE_ERRORS.tooSoon:
      return 'verify.tooSoon';
    case CODE_ERRORS.noPending:
      return 'verify.startAgain';
    case 'SERVICE_UNAVAILABLE':
      return 'auth.unavailable';
    default:
      return 'auth.failed';
  }
}

/** Which message a failed password reset (request or new password) shows. */
export function resetErrorKey(error: AuthErrorLike): UiKey {
  if (error.fields) {
    if (error.fields.email?.length) return 'auth.invalidEmail';
    if (error.fields.password?.length) return 'auth.weakPassword';
    if (error.fields.token?.length) return 'reset.linkInvalid';
    return 'auth.failed';
  }
  switch (error.code) {
    case 'UNAUTHORIZED':
      return 'reset.linkInvalid';
    case 'TOO_MANY_REQUESTS':
      return 'reset.tooMany';
    case 'SERVICE_UNAVAILABLE':
      return 'auth.unavailable';
    default:
      return 'auth.failed';
  }
}
