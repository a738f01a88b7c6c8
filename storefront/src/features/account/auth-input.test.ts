import { describe, expect, it } from 'vitest';
import { loginInputSchema, registerInputSchema } from './auth-input';

describe('registerInputSchema', () => {
  it('accepts a valid registration, normalising the email but never the password', () => {
    expect(registerInputSchema.parse({ email: ' Member@Example.COM ', password: ' secret12 ', next: '/x' })).toEqual({
      email: 'member@example.com',
      password: ' secret12 ',
      next: '/x',
    });
  });

  it('refuses weak passwords (under 8) in Chinese', () => {
    const result = registerInputSchema.safeParse({ email: 'a@example.com', password: '1234567' });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.flatten().fieldErrors.password).toEqual(['密码至少需要 8 位']);
  });

  it('refuses invalid emails in Chinese', () => {
    const result = registerInputSchema.safeParse({ email: 'nope', password: '12345678' });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.flatten().fieldErrors.email).toEqual(['请输入有效的邮箱地址']);
  });
});

describe('loginInputSchema', () => {
  it('accepts any non-empty password (the strength rule is for new ones)', () => {
    expect(loginInputSchema.safeParse({ email: 'a@example.com', password: 'x' }).success).toBe(true);
  });

  it('treats a missing password as a wrong one', () => {
    const result = loginInputSchema.safeParse({ email: 'a@example.com', password: '' });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.flatten().fieldErrors.password).toEqual(['邮箱或密码错误，请重新输入']);
  });
});
