// Shared by the player's browser tests: the live HLS origin of the test bed, players, and patient polling.
import { executeServerCommand, sendMouse } from '@web/test-runner-commands';
import type { LivePlayer } from '../live-player/live-player.js';
import '../define.js';

export interface HlsInfo {
  origin: string;
  masterPath: string;
  controlPath: string;
  renditions: { name: string; width: number; height: number; bandwidth: number }[];
  segmentSeconds: number;
}

let info: Promise<HlsInfo> | undefined;
/** The test bed's live ffmpeg ladder (started once per run; the first call can take a while). */
export function hlsOrigin(): Promise<HlsInfo> {
  info ??= executeServerCommand<HlsInfo, undefined>('testbed:hls');
  return info;
}

/** A fresh channel name: faults are per channel, so every test gets its own. */
export function channel(name: string): string {
  return `${name}-${Math.random().toString(36).slice(2, 8)}`;
}

export async function masterUrl(ch: string): Promise<string> {
  const hls = await hlsOrigin();
  return hls.origin + hls.masterPath.replace('{channel}', ch);
}

/** POSTs a fault to the origin for one channel (e.g. `{ fault: 'end' }`). */
export async function fault(ch: string, spec: object): Promise<unknown> {
  const hls = await hlsOrigin();
  const res = await fetch(hls.origin + hls.controlPath.replace('{channel}', ch), {
    method: 'POST',
    body: JSON.stringify(spec),
  });
  if (!res.ok) throw new Error(`fault ${JSON.stringify(spec)} refused: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Clears one fault (or all of them) on a channel. */
export async function clearFault(ch: string, name?: string): Promise<void> {
  const hls = await hlsOrigin();
  const query = name ? `?fault=${encodeURIComponent(name)}` : '';
  const res = await fetch(hls.origin + hls.controlPath.replace('{channel}', ch) + query, { method: 'DELETE' });
  if (!res.ok) throw new Error(`clearing ${name ?? 'faults'} failed: ${res.status}`);
}

/** Polls `check` until it returns something truthy; setup deadlines are generous, the machine is shared. */
export async function waitFor<T>(
  what: string,
  check: () => T | Promise<T>,
  timeoutMs = 30_000,
): Promise<NonNullable<T>> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const created: LivePlayer[] = [];

/** Adds a <live-player> with these attributes to the page. Removed by `removePlayers()`. */
export function addPlayer(attributes: Record<string, string | boolean>, parent: Element = document.body): LivePlayer {
  const player = document.createElement('live-player');
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) player.setAttribute(name, '');
    else if (value !== false) player.setAttribute(name, value);
  }
  player.style.width = '640px';
  parent.append(player);
  created.push(player);
  return player;
}

export function removePlayers(): void {
  for (const player of created.splice(0)) player.remove();
}

export function videoOf(player: LivePlayer): HTMLVideoElement {
  return player.shadowRoot!.querySelector('video')!;
}

export function part<E extends Element = HTMLElement>(player: LivePlayer, name: string): E | null {
  return player.shadowRoot!.querySelector<E>(`[part~="${name}"]`);
}

/** Visible to a person: rendered, with a size, not hidden by opacity or visibility. */
export function isShown(element: Element | null): boolean {
  if (!element) return false;
  const box = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.opacity !== '0';
}

/** The control bar, once it is on screen: its code arrives after the first frame (controls-loader.ts). */
export function waitForControls(player: LivePlayer): Promise<HTMLElement> {
  return waitFor('the control bar', () => {
    const bar = part(player, 'controls');
    return isShown(bar) ? bar : null;
  });
}

export function waitForState(player: LivePlayer, state: string, timeoutMs = 45_000): Promise<boolean> {
  return waitFor(
    `state "${state}" (now "${player.getAttribute('state')}")`,
    () => player.getAttribute('state') === state,
    timeoutMs,
  );
}

/** Frames are being presented: `count` new frames arrive and the playhead moves. */
export async function framesMoving(video: HTMLVideoElement, count = 10, timeoutMs = 15_000): Promise<boolean> {
  const start = video.currentTime;
  await new Promise<void>((resolve, reject) => {
    let seen = 0;
    const timer = setTimeout(
      () => reject(new Error(`fewer than ${count} frames in ${timeoutMs} ms (saw ${seen})`)),
      timeoutMs,
    );
    const onFrame = () => {
      if (++seen >= count) {
        clearTimeout(timer);
        resolve();
      } else video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  });
  return video.currentTime > start;
}

/** A real mouse click (user activation included) in the middle of an element inside the player. */
export async function clickLikeAUser(element: Element): Promise<void> {
  const box = element.getBoundingClientRect();
  const x = Math.round(box.left + box.width / 2);
  const y = Math.round(box.top + box.height / 2);
  await sendMouse({ type: 'move', position: [x, y] });
  await sendMouse({ type: 'click', position: [x, y] });
}

/** Counts console.error calls (still printing them) until `restore()`. */
export function captureConsoleErrors(): { messages: string[]; restore(): void } {
  const original = console.error;
  const messages: string[] = [];
  console.error = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
    original.apply(console, args);
  };
  return { messages, restore: () => (console.error = original) };
}

/** Collects uncaught errors and unhandled rejections that reach the page. */
export function captureUncaught(): { errors: unknown[]; restore(): void } {
  const errors: unknown[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(e.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    restore: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}
