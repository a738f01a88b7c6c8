import { describe, expect, it } from 'vitest';
import { authErrorKey, retryMinutesOf, tooManyRequestsMessage } from './auth-error-key';

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
    expect(authErrorKey({ code: 'TOO_MANY_REQUESTS' }, 'login')).toBe('auth.tooManyRequests');
    expect(authErrorKey({ code: 'TOO_MANY_REQUESTS' }, 'register')).toBe('auth.tooManyRequests');
  });

  it('says how many minutes to wait, in whole minutes, and the page can read them back', () => {
    expect(tooManyRequestsMessage(900)).toBe('请求过于频繁，请 15 分钟后再试');
    expect(tooManyRequestsMessage(61)).toBe('请求过于频繁，请 2 分钟后再试');
    expect(tooManyRequestsMessage(3)).toBe('请求过于频繁，请 1 分钟后再试');
    for (const seconds of [1, 59, 60, 61, 899, 900, 3600]) {
      expect(retryMinutesOf(tooManyRequestsMessage(seconds))).toBe(Math.max(1, Math.ceil(seconds / 60)));
    }
    expect(retryMinutesOf('邮箱或密码错误，请重新输入')).toBeNull();
    expect(retryMinutesOf('请求过于频繁，请 x 分钟后再试')).toBeNull();
    expect(retryMinutesOf(undefined)).toBeNull();
  });
});
