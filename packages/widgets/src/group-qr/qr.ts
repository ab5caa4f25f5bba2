// Turns a link into a QR code PNG (a data: URL for an <img>, so WeChat's long-press can read it).
// The encoder (lean-qr, ~3.5 kB gzip) is imported only when a QR code is drawn.

/** Links longer than this make a QR code too dense to scan from a phone screen. */
export const MAX_QR_TEXT = 1200;

export interface QrImage {
  /** `data:image/png;base64,…` */
  url: string;
  /** Modules per side, quiet zone included. */
  modules: number;
}

/** Encodes `text` (byte mode, error correction M or better) as a black-on-white PNG. */
export async function encodeQr(text: string, { scale = 8, pad = 4 } = {}): Promise<QrImage> {
  if (!text || text.length > MAX_QR_TEXT)
    throw new RangeError(`a QR code holds at most ${MAX_QR_TEXT} characters here`);
  const { generate, correction } = await import('lean-qr');
  const code = generate(text, { minCorrectionLevel: correction.M });
  const url = code.toDataURL({ type: 'image/png', scale, pad, on: [0, 0, 0, 255], off: [255, 255, 255, 255] });
  return { url, modules: code.size + pad * 2 };
}
