// The remind-me form's one field: an email address or a phone number, told apart and checked.

export type ContactKind = 'email' | 'phone';
export type ContactChoice = ContactKind | 'any';

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]{2,}$/;
const PHONE = /^\+?\d{6,15}$/;

export type ContactResult =
  | { ok: true; kind: ContactKind; value: string }
  | { ok: false; error: 'invalidEmail' | 'invalidPhone' | 'invalidContact' };

/** Checks what the viewer typed. Phone numbers lose spaces, dashes, dots and brackets. */
export function checkContact(input: string, allowed: ContactChoice): ContactResult {
  const text = input.trim();
  const looksLikeEmail = text.includes('@');
  const kind: ContactKind = allowed === 'any' ? (looksLikeEmail ? 'email' : 'phone') : allowed;
  if (kind === 'email') {
    if (text.length <= 254 && EMAIL.test(text)) return { ok: true, kind, value: text };
    return { ok: false, error: allowed === 'any' ? 'invalidContact' : 'invalidEmail' };
  }
  const digits = text.replace(/[\s().-]/g, '');
  if (PHONE.test(digits)) return { ok: true, kind, value: digits };
  return {
    ok: false,
    error: allowed === 'any' && !looksLikeEmail && !/\d/.test(text) ? 'invalidContact' : 'invalidPhone',
  };
}
