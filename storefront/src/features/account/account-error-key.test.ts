import { describe, expect, it } from 'vitest';
import { CODE_ERRORS, resetErrorKey, verifyErrorKey } from './account-error-key';
import { codeInputSchema, resetPasswordInputSchema } from './account-input';

describe('verifyErrorKey', () => {
  it('tells the member what to do about each refusal', () => {
    expect(verifyErrorKey({ code: CODE_ERRORS.wrong })).toBe('verify.wrongCode');
    expect(verifyErrorKey({ code: CODE_ERRORS.expired })).toBe('verify.expired');
    expect(verifyErrorKey({ code: CODE_ERRORS.tooMany })).toBe('verify.tooMany');
    expect(verifyErrorKey({ code: CODE_ERRORS.tooSoon })).toBe('verify.tooSoon');
    expect(verifyErrorKey({ code: CODE_ERRORS.noPending })).toBe('verify.startAgain');
    expect(verifyErrorKey({ code: 'SERVICE_UNAVAILABLE' })).toBe('auth.unavailable');
    expect(verifyErrorKey({ code: 'BAD_REQUEST', fields: { code: ['x'] } })).toBe('verify.invalidCode');
  });
});

describe('resetErrorKey', () => {
  it('explains a dead link, a weak password and a bad email', () => {
    expect(resetErrorKey({ code: 'UNAUTHORIZED' })).toBe('reset.linkInvalid');
    expect(resetErrorKey({ code: 'BAD_REQUEST', fields: { password: ['x'] } })).toBe('auth.weakPassword');
    expect(resetErrorKey({ code: 'BAD_REQUEST', fields: { email: ['x'] } })).toBe('auth.invalidEmail');
    expect(resetErrorKey({ code: 'BAD_REQUEST', fields: { token: ['x'] } })).toBe('reset.linkInvalid');
    expect(resetErrorKey({ code: 'TOO_MANY_REQUESTS' })).toBe('reset.tooMany');
  });
});

describe('codeInputSchema', () => {
  it('accepts the code however it was typed, and nothing else', () => {
    expect(codeInputSchema.parse({ code: '123456' }).code).toBe('123456');
    expect(codeInputSchema.parse({ code: ' 123 456 ' }).code).toBe('123456');
    expect(codeInputSchema.parse({ code: '１２３４５６' }).code).toBe('123456');
    expect(codeInputSchema.parse({ code: '123-456' }).code).toBe('123456');
    for (const bad of ['12345', '1234567', 'abcdef', '']) expect(codeInputSchema.safeParse({ code: bad }).success).toBe(false);
  });
});

describe('resetPasswordInputSchema', () => {
  it('needs a token of JWT shape, the email and a long enough password', () => {
    const token = 'aaa.bbb.ccc';
    expect(resetPasswordInputSchema.parse({ token, email: 'A@B.CN', password: '12345678' }).email).toBe('a@b.cn');
    expect(resetPasswordInputSchema.safeParse({ token: 'nope', email: 'a@b.cn', password: '12345678' }).success).toBe(false);
    expect(resetPasswordInputSchema.safeParse({ token, email: 'a@b.cn', password: 'short' }).success).toBe(false);
  });
});
