// Browser-test helpers for the live HLS origin of the test bed (testbed/hls).
import { executeServerCommand } from '@web/test-runner-commands';

interface HlsInfo {
  origin: string;
  masterPath: string;
  controlPath: string;
  renditions: { name: string; width: number; height: number; bandwidth: number }[];
  segmentSeconds: number;
}

let info: Promise<HlsInfo> | undefined;

export function hlsOrigin(): Promise<HlsInfo> {
  info ??= executeServerCommand('testbed:hls') as Promise<HlsInfo>;
  return info;
}

let counter = 0;
/** A channel of its own for each test, so faults never leak between tests. */
export async function channel(name: string) {
  const { origin, masterPath, controlPath } = await hlsOrigin();
  const id = `${name}-${Date.now().toString(36)}-${counter++}`;
  const control = origin + controlPath.replace('{channel}', id);
  return {
    url: origin + masterPath.replace('{channel}', id),
    async fault(spec: Record<string, unknown>) {
      const response = await fetch(control, { method: 'POST', body: JSON.stringify(spec) });
      if (!response.ok) throw new Error(`fault ${JSON.stringify(spec)} refused: ${await response.text()}`);
    },
    async clear() {
      await fetch(control, { method: 'DELETE' });
    },
    /** What the origin has served on this channel (requests per rendition, faults). */
    async stats(): Promise<{ mediaByRendition: Record<string, number>; segmentsByRendition: Record<string, number> }> {
      return (await fetch(control)).json();
    },
  };
}

/** Polls until `check` returns a truthy value or the deadline passes. */
export async function until<T>(check: () => T | undefined | null | false, what: string, timeout = 30_000): Promise<T> {
  const deadline = performance.now() + timeout;
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function createVideo(): HTMLVideoElement {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.width = 640;
  video.height = 360;
  document.body.append(video);
  return video;
}
