import { describe, expect, it } from 'vitest';
import { authErrorKey } from './auth-error-key';

describe('authErrorKey', () => {
  it('explains field errors', () => {
    expect(authErrorKey({ code: 'BAD_REQUEST', fields: { email: ['x'] } }, 'register')).toBe('auth.invalidEmail');
    expect(authErrorKey({ code: 'BAD_REQUEST', fields: { password: ['x'] } }, 'register')).toBe('auth.weakPassword');
    expect(authErrorKey({ code: 'BAD_REQUEST', fields: { password: ['x'] } }, 'login')).toBe('auth.wrongPassword');
    expect(authErrorKey({ code: 'BAD_REQUEST', fields: { next: ['x'] } }, 'login')).toBe('auth.failed');
  });

  it('maps action error codes', () => {
    expect(authErrorKey({ code: 'UNAUTHORIZED' }, 'login')).toBe('auth.wrongPassword');
    expect(authErrorKey({ code: 'CONFLICT' }, 'register')).toBe('auth.emailTaken');
    expect(authErrorKey({ code: 'SERVICE_UNAVAILABLE' }, 'login')).toBe('auth.unavailable');
    expect(authErrorKey({ code: 'INTERNAL_SERVER_ERROR' }, 'register')).toBe('auth.failed');
  });
});
