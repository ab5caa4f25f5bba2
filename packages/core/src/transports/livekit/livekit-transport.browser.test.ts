// The Viewer on LiveKit in real Chromium: the real livekit-server and publisher of the test bed,
// faults at the packet level (iptables on the server's loopback ports) and by stopping the server.
import { expect } from '@esm-bundle/chai';
import { decodeClock } from '../../../../../testbed/livekit/clock-code.mjs';
import {
  control,
  demoSource,
  hostPublishing,
  type LiveKitInfo,
  liveKitPart,
  netfault,
  nextFrames,
  serverPorts,
  waitFor,
} from '../../test/livekit-testbed.js';
import { channel, createVideo } from '../../test/testbed.js';
import type { ViewerEventMap } from '../../viewer/events.js';
import { Viewer, type ViewerOptions } from '../../viewer/viewer.js';
import { LIVEKIT_CUE_TOPIC } from './data-cues.js';

let lk: LiveKitInfo;

/** The capture time the publisher burnt into the frame now showing. */
function readClock(video: HTMLVideoElement): number | null {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(video, 0, 0);
  return decodeClock(ctx.getImageData(0, 0, canvas.width, canvas.height));
}

describe('Viewer on LiveKit (real livekit-server, real publisher)', function () {
  this.timeout(120_000);
  let viewer: Viewer | undefined;
  let video: HTMLVideoElement;
  let states: string[] = [];
  let fallbacks: ViewerEventMap['fallback'][] = [];
  let warnings: ViewerEventMap['warning'][] = [];

  function start(options: ViewerOptions, size?: { width: number; height: number }): Viewer {
    video = createVideo();
    if (size) {
      video.style.width = `${size.width}px`;
      video.style.height = `${size.height}px`;
    }
    states = [];
    fallbacks = [];
    warnings = [];
    const v = new Viewer(video, { autoplay: true, muted: true, ...options });
    viewer = v;
    v.on('statechange', ({ state }) => states.push(state));
    v.on('fallback', (event) => fallbacks.push(event));
    v.on('warning', (warning) => warnings.push(warning));
    v.load();
    return v;
  }

  const playing = (v: Viewer, timeout = 30_000) =>
    waitFor(`playing (state ${v.state})`, () => v.state === 'playing', timeout);

  before(async () => {
    lk = await liveKitPart();
  });

  afterEach(async () => {
    viewer?.destroy();
    viewer = undefined;
    video?.remove();
    await netfault({ action: 'restore' });
  });

  it('shows the first frame through LiveKit, with metrics, qualities and a viewer count', async () => {
    const v = start({ sources: [await demoSource()] });
    await playing(v);
    expect(v.source?.kind).to.equal('livekit');
    expect(v.metrics.transport).to.equal('livekit');
    expect(v.metrics.timeToFirstFrame).to.be.within(1, 5000);
    // Real pixels from the host: its clock is readable, and it is recent.
    const captured = await waitFor('a readable pixel clock', () => readClock(video), 10_000);
    const glassToGlass = Date.now() - captured;
    expect(glassToGlass).to.be.within(0, 1000);

    expect(v.qualities.map((q) => q.id)).to.deep.equal(['720p', '360p', '180p']);
    await waitFor('stats', () => v.metrics.bitrate && v.metrics.latency !== undefined && v.playingQuality, 10_000);
    const m = v.metrics;
    expect(m.width).to.be.greaterThan(0);
    expect(m.height).to.be.greaterThan(0);
    expect(m.packetLoss).to.be.within(0, 0.05);
    expect(m.jitter).to.be.within(0, 0.5);
    // The estimate against the truth the pixel clock tells (same machine, same clock).
    const truth = (Date.now() - (await waitFor('clock', () => readClock(video), 5000))) / 1000;
    console.log(
      `livekit: first frame ${m.timeToFirstFrame} ms, glass-to-glass ${Math.round(truth * 1000)} ms, ` +
        `estimate ${Math.round((m.latency ?? 0) * 1000)} ms, ${m.width}x${m.height} at ${Math.round((m.bitrate ?? 0) / 1000)} kbps`,
    );
    expect(m.latency).to.be.within(0.005, 1);
    expect(Math.abs((m.latency ?? 0) - truth)).to.be.below(0.25);
    await waitFor('a viewer count', () => v.viewers, 5000);
    expect(v.viewers).to.be.at.least(1);
    expect(warnings.map((w) => w.code)).to.not.include('livekit-token-can-publish');
  });

  it('sends the layer that fits the element, and the one the viewer picks', async () => {
    const v = start({ sources: [await demoSource()] }, { width: 1280, height: 720 });
    await playing(v);
    const frameWidth = async (width: number, what: string) =>
      waitFor(what, async () => (await nextFrames(video, 1)).width === width, 20_000);

    await frameWidth(1280, '1280-px frames for a 1280-px element');
    video.style.width = '320px';
    video.style.height = '180px';
    await frameWidth(320, '320-px frames once the element is small');
    await waitFor('the playing quality to follow', () => v.playingQuality === '180p', 5000);
    expect(v.quality).to.equal('auto');

    v.setQuality('720p'); // a manual choice wins over the element's size
    await frameWidth(1280, '1280-px frames after choosing 720p');
    await waitFor('playing 720p', () => v.playingQuality === '720p', 5000);
    expect(v.quality).to.equal('720p');

    v.setQuality('auto');
    await frameWidth(320, '320-px frames back on auto');
    expect(v.state).to.equal('playing');
  });

  it('follows the host when they republish their camera', async () => {
    const v = start({ sources: [await demoSource()] });
    await playing(v);
    const before = (await control<{ videoTrackSid: string }>('publisher-status')).videoTrackSid;
    await control('republish');
    const after = (await control<{ videoTrackSid: string }>('publisher-status')).videoTrackSid;
    expect(after).to.not.equal(before);
    // Frames from the new track: the picture moves on, and the viewer never errs.
    await nextFrames(video, 10);
    await playing(v, 10_000);
    expect(states).to.not.include('error');
  });

  it('delivers a cue published on the data topic, and reports a bad one as a warning', async () => {
    const v = start({ sources: [await demoSource()] });
    await playing(v);
    const cues: ViewerEventMap['cue'][] = [];
    v.on('cue', (e) => cues.push(e));
    const id = `cue-${Math.random().toString(36).slice(2)}`;
    await control('data', { topic: LIVEKIT_CUE_TOPIC, payload: '{"v":1,"type":"widget.show"' });
    await control('data', {
      topic: LIVEKIT_CUE_TOPIC,
      payload: JSON.stringify({ v: 1, id, type: 'widget.show', target: 'group-qr', data: { sku: 'A1' } }),
    });
    await control('data', { topic: 'someone-else', payload: JSON.stringify({ v: 1, id: 'x', type: 'widget.show' }) });
    const { cue } = await waitFor('the cue', () => cues.find((e) => e.cue.id === id), 10_000);
    expect(cue).to.deep.equal({
      v: 1,
      id,
      type: 'widget.show',
      target: 'group-qr',
      data: { sku: 'A1' },
      source: 'livekit',
    });
    expect(cues.map((e) => e.cue.id)).to.deep.equal([id]);
    expect(warnings.filter((w) => w.code === 'bad-cue')).to.have.length(1);
  });

  it('shrugs off 1,000 garbage data packets on the cue topic', async () => {
    const v = start({ sources: [await demoSource()] });
    await playing(v);
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
    const onRejection = (e: PromiseRejectionEvent) => errors.push(e.reason);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    const cues: string[] = [];
    v.on('cue', ({ cue }) => cues.push(cue.id));
    const random = (n: number) =>
      Array.from({ length: n }, () => String.fromCharCode(Math.floor(Math.random() * 0xd7ff))).join('');
    const garbage = (i: number): string =>
      [
        () => random(1 + (i % 200)),
        () => '{"v":1,"id":',
        () => JSON.stringify({ v: 1, id: `g${i}`, type: 'NOT VALID' }),
        () => JSON.stringify({ v: 99, id: `g${i}`, type: 'widget.show' }),
        () => JSON.stringify([i]),
        () => 'x'.repeat(5000 + i),
        () => JSON.stringify({ v: 1, id: `g${i}`, type: 'widget.show', data: 'not an object' }),
        () => '',
      ][i % 8]!();
    try {
      for (let batch = 0; batch < 1000; batch += 50) {
        await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            control('data', { topic: LIVEKIT_CUE_TOPIC, payload: garbage(batch + i) }),
          ),
        );
      }
      // A good cue after the flood still arrives, in order after the garbage.
      await control('data', {
        topic: LIVEKIT_CUE_TOPIC,
        payload: JSON.stringify({ v: 1, id: 'after-flood', type: 'coupon.open' }),
      });
      await waitFor('the good cue after the flood', () => cues.includes('after-flood'), 15_000);
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    }
    expect(errors).to.deep.equal([]);
    expect(cues).to.deep.equal(['after-flood']);
    // Reported, but as a handful of warnings, not a thousand.
    const bad = warnings.filter((w) => w.code === 'bad-cue');
    expect(bad.length).to.be.within(1, 20);
    expect(v.state).to.equal('playing');
  });

  describe('falls back to HLS with the reason', () => {
    for (const [fail, message] of [
      ['401', /refused \(HTTP 401/],
      ['500', /failed \(HTTP 500/],
      ['garbage', /not JSON/],
      ['hang', /did not answer within 4000 ms/],
    ] as const) {
      it(`when the token endpoint answers ${fail}`, async () => {
        const hls = await channel(`token-${fail}`);
        const started = performance.now();
        const v = start({ sources: [await demoSource(fail), hls.url] });
        await waitFor('a fallback', () => fallbacks.length > 0, 15_000);
        const elapsed = performance.now() - started;
        expect(fallbacks[0]!.reason.code).to.equal('token');
        expect(fallbacks[0]!.reason.message).to.match(message);
        expect(fallbacks[0]!.from).to.match(/^livekit /);
        expect(elapsed).to.be.below(fail === 'hang' ? 6000 : 2000);
        await playing(v, 45_000);
        expect(v.metrics.transport).to.equal('hls');
      });
    }

    it('when the signal server is unreachable', async () => {
      const hls = await channel('signal-down');
      const v = start({ sources: [{ url: 'ws://127.0.0.1:9', token: 'a.b.c' }, hls.url] });
      await waitFor('a fallback', () => fallbacks.length > 0, 15_000);
      expect(fallbacks[0]!.reason.code).to.equal('network');
      expect(fallbacks[0]!.reason.message).to.match(/unreachable/);
      await playing(v, 45_000);
    });

    it('when the browser has no WebRTC', async () => {
      const hls = await channel('no-webrtc');
      const saved = window.RTCPeerConnection;
      // @ts-expect-error a browser without WebRTC
      window.RTCPeerConnection = undefined;
      try {
        start({ sources: [await demoSource(), hls.url] });
        await waitFor('a fallback', () => fallbacks.length > 0, 5000);
      } finally {
        window.RTCPeerConnection = saved;
      }
      expect(fallbacks[0]!.reason.code).to.equal('unsupported');
      await playing(viewer!, 45_000);
    });

    it('when ICE cannot connect (media ports blocked) within the first-frame timeout', async () => {
      const hls = await channel('ice-blocked');
      await netfault({ action: 'cut', ports: await serverPorts('media'), durationMs: 30_000 });
      const started = performance.now();
      const v = start({ sources: [await demoSource(), hls.url] });
      await waitFor('a fallback', () => fallbacks.length > 0, 15_000);
      const reason = fallbacks[0]!.reason;
      expect(reason.code).to.equal('timeout');
      expect(reason.message).to.match(/no picture within 5000 ms \(.*ICE/);
      expect(performance.now() - started).to.be.within(4500, 7000);
      await netfault({ action: 'restore' });
      await playing(v, 45_000);
      await hostPublishing();
    });
  });

  it('ends in a clear error when LiveKit is the only source, and plays after retry', async () => {
    await fetch(`${lk.controlUrl}/token-mode`, { method: 'POST', body: JSON.stringify({ fail: '401', times: 1 }) });
    const errors: ViewerEventMap['error'][] = [];
    const v = start({ sources: [await demoSource()] });
    v.on('error', (e) => errors.push(e));
    await waitFor('error', () => v.state === 'error', 10_000);
    expect(v.error?.code).to.equal('token');
    expect(errors).to.have.length(1);
    v.retry();
    await playing(v);
  });

  it('waits for a host who has not started, then times out to the next source', async () => {
    const hls = await channel('no-host');
    const v = start({ sources: [await demoSource(undefined, lk.emptyRoom), hls.url] });
    await waitFor('waiting', () => v.state === 'waiting', 10_000);
    await waitFor('a fallback', () => fallbacks.length > 0, 10_000);
    expect(fallbacks[0]!.reason.code).to.equal('timeout');
    expect(fallbacks[0]!.reason.message).to.match(/waiting for the host/);
    await playing(v, 45_000);
  });

  it('keeps playing with 10% packet loss, and says so in the metrics', async () => {
    const v = start({ sources: [await demoSource()] });
    await playing(v);
    await netfault({ action: 'degrade', ports: { udp: [lk.ports.rtcUdp] }, lossPercent: 10, durationMs: 30_000 });
    await waitFor('packet loss in the metrics', () => (v.metrics.packetLoss ?? 0) > 0.02, 15_000);
    await nextFrames(video, 30);
    await netfault({ action: 'restore' });
    await playing(v, 20_000);
  });

  it('hybrid mode: video from HLS, cues and the viewer count from the room over data only', async () => {
    const hls = await channel('hybrid');
    const v = start({ sources: [hls.url], room: { url: lk.wsUrl, tokenUrl: lk.tokenUrl, room: lk.room } });
    const cues: string[] = [];
    v.on('cue', ({ cue }) => cues.push(cue.id));
    await playing(v, 45_000);
    expect(v.metrics.transport).to.equal('hls');
    await waitFor('a viewer count', () => v.viewers, 15_000);
    await waitFor(
      'a cue over data',
      async () => {
        await control('data', {
          topic: LIVEKIT_CUE_TOPIC,
          payload: JSON.stringify({ v: 1, id: 'hybrid-1', type: 'widget.show' }),
        });
        await new Promise((r) => setTimeout(r, 300));
        return cues.includes('hybrid-1');
      },
      15_000,
    );
    expect(cues.filter((id) => id === 'hybrid-1')).to.have.length(1);
  });

  it('closes its PeerConnections and leaves the room when destroyed', async () => {
    // A second viewer in hybrid mode watches the room's head count.
    const hls = await channel('destroy-watch');
    const watchVideo = createVideo();
    const watcher = new Viewer(watchVideo, {
      sources: [hls.url],
      room: { url: lk.wsUrl, tokenUrl: lk.tokenUrl, room: lk.room },
    });
    watcher.load();
    const baseline = await waitFor('the watcher to count', () => watcher.viewers, 15_000);
    const created: RTCPeerConnection[] = [];
    const Original = window.RTCPeerConnection;
    window.RTCPeerConnection = class extends Original {
      constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
        super(...args);
        created.push(this);
      }
    } as typeof RTCPeerConnection;
    try {
      const v = start({ sources: [await demoSource()] });
      await playing(v);
      await waitFor('the watcher to count us', () => (watcher.viewers ?? 0) > baseline, 15_000);
      const ours = created.filter((pc) => pc.connectionState === 'connected');
      expect(ours.length).to.be.at.least(1);
      v.destroy();
      viewer = undefined;
      expect(video.srcObject).to.equal(null);
      await waitFor(
        'every PeerConnection closed',
        () => created.every((pc) => pc.connectionState === 'closed' || pc.signalingState === 'closed'),
        5000,
      );
      await waitFor('the room to see us leave', () => watcher.viewers === baseline, 15_000);
    } finally {
      window.RTCPeerConnection = Original;
      watcher.destroy();
      watchVideo.remove();
    }
  });

  describe('outages', () => {
    afterEach(async () => {
      await netfault({ action: 'restore' });
      await control('server-start');
      await hostPublishing();
    });

    for (const seconds of [3, 20]) {
      it(`recovers from a ${seconds} s packet-level outage to playing`, async function () {
        this.timeout(seconds * 1000 + 90_000);
        await hostPublishing();
        const v = start({ sources: [await demoSource()] });
        await playing(v);
        states.length = 0;
        await netfault({ action: 'cut', ports: await serverPorts('all'), durationMs: seconds * 1000 + 30_000 });
        await waitFor('the freeze to show', () => v.state === 'stalled' || v.state === 'reconnecting', 5000);
        await new Promise((r) => setTimeout(r, seconds * 1000));
        await netfault({ action: 'restore' });
        const cutEnded = performance.now();
        await playing(v, 60_000);
        console.log(
          `livekit: ${seconds} s outage → ${states.join(' → ')}; playing ${Math.round(performance.now() - cutEnded)} ms after the network came back`,
        );
        expect(states[0]).to.equal('stalled'); // frozen frames count, before LiveKit notices anything
        expect(v.source?.kind).to.equal('livekit');
        expect(v.metrics.rebufferCount).to.be.at.least(1);
      });
    }

    it('shows reconnecting when livekit-server dies, and plays again when it is back', async () => {
      const v = start({ sources: [await demoSource()] });
      await playing(v);
      states.length = 0;
      await control('server-stop', { kill: true });
      await waitFor('reconnecting', () => v.state === 'reconnecting', 10_000);
      await new Promise((r) => setTimeout(r, 2000));
      await control('server-start');
      await playing(v, 60_000);
      expect(states).to.include('reconnecting');
      expect(states.at(-1)).to.equal('playing');
      expect(v.source?.kind).to.equal('livekit');
    });

    it('falls back to HLS when livekit-server stays down', async () => {
      const hls = await channel('server-down');
      const v = start({ sources: [await demoSource(), hls.url] });
      await playing(v);
      await control('server-stop', { kill: true });
      await waitFor('reconnecting', () => v.state === 'reconnecting' || v.state === 'stalled', 10_000);
      await waitFor('a fallback', () => fallbacks.length > 0, 20_000);
      expect(fallbacks[0]!.reason.code).to.equal('network');
      expect(fallbacks[0]!.reason.message).to.match(/no new picture for 10 s/);
      await playing(v, 45_000);
      expect(v.metrics.transport).to.equal('hls');
    });
  });
});
