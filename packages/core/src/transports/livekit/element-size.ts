// Tells livekit-client's adaptive stream how big and how visible the picture is, so the SFU sends the
// layer that fits. A manual quality choice reports that layer's size instead, so adaptive stream does
// not cap it; until the first frame the picture counts as visible, so a player below the fold still starts.
import type { ElementInfo } from 'livekit-client';

export class ElementSize implements ElementInfo {
  readonly element: HTMLVideoElement;
  visibilityChangedAt: number | undefined = 0;
  handleResize?: () => void;
  handleVisibilityChanged?: () => void;
  private target: { width: number; height: number } | undefined;
  private intersecting = true;
  private pip = false;
  private started = false;
  private resizeObserver: ResizeObserver | undefined;
  private intersectionObserver: IntersectionObserver | undefined;
  private readonly listeners = new AbortController();

  constructor(element: HTMLVideoElement) {
    this.element = element;
  }

  get visible(): boolean {
    return !this.started || this.intersecting || this.pip;
  }

  get pictureInPicture(): boolean {
    return this.pip;
  }

  width(): number {
    return this.target?.width ?? this.element.clientWidth;
  }

  height(): number {
    return this.target?.height ?? this.element.clientHeight;
  }

  /** A fixed size (a manually chosen layer), or undefined to follow the element. */
  setTarget(target: { width: number; height: number } | undefined): void {
    this.target = target;
    this.handleResize?.();
  }

  /** The first frame arrived: from now on, real visibility counts. */
  markStarted(): void {
    if (this.started) return;
    this.started = true;
    this.handleVisibilityChanged?.();
  }

  observe(): void {
    if (this.resizeObserver) return;
    this.resizeObserver = new ResizeObserver(() => this.handleResize?.());
    this.resizeObserver.observe(this.element);
    this.intersectionObserver = new IntersectionObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (!entry || entry.isIntersecting === this.intersecting) return;
      this.intersecting = entry.isIntersecting;
      this.visibilityChangedAt = Date.now();
      this.handleVisibilityChanged?.();
    });
    this.intersectionObserver.observe(this.element);
    const signal = this.listeners.signal;
    const pip = (on: boolean) => () => {
      this.pip = on;
      this.handleVisibilityChanged?.();
    };
    this.element.addEventListener('enterpictureinpicture', pip(true), { signal });
    this.element.addEventListener('leavepictureinpicture', pip(false), { signal });
  }

  stopObserving(): void {
    this.resizeObserver?.disconnect();
    this.intersectionObserver?.disconnect();
    this.resizeObserver = undefined;
    this.intersectionObserver = undefined;
    this.listeners.abort();
  }
}
