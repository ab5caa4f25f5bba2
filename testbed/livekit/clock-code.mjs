// @ts-check
// A machine-readable wall clock burnt into the top of every published video frame, so a viewer can
// read a frame's capture time back from pixels (glass-to-glass latency). Browser- and Node-safe.
//
// Layout: the top tenth of the frame is a band of 2 rows × 32 columns of cells, each cell
// width/32 × height/20 (40×36 px at 1280×720, 10×9 px in the 320×180 simulcast layer).
// Cells are read left to right, top row first; white = 1, black = 0:
//   cells  0–1   marker 1, 0
//   cells  2–49  Date.now() at drawing time, unsigned 48 bits, most significant bit first
//   cells 50–57  checksum: XOR of the six bytes of that 48-bit number
//   cells 58–63  marker 1, 0, 1, 0, 1, 0
// To decode, sample the middle of each cell (average luma), threshold at 128, check both markers
// and the checksum.

export const CLOCK_COLUMNS = 32;
export const CLOCK_ROWS = 2;
/** The band's height as a fraction of the frame height. */
export const CLOCK_BAND = CLOCK_ROWS / 20;

const START = [1, 0];
const END = [1, 0, 1, 0, 1, 0];

/** @param {number} ms @returns {number[]} six bytes, most significant first */
function bytesOf(ms) {
  const bytes = [];
  let rest = Math.floor(ms);
  for (let i = 0; i < 6; i++) {
    bytes.unshift(rest % 256);
    rest = Math.floor(rest / 256);
  }
  return bytes;
}

/**
 * @param {number} ms  a Date.now() value
 * @returns {number[]} 64 bits (0/1) in cell order
 */
export function encodeClock(ms) {
  const bytes = bytesOf(ms);
  const checksum = bytes.reduce((a, b) => a ^ b, 0);
  /** @type {number[]} */
  const bits = [...START];
  for (const byte of [...bytes, checksum]) {
    for (let bit = 7; bit >= 0; bit--) bits.push((byte >> bit) & 1);
  }
  bits.push(...END);
  return bits;
}

/**
 * @param {number[]} bits  64 bits in cell order
 * @returns {number | null} the clock value, or null if markers or checksum do not match
 */
export function decodeClockBits(bits) {
  if (bits.length !== CLOCK_COLUMNS * CLOCK_ROWS) return null;
  if (START.some((b, i) => bits[i] !== b)) return null;
  if (END.some((b, i) => bits[58 + i] !== b)) return null;
  const bytes = [];
  for (let i = 0; i < 7; i++) {
    let byte = 0;
    for (let bit = 0; bit < 8; bit++) byte = (byte << 1) | bits[2 + i * 8 + bit];
    bytes.push(byte);
  }
  const checksum = /** @type {number} */ (bytes.pop());
  if (bytes.reduce((a, b) => a ^ b, 0) !== checksum) return null;
  return bytes.reduce((ms, byte) => ms * 256 + byte, 0);
}

/**
 * Draws the clock band for `ms` on a canvas of `width` × `height`.
 * @param {CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D} ctx
 * @param {number} ms
 * @param {number} width
 * @param {number} height
 */
export function drawClock(ctx, ms, width, height) {
  const bits = encodeClock(ms);
  const cellW = width / CLOCK_COLUMNS;
  const cellH = (height * CLOCK_BAND) / CLOCK_ROWS;
  bits.forEach((bit, i) => {
    ctx.fillStyle = bit ? '#ffffff' : '#000000';
    const x = Math.round((i % CLOCK_COLUMNS) * cellW);
    const y = Math.round(Math.floor(i / CLOCK_COLUMNS) * cellH);
    ctx.fillRect(x, y, Math.round(((i % CLOCK_COLUMNS) + 1) * cellW) - x, Math.round(cellH));
  });
}

/**
 * Reads the clock from RGBA pixels of a whole frame at any scale (e.g. `getImageData` of a canvas
 * the received <video> was drawn on).
 * @param {{ data: Uint8ClampedArray | Uint8Array, width: number, height: number }} image
 * @returns {number | null} the publisher's Date.now() when it drew the frame, or null if unreadable
 */
export function decodeClock({ data, width, height }) {
  const cellW = width / CLOCK_COLUMNS;
  const cellH = (height * CLOCK_BAND) / CLOCK_ROWS;
  const r = Math.max(0, Math.floor(Math.min(cellW, cellH) / 4)); // sample the middle half of a cell
  /** @type {number[]} */
  const bits = [];
  for (let i = 0; i < CLOCK_COLUMNS * CLOCK_ROWS; i++) {
    const cx = Math.floor(((i % CLOCK_COLUMNS) + 0.5) * cellW);
    const cy = Math.floor((Math.floor(i / CLOCK_COLUMNS) + 0.5) * cellH);
    let sum = 0;
    let count = 0;
    for (let y = cy - r; y <= cy + r; y++) {
      for (let x = cx - r; x <= cx + r; x++) {
        const p = (y * width + x) * 4;
        sum += 0.299 * data[p] + 0.587 * data[p + 1] + 0.114 * data[p + 2];
        count++;
      }
    }
    bits.push(sum / count >= 128 ? 1 : 0);
  }
  return decodeClockBits(bits);
}
