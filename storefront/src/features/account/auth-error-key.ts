import { retryAfterMinutes } from '@community/contracts';
import { ui, type UiKey } from '../../i18n/ui';

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
    case 'TOO_MANY_REQUESTS':
      return 'auth.tooManyRequests';
    default:
      return 'auth.failed';
  }
}

/**
 * The message of a TOO_MANY_REQUESTS action error: "请求过于频繁，请 N 分钟后再试" (the default
 * locale, like every action message). An ActionError carries only a code and a message to the
 * page, so the page reads N back from it (retryMinutesOf) and says it in the reader's language.
 */
export function tooManyRequestsMessage(retryAfterSeconds: number): string {
  return ui['zh-CN']['auth.tooManyRequests'].replace('{minutes}', String(retryAfterMinutes(retryAfterSeconds)));
}

/** The minutes named by tooManyRequestsMessage, or null for any other message. */
export function retryMinutesOf(message: string | undefined): number | null {
  const [before, after] = ui['zh-CN']['auth.tooManyRequests'].split('{minutes}');
  if (!message?.startsWith(before) || !message.endsWith(after)) return null;
  const minutes = Number(message.slice(before.length, message.length - after.length));
  return Number.isSafeInteger(minutes) && minutes > 0 ? minutes : null;
}
