// The anonymous viewer id and the consent that allows it. Stored under the same key the widgets read,
// so an unlock request and the lead events of one browser carry the same id.
import { randomId } from './lead-event.js';
import { safeLocalStorage } from './queue.js';

/** `granted`: store and send. `pending`: consent is required and not given yet. `denied`: revoked or refused. */
export type ConsentState = 'granted' | 'pending' | 'denied';

/** localStorage key of the viewer id (shared with @livehook/widgets). */
export const VIEWER_STORAGE_KEY = 'livehook:viewer';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when the page's markup grants consent: `<html data-livehook-consent="granted">` (for page builders). */
export function markupGrantsConsent(): boolean {
  return globalThis.document?.documentElement?.dataset?.livehookConsent === 'granted';
}

/**
 * Reads the stored viewer id, creating it if `create`. With `persist: false` the id lives in memory only.
 * Returns undefined only when nothing is stored and `create` is false.
 */
export class ViewerIdentity {
  private memoryId: string | undefined;

  constructor(private readonly persist: boolean) {}

  /** The id, creating (and storing) one. Call only with consent. */
  ensure(): string {
    const stored = this.read();
    if (stored) return stored;
    this.memoryId ??= randomId();
    if (this.persist) {
      try {
        safeLocalStorage()?.setItem(VIEWER_STORAGE_KEY, this.memoryId);
      } catch {
        /* blocked or full: the id stays in memory for this page */
      }
    }
    return this.memoryId;
  }

  /** Forgets the id, in memory and in storage. */
  forget(): void {
    this.memoryId = undefined;
    try {
      safeLocalStorage()?.removeItem(VIEWER_STORAGE_KEY);
    } catch {
      /* blocked */
    }
  }

  private read(): string | undefined {
    if (!this.persist) return this.memoryId;
    try {
      const value = safeLocalStorage()?.getItem(VIEWER_STORAGE_KEY);
      return value && UUID.test(value) ? value : this.memoryId;
    } catch {
      return this.memoryId;
    }
  }
}
