// @ts-check
// Small statistics for noisy samples: quantiles with linear interpolation, and number formatting.

/**
 * @param {number[]} values
 * @param {number} q 0…1
 */
export function quantile(values, q) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] ?? 0) + ((sorted[hi] ?? 0) - (sorted[lo] ?? 0)) * (pos - lo);
}

/** @param {number[]} values */
export const median = (values) => quantile(values, 0.5);

/** @param {number} ms */
export const ms = (ms) => (Number.isFinite(ms) ? `${Math.round(ms)}` : '–');

/** @param {number} bytes */
export const kb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KB` : '–');

/** @param {number} ratio */
export const times = (ratio) => (Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '–');

/**
 * A Markdown table; the first row is the header.
 * @param {string[][]} rows
 * @param {('l' | 'r')[]} [align]
 */
export function markdownTable(rows, align = []) {
  const [head = [], ...body] = rows;
  const rule = head.map((_, i) => (align[i] === 'r' ? '---:' : '---'));
  return [head, rule, ...body].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
