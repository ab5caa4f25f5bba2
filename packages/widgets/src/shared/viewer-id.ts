// The anonymous per-browser viewer id that endpoints use to make claims and unlocks idempotent.
//
// The rule, in full:
// 1. If localStorage already holds a valid id under `livehook:viewer` (written by this module
//    after consent, or by the page's lead-event pipeline), that id is used.
// 2. Else, if the page has allowed storing it, a new random id is created and stored there.
//    A page allows it with `setViewerStorageConsent(true)` or the markup
//    `<html data-livehook-consent="granted">` (for page builders that can't run script).
// 3. Else a random id kept in memory for this page load is used, and nothing is written.
// `setViewerStorageConsent(false)` deletes the stored id; the in-memory id stays for this page.
import { randomId } from '@livehook/core';

/** The localStorage key holding the id. */
export const VIEWER_KEY = 'livehook:viewer';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let consent: boolean | undefined;
let memoryId: string | undefined;

export interface ViewerIdentity {
  /** The id to send as `X-LiveHook-Viewer`. */
  readonly id: string;
  /** True when it is stored (so stable across reloads and allowed in lead events). */
  readonly persisted: boolean;
}

/** Whether the page allows storing the viewer id (the call, else the `data-livehook-consent` markup). */
export function viewerStorageAllowed(): boolean {
  if (consent !== undefined) return consent;
  return globalThis.document?.documentElement?.dataset.livehookConsent === 'granted';
}

/** Grants or withdraws consent to store the viewer id. Withdrawing deletes the stored id. */
export function setViewerStorageConsent(allowed: boolean): void {
  consent = allowed;
  if (!allowed) {
    const stored = storedId();
    if (stored) memoryId ??= stored; // keep this page's requests consistent
    removeLocal();
  }
}

/** The viewer id for requests, following the rule at the top of this file. */
export function viewerIdentity(): ViewerIdentity {
  const stored = storedId();
  if (stored) return { id: stored, persisted: true };
  memoryId ??= randomId();
  if (viewerStorageAllowed()) {
    writeLocal(memoryId);
    if (storedId() === memoryId) return { id: memoryId, persisted: true };
  }
  return { id: memoryId, persisted: false };
}

// Not through storage.ts: its in-memory fallback would make an unstored id look stored.
function storedId(): string | undefined {
  try {
    const value = globalThis.localStorage?.getItem(VIEWER_KEY);
    return value && UUID.test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function writeLocal(id: string): void {
  try {
    globalThis.localStorage?.setItem(VIEWER_KEY, id);
  } catch {
    /* blocked: stays in memory */
  }
}

function removeLocal(): void {
  try {
    globalThis.localStorage?.removeItem(VIEWER_KEY);
  } catch {
    /* blocked */
  }
}

/** For tests: forget the in-memory id and any consent decision made by a call. */
export function resetViewerIdentityForTests(): void {
  consent = undefined;
  memoryId = undefined;
}
