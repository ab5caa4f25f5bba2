// The LiveKit part of the test bed, end to end in Chromium: a livekit-client viewer gets a token from
// the token endpoint, joins room `demo` on the real livekit-server and receives the real publisher.
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import {
  type RemoteAudioTrack,
  type RemoteParticipant,
  type RemoteTrack,
  type RemoteTrackPublication,
  Room,
  RoomEvent,
  Track,
  VideoQuality,
} from 'livekit-client';
import { decodeClock } from '../livekit/clock-code.mjs';

interface LiveKitInfo {
  wsUrl: string;
  tokenUrl: string;
  controlUrl: string;
  room: string;
  emptyRoom: string;
  hostIdentity: string;
}

interface Viewer {
  room: Room;
  host: RemoteParticipant;
  video: HTMLVideoElement;
  videoPublication: RemoteTrackPublication;
  audioTrack: RemoteAudioTrack;
  firstFrameMs: number;
}

let info: LiveKitInfo;
const rooms: Room[] = [];

/** Polls `check` until it returns a truthy value. Timeouts here are for setup on a busy machine. */
async function waitFor<T>(what: string, check: () => T | Promise<T>, timeoutMs = 30_000): Promise<NonNullable<T>> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function fetchToken(room: string, kind = 'viewer'): Promise<{ token: string; url: string }> {
  const res = await fetch(`${info.tokenUrl}?kind=${kind}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ room }),
  });
  expect(res.status, await res.clone().text()).to.equal(200);
  return res.json();
}

async function control(name: string, body: object = {}): Promise<unknown> {
  const res = await fetch(`${info.controlUrl}/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).to.equal(200);
  return (await res.json()).result;
}

