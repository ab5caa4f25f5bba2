// Text that page builders type into attributes: rendered only as text, and kept to a sane length
// so a 10 kB paste can't push the reward or the button out of the card.

/** Longest text shown for one attribute; longer values are cut with an ellipsis. */
export const MAX_TEXT = 280;

export function clampText(value: string | null | undefined, max = MAX_TEXT): string {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  // Don't split a surrogate pair (emoji) in half.
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** A short id-like value (campaign, coupon, cue target): trimmed, at most 128 characters, or ''. */
export function clampId(value: string | null | undefined): string {
  const text = (value ?? '').trim();
  return text.length <= 128 ? text : '';
}
