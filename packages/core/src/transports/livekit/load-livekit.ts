// Loads livekit-client on demand: importing @livehook/core must never pull it into the page.
export type LiveKitModule = typeof import('livekit-client');

let pending: Promise<LiveKitModule> | undefined;

/** Fetches the livekit-client chunk once per page and reuses it for every player. */
export function loadLiveKit(): Promise<LiveKitModule> {
  pending ??= import('livekit-client').catch((error: unknown) => {
    pending = undefined; // let a later source try again (e.g. after a network blip)
    throw error;
  });
  return pending;
}

/** Whether this browser can do WebRTC at all, checked before downloading livekit-client. */
export function hasWebRtc(): boolean {
  return typeof globalThis.RTCPeerConnection === 'function' && typeof globalThis.MediaStream === 'function';
}
