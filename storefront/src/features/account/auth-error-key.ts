import type { UiKey } from '../../i18n/ui';

/** The bits of an Astro ActionError (or ActionInputError) the sign-in forms care about. */
export interface AuthErrorLike {
  code: string;
  fields?: Partial<Record<string, string[] | undefined>>;
}

/** Which message a failed sign-in or registration shows (translated by the page). */
export function authErrorKey(error: AuthErrorLike, form: 'login' | 'register'): UiKey {
  if (error.fields) {
    if (error.fields.email?.length) return 'auth.invalidEmail';
    if (error.fields.password?.length) return form === 'register' ? 'auth.weakPassword' : 'auth.wrongPassword';
    return 'auth.failed';
  }
  switch (error.code) {
    case 'UNAUTHORIZED':
      return 'auth.wrongPassword';
    case 'CONFLICT':
      return 'auth.emailTaken';
    case 'SERVICE_UNAVAILABLE':
      return 'auth.unavailable';
    default:
      return 'auth.failed';
  }
}
