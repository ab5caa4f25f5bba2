// Browser-test helpers for the widgets: the shop-api test server, polling with deadlines, event
// recording, axe-core, and reading a QR code back from its <img>.
import { executeServerCommand } from '@web/test-runner-commands';

interface ShopApiInfo {
  origin: string;
  shopPath: string;
  controlPath: string;
  imageUrl: string;
}

export interface LogEntry {
  seq: number;
  endpoint: string;
  method: string;
  viewer: string | null;
  idempotencyKey: string | null;
  body: Record<string, unknown> | undefined;
  status: number;
  outcome: string;
}

let info: Promise<ShopApiInfo> | undefined;
export function shopApi(): Promise<ShopApiInfo> {
  info ??= executeServerCommand('testbed:shop-api') as Promise<ShopApiInfo>;
  return info;
}

let counter = 0;
/** A shop of its own for each test: endpoints, faults and the request log. */
export async function createShop(name: string) {
  const { origin, imageUrl } = await shopApi();
  const id = `${name}-${Date.now().toString(36)}-${counter++}`.toLowerCase().replace(/[^a-z0-9-]/g, '-');
  const control = `${origin}/control/${id}`;
  const send = async (body: unknown) => {
    const response = await fetch(control, { method: 'POST', body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`control ${JSON.stringify(body)} refused: ${await response.text()}`);
  };
  return {
    id,
    imageUrl,
    url: (endpoint: 'follow' | 'reward' | 'pool' | 'remind' | 'claim') => `${origin}/shops/${id}/${endpoint}`,
    control: send,
    fault: (endpoint: string, mode: string | null, extra: Record<string, unknown> = {}) =>
      send({ fault: { endpoint, mode, ...extra } }),
    async state(): Promise<{
      log: LogEntry[];
      reminders: Record<string, unknown>[];
      coupons: Record<string, { stock: number; claims: number }>;
    }> {
      return (await fetch(control)).json();
    },
    async log(): Promise<LogEntry[]> {
      return (await (await fetch(control)).json()).log;
    },
  };
}

/** Polls until `check` returns a truthy value or the deadline passes. */
export async function until<T>(check: () => T | undefined | null | false, what: string, timeout = 15_000): Promise<T> {
  const deadline = performance.now() + timeout;
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Polls an async check. */
export async function untilAsync<T>(
  check: () => Promise<T | undefined | null | false>,
  what: string,
  timeout = 15_000,
): Promise<T> {
  const deadline = performance.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (performance.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Creates an element from HTML, appends it to the body and waits for its first render. */
export async function fixture<T extends HTMLElement>(
  markup: string,
  container: HTMLElement = document.body,
): Promise<T> {
  const template = document.createElement('template');
  template.innerHTML = markup.trim();
  const element = template.content.firstElementChild as T;
  container.append(element);
  await (element as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return element;
}

/** Every `live-*` event that reaches the document, in order. */
export function recordEvents() {
  const events: CustomEvent[] = [];
  const names = [
    'live-widget-shown',
    'live-widget-dismissed',
    'live-follow-clicked',
    'live-follow-confirmed',
    'live-reward-unlocked',
    'live-reward-copied',
    'live-group-opened',
    'live-reminder-subscribed',
    'live-calendar-added',
    'live-coupon-claimed',
    'live-coupon-soldout',
  ];
  const listener = (event: Event) => events.push(event as CustomEvent);
  for (const name of names) document.addEventListener(name, listener);
  return {
    events,
    types: () => events.map((e) => e.type),
    stop: () => {
      for (const name of names) document.removeEventListener(name, listener);
    },
  };
}

/** The element's shadow root, typed. */
export function shadow(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`<${element.localName}> has no shadow root`);
  return element.shadowRoot;
}

export function $(element: Element, selector: string): HTMLElement | null {
  return shadow(element).querySelector<HTMLElement>(selector);
}

/** Visible text of the shadow tree (slots' fallback included), whitespace collapsed. */
export function textOf(element: Element): string {
  return (shadow(element).textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`failed to load ${src}`));
    document.head.append(script);
  });
}

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: unknown; failureSummary?: string }[] }[];
}
declare global {
  interface Window {
    axe?: { run: (context: unknown, options?: unknown) => Promise<AxeResult> };
    jsQR?: (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
  }
}

/** Runs axe-core on `element` (shadow DOM included) and fails with a readable list of violations. */
export async function expectAccessible(element: Element, label = element.localName): Promise<void> {
  if (!window.axe) await loadScript('/node_modules/axe-core/axe.min.js');
  const result = await window.axe!.run(element, { resultTypes: ['violations'] });
  const problems = result.violations.map(
    (v) =>
      `${v.id}: ${v.help} → ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join(' | ')}`,
  );
  if (problems.length) throw new Error(`axe found problems in ${label}:\n${problems.join('\n')}`);
}

/** Reads the QR code in an <img> back to text with jsQR (a test-only dependency). */
export async function decodeQrImage(img: HTMLImageElement): Promise<string | null> {
  if (!window.jsQR) await loadScript(new URL('../../node_modules/jsqr/dist/jsQR.js', import.meta.url).href);
  if (!img.complete || !img.naturalWidth) await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  const context = canvas.getContext('2d')!;
  context.drawImage(img, 0, 0);
  const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
  return window.jsQR!(data, width, height)?.data ?? null;
}

/** Captures console.error calls while `run` runs. */
export async function captureConsoleErrors(run: () => Promise<void> | void): Promise<string[]> {
  const original = console.error;
  const messages: string[] = [];
  console.error = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
  };
  try {
    await run();
  } finally {
    console.error = original;
  }
  return messages;
}

/** A stand-in for <live-player>: dispatches the documented events and exposes `state` and `room`. */
export class FakePlayer extends HTMLElement {
  state = 'idle';
  room = '';
  setState(state: string): void {
    const previous = this.state;
    this.state = state;
    this.dispatchEvent(
      new CustomEvent('live-statechange', { detail: { state, previous }, bubbles: true, composed: true }),
    );
  }
  cue(cue: Record<string, unknown>): void {
    this.dispatchEvent(
      new CustomEvent('live-cue', {
        detail: { cue: { v: 1, source: 'local', ...cue } },
        bubbles: true,
        composed: true,
      }),
    );
  }
}
if (!customElements.get('fake-player')) customElements.define('fake-player', FakePlayer);

/** Clears every `livehook:` key (frequency caps, unlocks, the viewer id). */
export function clearLivehookStorage(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('livehook:')) localStorage.removeItem(key);
}
