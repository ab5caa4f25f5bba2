// The live HLS origin of the test bed, end to end in Chromium: hls.js plays the real ffmpeg ladder,
// switches renditions, and every fault injected through the control endpoint is visible from here.
// Each test uses its own channel, so faults never leak between tests.
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import Hls, { type ErrorData, type HlsConfig, type LevelLoadedData, type LevelSwitchedData } from 'hls.js';

interface HlsInfo {
  origin: string;
  masterPath: string;
  controlPath: string;
  renditions: { name: string; width: number; height: number; bandwidth: number }[];
  segmentSeconds: number;
}

interface ChannelStats {
  faults: Record<string, unknown>;
  requests: { master: number; media: number; segment: number };
  injected: Record<string, number>;
}

interface Player {
  hls: Hls;
  video: HTMLVideoElement;
  errors: ErrorData[];
  levelsLoaded: LevelLoadedData[];
  switched: LevelSwitchedData[];
}

let info: HlsInfo;
const players: Player[] = [];
const run = Math.random().toString(36).slice(2, 7);

const channel = (name: string) => `${name}-${run}`;
const masterUrl = (ch: string) => info.origin + info.masterPath.replace('{channel}', ch);
const mediaUrl = (ch: string, rendition: string) => `${info.origin}/live/${ch}/${rendition}/index.m3u8`;
const controlUrl = (ch: string) => info.origin + info.controlPath.replace('{channel}', ch);
const lowest = () => info.renditions.reduce((a, b) => (b.height < a.height ? b : a));

async function fault(ch: string, spec: Record<string, unknown>): Promise<ChannelStats> {
  const response = await fetch(controlUrl(ch), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(spec),
  });
  expect(response.status, await response.clone().text()).to.equal(200);
  return response.json();
}
const clear = async (ch: string) => (await fetch(controlUrl(ch), { method: 'DELETE' })).json();
const stats = async (ch: string): Promise<ChannelStats> => (await fetch(controlUrl(ch))).json();
const text = async (url: string) => (await fetch(url)).text();
const mediaSequence = (playlist: string) => Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(playlist)?.[1] ?? Number.NaN);
const newestSegmentUrl = (ch: string, rendition: string, playlist: string) =>
  `${info.origin}/live/${ch}/${rendition}/${playlist
    .trim()
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .at(-1)}`;

