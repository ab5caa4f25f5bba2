// Errors a viewer can end in, each with a stable code a UI can translate and a message a developer can act on.

export const ViewerErrorCode = {
  /** The source is missing or not a valid http(s) URL / LiveKit config. */
  BadSource: 'bad-source',
  /** The browser can play none of the sources (no MSE, no native HLS, no WebRTC). */
  Unsupported: 'unsupported',
  /** The network failed for good after retries. */
  Network: 'network',
  /** The playlist could not be parsed. */
  BadPlaylist: 'bad-playlist',
  /** Decoding failed and could not be recovered. */
  Media: 'media',
  /** The token endpoint refused or failed. */
  Token: 'token',
  /** No first frame in time. */
  Timeout: 'timeout',
} as const;

export type ViewerErrorCode = (typeof ViewerErrorCode)[keyof typeof ViewerErrorCode];

export class ViewerError extends Error {
  override name = 'ViewerError';
  constructor(
    readonly code: ViewerErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function toViewerError(error: unknown, fallback: ViewerErrorCode = 'network'): ViewerError {
  if (error instanceof ViewerError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ViewerError(fallback, message, { cause: error });
}
