// The durable, bounded queue of events waiting for the shop's endpoint: memory first, written through to storage.
import type { LeadEvent } from './lead-event.js';
import { checkLeadEvent, utf8Length } from './validate.js';

/**
 * Where queued events survive reloads. Synchronous on purpose: `pagehide` gives no time to await,
 * and an event is only safe once it is written. Swap in your own (e.g. over IndexedDB with a
 * memory mirror) through `createLeadPipeline({ storage })`.
 */
export interface QueueStore {
  /** Every stored event, oldest first. */
  load(): LeadEvent[];
  /** Stores one event (`json` is the event already serialised); false when there is no room or storage is blocked. */
  add(event: LeadEvent, json?: string): boolean;
  remove(ids: readonly string[]): void;
  /** Removes every queued event (consent revoked). */
  clear(): void;
}

/** One localStorage entry per event (`<prefix>:q:<id>`), so adding and removing never rewrites the whole queue. */
export class LocalStorageQueueStore implements QueueStore {
  private readonly keyPrefix: string;

  constructor(
    prefix = 'livehook',
    private readonly storage: Storage | undefined = safeLocalStorage(),
  ) {
    this.keyPrefix = `${prefix}:q:`;
  }

  load(): LeadEvent[] {
    const storage = this.storage;
    if (!storage) return [];
    const events: LeadEvent[] = [];
    const broken: string[] = [];
    for (const key of this.keys()) {
      try {
        const check = checkLeadEvent(JSON.parse(storage.getItem(key) ?? ''));
        if (check.ok) events.push(check.event);
        else broken.push(key);
      } catch {
        broken.push(key);
      }
    }
    for (const key of broken) storage.removeItem(key);
    return events.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  }

  add(event: LeadEvent, json = JSON.stringify(event)): boolean {
    try {
      this.storage?.setItem(this.keyPrefix + event.id, json);
      return this.storage !== undefined;
    } catch {
      return false; // QuotaExceededError, or storage disabled
    }
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) {
      try {
        this.storage?.removeItem(this.keyPrefix + id);
      } catch {
        /* blocked storage: nothing was written either */
      }
    }
  }

  clear(): void {
    for (const key of this.keys()) this.storage?.removeItem(key);
  }

  private keys(): string[] {
    const storage = this.storage;
    const keys: string[] = [];
    if (!storage) return keys;
    try {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key?.startsWith(this.keyPrefix)) keys.push(key);
      }
    } catch {
      /* blocked */
    }
    return keys;
  }
}

/** Keeps nothing across reloads: for pages that may not store anything, and for tests. */
export class MemoryQueueStore implements QueueStore {
  private readonly events = new Map<string, LeadEvent>();
  load(): LeadEvent[] {
    return [...this.events.values()];
  }
  add(event: LeadEvent): boolean {
    this.events.set(event.id, event);
    return true;
  }
  remove(ids: readonly string[]): void {
    for (const id of ids) this.events.delete(id);
  }
  clear(): void {
    this.events.clear();
  }
}

export function safeLocalStorage(): Storage | undefined {
  try {
    const storage = globalThis.localStorage;
    return storage ?? undefined;
  } catch {
    return undefined; // a sandboxed iframe or blocked third-party storage throws on access
  }
}

interface Entry {
  readonly event: LeadEvent;
  /** The event's JSON size, computed once. */
  readonly bytes: number;
}

/** What pushing an event cost: the oldest events dropped to stay within bounds. */
export interface PushResult {
  readonly dropped: readonly LeadEvent[];
}

/** A batch picked from the queue. */
export interface Batch {
  readonly events: readonly LeadEvent[];
  /** `{"events":[…]}`, exactly what goes on the wire. */
  readonly body: string;
  readonly bytes: number;
}

/**
 * In-memory order of the events waiting to be sent, mirrored to a QueueStore. Bounded by count,
 * so a viewer offline for a whole three-hour stream keeps the latest `maxEvents` and drops the oldest.
 */
export class EventQueue {
  private entries: Entry[] = [];
  private readonly ids = new Set<string>();

  constructor(
    private readonly store: QueueStore,
    private readonly maxEvents: number,
  ) {}

  get length(): number {
    return this.entries.length;
  }

  /** Reads what an earlier page left behind. */
  restore(): void {
    for (const event of this.store.load()) {
      if (this.ids.has(event.id)) continue;
      this.ids.add(event.id);
      this.entries.push({ event, bytes: utf8Length(JSON.stringify(event)) });
    }
    this.trim();
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** Queues an event; pass its JSON (from checkLeadEvent) to skip serialising it again. */
  push(event: LeadEvent, json = JSON.stringify(event)): PushResult {
    if (this.ids.has(event.id)) return { dropped: [] };
    const dropped: LeadEvent[] = [];
    const entry = { event, bytes: utf8Length(json) };
    // Storage full: make room by dropping the oldest, a few at a time; memory still holds the event.
    for (let tries = 0; !this.store.add(event, json) && tries < 3 && this.entries.length > 0; tries++) {
      dropped.push(...this.dropOldest(Math.max(1, Math.ceil(this.entries.length / 10))));
    }
    this.entries.push(entry);
    this.ids.add(event.id);
    dropped.push(...this.trim());
    return { dropped };
  }

  /**
   * The oldest events not in `exclude`, up to `maxEvents` and `maxBytes` of wire body. An event too
   * big for `maxBytes` on its own is still returned alone (the caller decides what to do with it).
   */
  take(maxEvents: number, maxBytes: number, exclude?: ReadonlySet<string>): Batch | undefined {
    const picked: LeadEvent[] = [];
    let bytes = '{"events":[]}'.length;
    for (const { event, bytes: size } of this.entries) {
      if (picked.length >= maxEvents) break;
      if (exclude?.has(event.id)) continue;
      const next = bytes + size + (picked.length > 0 ? 1 : 0);
      if (next > maxBytes && picked.length > 0) break;
      picked.push(event);
      bytes = next;
      if (bytes > maxBytes) break;
    }
    if (picked.length === 0) return undefined;
    return { events: picked, body: JSON.stringify({ events: picked }), bytes };
  }

  remove(ids: readonly string[]): void {
    const gone = new Set(ids.filter((id) => this.ids.has(id)));
    if (gone.size === 0) return;
    this.entries = this.entries.filter((e) => !gone.has(e.event.id));
    for (const id of gone) this.ids.delete(id);
    this.store.remove([...gone]);
  }

  /** Forgets everything, in memory and in storage. */
  clear(): void {
    this.entries = [];
    this.ids.clear();
    this.store.clear();
  }

  private trim(): LeadEvent[] {
    return this.entries.length > this.maxEvents ? this.dropOldest(this.entries.length - this.maxEvents) : [];
  }

  private dropOldest(count: number): LeadEvent[] {
    const dropped = this.entries.splice(0, count).map((e) => e.event);
    for (const event of dropped) this.ids.delete(event.id);
    this.store.remove(dropped.map((e) => e.id));
    return dropped;
  }
}