/** Polls `check` until it returns something truthy; fails with `what` after the deadline. */
async function waitFor<T>(what: string, check: () => T | Promise<T>, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function play(ch: string, config: Partial<HlsConfig> = {}): Player {
  const video = document.createElement('video');
  video.muted = true;
  video.autoplay = true;
  video.playsInline = true;
  document.body.append(video);
  const hls = new Hls({ ...config });
  const player: Player = { hls, video, errors: [], levelsLoaded: [], switched: [] };
  hls.on(Hls.Events.ERROR, (_e, data) => player.errors.push(data));
  hls.on(Hls.Events.LEVEL_LOADED, (_e, data) => player.levelsLoaded.push(data));
  hls.on(Hls.Events.LEVEL_SWITCHED, (_e, data) => player.switched.push(data));
  hls.attachMedia(video);
  hls.loadSource(masterUrl(ch));
  players.push(player);
  return player;
}

/** Resolves when the video has really presented a decoded frame and its clock moves. */
async function playing(player: Player, seconds = 1) {
  const { video } = player;
  let frames = 0;
  const count = () => {
    frames++;
    video.requestVideoFrameCallback(count);
  };
  video.requestVideoFrameCallback(count);
  await waitFor('a presented video frame', () => frames > 0, 30_000);
  const t0 = video.currentTime;
  await waitFor(`currentTime to advance ${seconds} s`, () => video.currentTime >= t0 + seconds, 30_000);
  expect(video.videoWidth).to.be.greaterThan(0);
}

const errorWith = (player: Player, details: string, code?: number) =>
  waitFor(`hls.js ${details}${code ? ` (${code})` : ''}; got ${player.errors.map((e) => e.details).join(', ')}`, () =>
    player.errors.find((e) => e.details === details && (code === undefined || e.response?.code === code)),
  );

before(async () => {
  info = (await executeServerCommand('testbed:hls')) as HlsInfo;
});

afterEach(() => {
  for (const { hls, video } of players.splice(0)) {
    hls.destroy();
    video.remove();
  }
});

describe('live HLS origin (ffmpeg ladder + fault injection)', () => {
  it('plays the live ladder in hls.js: ≥ 3 levels, decoded frames, program date time, request counters', async () => {
    const ch = channel('play');
    const master = await text(masterUrl(ch));
    expect(master.match(/#EXT-X-STREAM-INF:/g)?.length ?? 0).to.be.at.least(3);
    const media = await text(mediaUrl(ch, lowest().name));
    expect(media).to.match(/#EXT-X-PROGRAM-DATE-TIME:/);

    const player = play(ch);
    await playing(player, 1.5);
    expect(player.hls.levels.length).to.be.at.least(3);
    expect(player.levelsLoaded[0]?.details.live).to.equal(true);
    const playingDate = player.hls.playingDate;
    expect(playingDate, 'hls.playingDate (from EXT-X-PROGRAM-DATE-TIME)').to.be.instanceOf(Date);
    // The program date time is the encoder's wall clock: the player is a few seconds behind now.
    expect(Math.abs(Date.now() - (playingDate as Date).getTime())).to.be.below(30_000);

    const s = await stats(ch);
    expect(s.requests.master).to.be.at.least(1);
    expect(s.requests.media).to.be.at.least(1);
    expect(s.requests.segment).to.be.at.least(2);
  });

  it('switches renditions on command (LEVEL_SWITCHED and the new picture size)', async () => {
    const player = play(channel('switch'));
    await playing(player, 0.5);
    const { hls, video } = player;
    // Go to the level farthest from the current picture, then to the level farthest from that.
    for (let i = 0; i < 2; i++) {
      const current = video.videoHeight;
      const target = hls.levels
        .map((level, index) => ({ index, height: level.height }))
        .reduce((a, b) => (Math.abs(b.height - current) > Math.abs(a.height - current) ? b : a));
      const mark = player.switched.length;
      hls.currentLevel = target.index;
      await waitFor(`LEVEL_SWITCHED to ${target.height}p`, () =>
        player.switched.slice(mark).some((s) => s.level === target.index),
      );
      await waitFor(
        `videoHeight ${target.height} (is ${video.videoHeight})`,
        () => video.videoHeight === target.height,
      );
    }
  });

  it('segment-status: hls.js sees 404 and 500 fragment errors, and recovers after a counted 500', async () => {
    const ch404 = channel('status-404');
    await fault(ch404, { fault: 'segment-status', status: 404 });
    const p404 = play(ch404);
    await errorWith(p404, Hls.ErrorDetails.FRAG_LOAD_ERROR, 404);

    const ch500 = channel('status-500');
    await fault(ch500, { fault: 'segment-status', status: 500, count: 2 });
    const p500 = play(ch500);
    await errorWith(p500, Hls.ErrorDetails.FRAG_LOAD_ERROR, 500);
    await playing(p500, 1); // hls.js retried past the two 500s
    expect((await stats(ch500)).injected['segment-status']).to.equal(2);
  });

  it('segment-delay: a segment response takes at least the delay', async () => {
    const ch = channel('delay');
    const delayMs = 1500;
    await fault(ch, { fault: 'segment-delay', ms: delayMs });
    const rendition = lowest().name;
    const url = newestSegmentUrl(ch, rendition, await text(mediaUrl(ch, rendition)));
    const started = performance.now();
    const response = await fetch(url);
    const elapsed = performance.now() - started;
    expect(response.status).to.equal(200);
    expect((await response.arrayBuffer()).byteLength).to.be.greaterThan(0);
    // (setTimeout on the server may round the last millisecond)
    expect(elapsed).to.be.at.least(delayMs - 2);
    await clear(ch);
    const fast = performance.now();
    await (await fetch(url)).arrayBuffer();
    expect(performance.now() - fast).to.be.below(delayMs);
  });

  it('playlist-stall: the media sequence stops advancing while other channels go on', async () => {
    const ch = channel('stall');
    const live = channel('stall-control');
    const rendition = lowest().name;
    await fault(ch, { fault: 'playlist-stall' });
    const frozen = mediaSequence(await text(mediaUrl(ch, rendition)));
    const liveStart = mediaSequence(await text(mediaUrl(live, rendition)));
    const until = performance.now() + 3000;
    while (performance.now() < until) {
      expect(mediaSequence(await text(mediaUrl(ch, rendition)))).to.equal(frozen);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(mediaSequence(await text(mediaUrl(live, rendition)))).to.be.at.least(liveStart + 1);
    await clear(ch);
    expect(mediaSequence(await text(mediaUrl(ch, rendition)))).to.be.at.least(frozen + 1);
  });

  it('cut: every request of the channel fails with a network error until cleared', async () => {
    const ch = channel('cut');
    const rendition = lowest().name;
    const segment = newestSegmentUrl(ch, rendition, await text(mediaUrl(ch, rendition)));
    await fault(ch, { fault: 'cut' });
    for (const url of [masterUrl(ch), mediaUrl(ch, rendition), segment]) {
      const outcome = await fetch(url).then(
        (r) => `status ${r.status}`,
        (error: unknown) => error,
      );
      expect(outcome, url).to.be.instanceOf(TypeError);
    }
    expect((await stats(ch)).injected.cut).to.be.at.least(3);
    await clear(ch);
    expect((await fetch(masterUrl(ch))).status).to.equal(200);
  });

  it('garbled: hls.js reports a manifest parsing error and a level parsing error', async () => {
    const master = channel('garbled-master');
    await fault(master, { fault: 'garbled' });
    const body = await text(masterUrl(master));
    expect(body.startsWith('#EXTM3U')).to.equal(false);
    await errorWith(play(master), Hls.ErrorDetails.MANIFEST_PARSING_ERROR);

    const media = channel('garbled-media');
    await fault(media, { fault: 'garbled', mode: 'tags', target: 'media' });
    await errorWith(play(media), Hls.ErrorDetails.LEVEL_PARSING_ERROR);
  });

  it('end: the playlist gets #EXT-X-ENDLIST, hls.js turns it into VOD and the video ends', async () => {
    const ch = channel('end');
    const player = play(ch);
    await playing(player, 0.5);
    const mark = player.levelsLoaded.length;
    let ended = false;
    player.video.addEventListener('ended', () => (ended = true), { once: true });
    await fault(ch, { fault: 'end' });
    expect(await text(mediaUrl(ch, lowest().name))).to.match(/#EXT-X-ENDLIST\s*$/);
    await waitFor('a LEVEL_LOADED with live=false', () => player.levelsLoaded.slice(mark).some((d) => !d.details.live));
    await waitFor("the video's 'ended' event", () => ended, 30_000);
    expect(player.video.ended).to.equal(true);
  });

  it('not-started: the master playlist is 404 until cleared', async () => {
    const ch = channel('not-started');
    await fault(ch, { fault: 'not-started' });
    const response = await fetch(masterUrl(ch));
    expect(response.status).to.equal(404);
    expect(await response.text()).to.contain('not started');
    await errorWith(play(ch), Hls.ErrorDetails.MANIFEST_LOAD_ERROR, 404);
    await clear(ch);
    expect((await fetch(masterUrl(ch))).status).to.equal(200);
  });

  it('daterange: an injected EXT-X-DATERANGE reaches hls.js details.dateRanges', async () => {
    const ch = channel('daterange');
    const player = play(ch);
    await waitFor('a first level playlist', () => player.levelsLoaded.length > 0);
    const id = `cue-${run}`;
    await fault(ch, { fault: 'daterange', id, attributes: { 'X-COM-LIVEHOOK-CUE': 'product:42' } });
    expect(await text(mediaUrl(ch, lowest().name))).to.contain(`#EXT-X-DATERANGE:ID="${id}"`);
    const range = await waitFor('the date range in hls.js', () =>
      player.levelsLoaded.map((d) => d.details.dateRanges[id]).find(Boolean),
    );
    expect(range.attr['X-COM-LIVEHOOK-CUE']).to.equal('product:42');
    expect(range.startDate.getTime()).to.be.closeTo(Date.now(), 30_000);
  });
});
