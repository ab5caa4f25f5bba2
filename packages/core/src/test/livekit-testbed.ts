// Browser-test helpers for the LiveKit part of the test bed (testbed/livekit) and packet-level faults (testbed/netfault.mjs).
import { executeServerCommand } from '@web/test-runner-commands';

export interface LiveKitInfo {
  wsUrl: string;
  httpUrl: string;
  tokenUrl: string;
  controlUrl: string;
  room: string;
  emptyRoom: string;
  hostIdentity: string;
  ports: { signal: number; rtcTcp: number; rtcUdp: number };
}

let info: Promise<LiveKitInfo> | undefined;

export function liveKitPart(): Promise<LiveKitInfo> {
  info ??= executeServerCommand('testbed:livekit') as Promise<LiveKitInfo>;
  return info;
}

/** A LiveKit source for the room where the host publishes (optionally with a token-endpoint fault). */
export async function demoSource(fail?: string, room?: string) {
  const lk = await liveKitPart();
  return {
    kind: 'livekit' as const,
    url: lk.wsUrl,
    tokenUrl: fail ? `${lk.tokenUrl}?fail=${fail}` : lk.tokenUrl,
    room: room ?? lk.room,
  };
}

/** POST <controlUrl>/<name>: drive the test bed (data packets, republish, server stop/start…). */
export async function control<T = unknown>(name: string, body: object = {}): Promise<T> {
  const { controlUrl } = await liveKitPart();
  const response = await fetch(`${controlUrl}/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`control ${name} failed: ${response.status} ${await response.text()}`);
  return (await response.json()).result as T;
}

export function netfault(payload: Record<string, unknown>): Promise<unknown> {
  return executeServerCommand('testbed:netfault', payload);
}

/** Every port the LiveKit server uses: signalling (TCP) and ICE (TCP and UDP). */
export async function serverPorts(which: 'all' | 'media' = 'all') {
  const { ports } = await liveKitPart();
  return {
    tcp: which === 'all' ? [ports.signal, ports.rtcTcp] : [ports.rtcTcp],
    udp: [ports.rtcUdp],
  };
}

/** Polls an async check until it returns a truthy value or the deadline passes. */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, timeout = 30_000): Promise<NonNullable<T>> {
  const deadline = performance.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (performance.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the host publishes again (after a server restart or a network cut) and its frames move. */
export async function hostPublishing(timeout = 60_000): Promise<void> {
  let frames = -1;
  await waitFor(
    'the host to publish',
    async () => {
      const status = await control<{ state: string; frames: number; videoTrackSid?: string }>('publisher-status');
      const moving =
        status.state === 'connected' && Boolean(status.videoTrackSid) && frames >= 0 && status.frames > frames;
      frames = status.frames;
      return moving;
    },
    timeout,
  );
}

/** Resolves after `count` new frames are presented; returns the last frame's metadata. */
export function nextFrames(video: HTMLVideoElement, count = 1): Promise<VideoFrameCallbackMetadata> {
  return new Promise((resolve) => {
    let seen = 0;
    const onFrame: VideoFrameRequestCallback = (_now, metadata) => {
      if (++seen >= count) resolve(metadata);
      else video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  });
}