function nextFrames(video: HTMLVideoElement, count: number): Promise<VideoFrameCallbackMetadata> {
  return new Promise((resolve) => {
    let seen = 0;
    const onFrame: VideoFrameRequestCallback = (_now, metadata) => {
      if (++seen >= count) resolve(metadata);
      else video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  });
}

/** The capture time the publisher burnt into the frame now showing, read back from pixels. */
function readClock(video: HTMLVideoElement): number | null {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(video, 0, 0);
  return decodeClock(ctx.getImageData(0, 0, canvas.width, canvas.height));
}

let viewer: Promise<Viewer> | undefined;
/** One viewer for the tests below, joined on first use; measures the time to its first frame. */
function joinViewer(): Promise<Viewer> {
  viewer ??= (async () => {
    const started = performance.now();
    const { token, url } = await fetchToken(info.room);
    const room = new Room({ adaptiveStream: false, dynacast: false });
    rooms.push(room);
    const subscribed: RemoteTrack[] = [];
    room.on(RoomEvent.TrackSubscribed, (track) => subscribed.push(track));
    await room.connect(url, token);
    const host = await waitFor('the host to be in the room', () => room.remoteParticipants.get(info.hostIdentity));
    const videoTrack = await waitFor('the host video', () => subscribed.find((t) => t.kind === Track.Kind.Video));
    const audioTrack = await waitFor('the host audio', () => subscribed.find((t) => t.kind === Track.Kind.Audio));
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    document.body.append(video);
    videoTrack.attach(video);
    await nextFrames(video, 1);
    const firstFrameMs = Math.round(performance.now() - started);
    const videoPublication = host.getTrackPublication(Track.Source.Camera)!;
    return { room, host, video, videoPublication, audioTrack: audioTrack as RemoteAudioTrack, firstFrameMs };
  })();
  return viewer as Promise<Viewer>;
}

describe('testbed: LiveKit', function () {
  this.timeout(180_000);

  before(async () => {
    info = await executeServerCommand<LiveKitInfo, undefined>('testbed:livekit');
  });

  after(async () => {
    await Promise.all(rooms.map((room) => room.disconnect()));
  });

  it('a viewer receives real decoded video frames from the host, stamped with the capture time', async () => {
    const { video, firstFrameMs } = await joinViewer();
    const metadata = await nextFrames(video, 5);
    expect(video.videoWidth).to.be.greaterThan(0);
    expect(metadata.presentedFrames).to.be.greaterThan(5);

    const captured = await waitFor('a readable clock in the picture', () => readClock(video), 10_000);
    const glassToGlassMs = Date.now() - captured;
    console.log(`livekit viewer: first frame ${firstFrameMs} ms after join, glass-to-glass ~${glassToGlassMs} ms`);
    expect(glassToGlassMs).to.be.within(0, 5000);
  });

  it('a viewer receives the host audio (a 440 Hz tone), decoded', async () => {
    const { audioTrack } = await joinViewer();
    const element = audioTrack.attach(); // Chromium routes remote WebRTC audio into WebAudio only while an element plays it
    element.muted = true;
    document.body.append(element);
    const ctx = new AudioContext();
    await ctx.resume();
    const analyser = ctx.createAnalyser();
    ctx.createMediaStreamSource(new MediaStream([audioTrack.mediaStreamTrack])).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const rms = await waitFor('audible samples', () => {
      analyser.getFloatTimeDomainData(samples);
      const value = Math.sqrt(samples.reduce((sum, s) => sum + s * s, 0) / samples.length);
      return value > 0.01 ? value : 0;
    });
    expect(rms).to.be.greaterThan(0.01);
    await ctx.close();
  });

  it('the host publishes 3 simulcast layers and the viewer can switch between them', async () => {
    const { video, videoPublication } = await joinViewer();
    expect(videoPublication.simulcasted).to.equal(true);
    const widths = (videoPublication.trackInfo?.layers ?? []).map((layer) => layer.width).sort((a, b) => a - b);
    expect(widths).to.deep.equal([320, 640, 1280]);

    for (const [quality, width] of [
      [VideoQuality.LOW, 320],
      [VideoQuality.HIGH, 1280],
    ] as const) {
      videoPublication.setVideoQuality(quality);
      await waitFor(`${width}px frames`, async () => (await nextFrames(video, 1)).width === width, 60_000);
      expect(video.videoWidth).to.equal(width);
    }
  });

  it('a viewer token cannot publish', async () => {
    const { room } = await joinViewer();
    expect(room.localParticipant.permissions?.canPublish).to.equal(false);
    expect(room.localParticipant.permissions?.canPublishData).to.equal(false);
    const canvas = document.createElement('canvas');
    canvas.getContext('2d')!.fillRect(0, 0, 10, 10);
    const track = canvas.captureStream(5).getVideoTracks()[0];
    let error: unknown;
    try {
      await room.localParticipant.publishTrack(track);
    } catch (e) {
      error = e;
    }
    track.stop();
    expect(error, 'publishTrack should fail').to.be.instanceOf(Error);
    expect(room.localParticipant.trackPublications.size).to.equal(0);
  });

  it('a data packet the host publishes on a topic reaches the viewer', async () => {
    const { room } = await joinViewer();
    const payload = JSON.stringify({ cue: 'product', id: Math.random() });
    const received = new Promise<{ text: string; from?: string; topic?: string }>((resolve) =>
      room.on(RoomEvent.DataReceived, (data, participant, _kind, topic) => {
        if (topic === 'livehook-test')
          resolve({ text: new TextDecoder().decode(data), from: participant?.identity, topic });
      }),
    );
    await control('data', { topic: 'livehook-test', payload });
    expect(await received).to.deep.equal({ text: payload, from: info.hostIdentity, topic: 'livehook-test' });
  });

  it('a data-only token gets the host data packets but no media', async () => {
    const { token, url } = await fetchToken(info.room, 'data-only');
    const room = new Room({ adaptiveStream: false, dynacast: false });
    rooms.push(room);
    const texts: string[] = [];
    room.on(RoomEvent.DataReceived, (data, _participant, _kind, topic) => {
      if (topic === 'livehook-data-only') texts.push(new TextDecoder().decode(data));
    });
    await room.connect(url, token);
    expect(room.localParticipant.permissions?.canSubscribe).to.equal(false);
    const host = await waitFor('the host to be listed', () => room.getParticipantByIdentity(info.hostIdentity));
    await waitFor('the host tracks to be listed', () => host.trackPublications.size >= 2);

    // Data: sent a few times, as the data channel may still be opening right after connect().
    await waitFor(
      'a data packet',
      async () => {
        await control('data', { topic: 'livehook-data-only', payload: 'cue' });
        await new Promise((resolve) => setTimeout(resolve, 500));
        return texts.length > 0;
      },
      20_000,
    );
    expect(texts[0]).to.equal('cue');
    // Media: listed but never subscribed.
    expect([...host.trackPublications.values()].map((p) => p.isSubscribed)).to.deep.equal([false, false]);
  });
});
