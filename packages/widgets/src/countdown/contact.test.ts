import { describe, expect, it } from 'vitest';
import { checkContact } from './contact.js';

describe('checkContact', () => {
  it('tells email from phone when either is allowed', () => {
    expect(checkContact(' fan@shop.example ', 'any')).toEqual({ ok: true, kind: 'email', value: 'fan@shop.example' });
    expect(checkContact('+86 138-0013-8000', 'any')).toEqual({ ok: true, kind: 'phone', value: '+8613800138000' });
  });

  it.each([
    ['fan@', 'any', 'invalidContact'],
    ['hello', 'any', 'invalidContact'],
    ['12', 'any', 'invalidPhone'],
    ['<b>@x.y', 'email', 'invalidEmail'],
    ['a@b.c', 'email', 'invalidEmail'],
    ['fan@shop.example', 'phone', 'invalidPhone'],
  ] as const)('refuses %j as %s', (input, allowed, error) => {
    expect(checkContact(input, allowed)).toEqual({ ok: false, error });
  });
});
