// Says why joining a LiveKit room failed, in the Viewer's error codes, with a message a developer can act on.
import { ViewerError } from '../../viewer/errors.js';
import type { LiveKitModule } from './load-livekit.js';

/** Maps livekit-client's ConnectionError (by reason) to a ViewerError; anything else becomes 'network'. */
export function connectError(
  lk: Pick<LiveKitModule, 'ConnectionErrorReason'>,
  error: unknown,
  url: string,
): ViewerError {
  if (error instanceof ViewerError) return error;
  const e = error as { name?: string; reason?: number; status?: number; message?: string } | undefined;
  const message = e?.message ?? String(error);
  const R = lk.ConnectionErrorReason;
  if (e?.name === 'ConnectionError') {
    switch (e.reason) {
      case R.NotAllowed:
        return new ViewerError(
          'token',
          `LiveKit refused the token${e.status ? ` (HTTP ${e.status})` : ''}: ${message}`,
          {
            cause: error,
          },
        );
      case R.ServerUnreachable:
      case R.WebSocket:
        return new ViewerError('network', `LiveKit signal server ${host(url)} is unreachable: ${message}`, {
          cause: error,
        });
      case R.Timeout:
        return new ViewerError('timeout', `LiveKit did not answer in time: ${message}`, { cause: error });
      case R.InternalError:
        if (/pc connection|transport connection/i.test(message)) {
          return new ViewerError('network', `ICE failed: no media path to LiveKit (UDP/TCP blocked?): ${message}`, {
            cause: error,
          });
        }
    }
  }
  return new ViewerError('network', `joining the LiveKit room failed: ${message}`, { cause: error });
}

function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
