// One place that touches localStorage: blocked storage (Safari private mode, sandboxed iframes,
// a full quota) must degrade to memory for this page load, never throw into an element.

const memory = new Map<string, string>();

function local(): Storage | undefined {
  try {
    const storage = globalThis.localStorage;
    return storage ?? undefined;
  } catch {
    return undefined; // SecurityError: storage disabled for this origin
  }
}

/** The stored text for `key` (localStorage, else this page load's memory), or null. */
export function readText(key: string): string | null {
  try {
    const value = local()?.getItem(key);
    if (value !== null && value !== undefined) return value;
  } catch {
    /* fall through to memory */
  }
  return memory.get(key) ?? null;
}

/** Stores `value` in localStorage when possible, and always in memory for this page load. */
export function writeText(key: string, value: string): void {
  memory.set(key, value);
  try {
    local()?.setItem(key, value);
  } catch {
    /* quota or blocked: memory keeps it until reload */
  }
}

export function removeKey(key: string): void {
  memory.delete(key);
  try {
    local()?.removeItem(key);
  } catch {
    /* blocked */
  }
}

/** JSON record at `key`, or undefined when missing or not JSON (a record someone else wrote). */
export function readJson(key: string): unknown {
  const text = readText(key);
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function writeJson(key: string, value: unknown): void {
  writeText(key, JSON.stringify(value));
}

/** Keys are built from attributes a page builder types: keep them short and printable. */
export function storageKey(...parts: string[]): string {
  return ['livehook', ...parts.map((p) => p.replace(/[^\w.:-]+/g, '_').slice(0, 80))].join(':');
}
