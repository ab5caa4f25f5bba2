// @ts-check
// Finds the livekit-server binary: $LIVEKIT_SERVER_BIN, then the cache install-server.sh fills, then PATH.
import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export const LIVEKIT_SERVER_VERSION = 'v1.13.5';

/** Where install-server.sh puts the binary. */
export function cachedServerPath() {
  const cache = process.env.LIVEHOOK_CACHE || join(homedir(), '.cache', 'livehook');
  return join(cache, `livekit-server-${LIVEKIT_SERVER_VERSION}`, 'server');
}

/** @param {string} path */
function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** @returns {string} absolute path of a livekit-server binary */
export function findLiveKitServer() {
  const fromEnv = process.env.LIVEKIT_SERVER_BIN;
  if (fromEnv) {
    if (!isExecutable(fromEnv))
      throw new Error(`LIVEKIT_SERVER_BIN points to ${fromEnv}, which is not an executable file`);
    return fromEnv;
  }
  const cached = cachedServerPath();
  if (isExecutable(cached)) return cached;
  for (const dir of (process.env.PATH || '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'livekit-server');
    if (isExecutable(candidate)) return candidate;
  }
  throw new Error(
    `livekit-server not found (looked at $LIVEKIT_SERVER_BIN, ${cached} and PATH). ` +
      'Run `bash testbed/livekit/install-server.sh` once (needs Go), or set LIVEKIT_SERVER_BIN.',
  );
}
