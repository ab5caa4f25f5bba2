// What kind of browser the viewer is in. One seam, so tests can pretend to be a phone or WeChat.

export const environment = {
  /** WeChat's in-app browser: long-press on an <img> QR code offers "识别图中二维码". */
  isWeChat(): boolean {
    return /MicroMessenger/i.test(globalThis.navigator?.userAgent ?? '');
  },
  /** A phone or tablet: it cannot scan its own screen, so links get an "Open" button. */
  isPhone(): boolean {
    const ua = globalThis.navigator?.userAgent ?? '';
    if (/Android|iPhone|iPad|iPod|Mobile|HarmonyOS/i.test(ua)) return true;
    // iPadOS reports itself as a Mac; a touch-only pointer gives it away.
    return Boolean(globalThis.matchMedia?.('(pointer: coarse) and (hover: none)').matches);
  },
};
