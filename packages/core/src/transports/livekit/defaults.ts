// LiveKit tuning, kept apart from the transport so the Viewer can read it without loading the transport.
export const LIVEKIT_DEFAULTS = {
  firstFrameTimeout: 5000, // sub-second is the point; 5 s without a picture and HLS will do better
  maxOutage: 10_000, // frozen or reconnecting this long with a CDN fallback at hand: take it
  // livekit-client resumes within seconds once the server answers; this long without, it may be stuck: start over
  reconnectStuckAfter: 20_000,
  tokenTimeout: 4000, // below firstFrameTimeout, so a hanging endpoint is named as the culprit
  statsInterval: 1000,
  viewersEvery: 1000, // busy rooms join and leave constantly: one count a second is plenty
} as const;
