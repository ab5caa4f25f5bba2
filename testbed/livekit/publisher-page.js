// @ts-check
// Runs inside the publisher's headless Chromium: draws a moving picture with a pixel clock on a
// canvas, makes a tone with WebAudio, and publishes both into a LiveKit room with 3 simulcast layers.
// Driven from Node (publisher.mjs) through `window.livehookPublisher`.
import { Room, RoomEvent, Track, VideoPresets } from 'livekit-client';
import { CLOCK_BAND, drawClock } from './clock-code.mjs';

/**
 * @typedef {object} StartOptions
 * @property {string} wsUrl
 * @property {string} token
 * @property {number} width
 * @property {number} height
 * @property {number} fps
 * @property {boolean} dynacast
 */

const canvas = /** @type {HTMLCanvasElement} */ (document.getElementById('picture'));
const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d', { alpha: false }));

/** @type {StartOptions} */
let options;
/** @type {Room | null} */
let room = null;
let stopping = false;
let looping = false;
let frames = 0;
let reconnects = 0;
/** @type {ReturnType<typeof setInterval> | undefined} */
let drawTimer;
/** @type {AudioContext} */
let audio;
/** @type {GainNode} */
let gain;

function draw() {
  const { width: w, height: h } = canvas;
  const now = Date.now();
  frames++;
  ctx.fillStyle = `hsl(${(now / 40) % 360} 45% 22%)`;
  ctx.fillRect(0, 0, w, h);
  const top = Math.ceil(h * CLOCK_BAND);
  // a bar sweeping left to right once a second, and a box bouncing up and down every 2 s
  ctx.fillStyle = '#e0e0e0';
  ctx.fillRect(((now % 1000) / 1000) * (w - w / 40), top, w / 40, h - top);
  const phase = (now % 2000) / 1000;
  const boxY = top + (phase < 1 ? phase : 2 - phase) * (h - top - h / 5);
  ctx.fillStyle = '#ff6a00';
  ctx.fillRect(w / 2 - h / 10, boxY, h / 5, h / 5);
  ctx.fillStyle = '#ffffff';
  ctx.font = `${Math.round(h / 12)}px sans-serif`;
  ctx.fillText(`LiveHook test bed · ${new Date(now).toISOString().slice(11, 23)}`, w / 30, h - h / 8);
  ctx.font = `${Math.round(h / 20)}px monospace`;
  ctx.fillText(`frame ${frames}  ${w}×${h}`, w / 30, h - h / 25);
  drawClock(ctx, now, w, h);
}

/** Fresh tracks each time: livekit-client stops tracks when it unpublishes them. */
function videoTrack() {
  return canvas.captureStream(options.fps).getVideoTracks()[0];
}
function audioTrack() {
  const destination = audio.createMediaStreamDestination();
  gain.connect(destination);
  return destination.stream.getAudioTracks()[0];
}

async function publishVideo() {
  if (!room) throw new Error('not connected');
  return room.localParticipant.publishTrack(videoTrack(), {
    name: 'canvas',
    source: Track.Source.Camera,
    simulcast: true,
    videoCodec: 'vp8',
    videoEncoding: { ...VideoPresets.h720.encoding, maxFramerate: options.fps },
    videoSimulcastLayers: [VideoPresets.h180, VideoPresets.h360],
    // keep all three layers at their size when the CPU is busy; drop frames instead
    degradationPreference: 'maintain-resolution',
  });
}

/** The current video publication; livekit-client replaces it when it republishes after a full reconnect. */
function videoPublication() {
  return room?.localParticipant.getTrackPublication(Track.Source.Camera);
}

async function connectAndPublish() {
  const next = new Room({ dynacast: options.dynacast, adaptiveStream: false, disconnectOnPageLeave: true });
  next.on(RoomEvent.Disconnected, () => {
    if (stopping || room !== next) return;
    room = null;
    reconnectLoop();
  });
  room = next;
  await next.connect(options.wsUrl, options.token);
  await publishVideo();
  await next.localParticipant.publishTrack(audioTrack(), { name: 'tone', source: Track.Source.Microphone });
}

/** After livekit-client gives up reconnecting (e.g. the server was down for long), keep trying. */
async function reconnectLoop() {
  if (looping) return;
  looping = true;
  while (!stopping && !room) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (stopping) return;
    try {
      reconnects++;
      await connectAndPublish();
    } catch (error) {
      console.warn('publisher: reconnect failed', String(error));
      const failed = /** @type {Room | null} */ (room); // set by connectAndPublish before it threw
      room = null;
      await failed?.disconnect();
    }
  }
  looping = false;
}

/** @param {StartOptions} startOptions */
async function start(startOptions) {
  options = startOptions;
  canvas.width = options.width;
  canvas.height = options.height;
  draw();
  drawTimer = setInterval(draw, 1000 / options.fps);
  audio = new AudioContext();
  await audio.resume();
  const oscillator = audio.createOscillator();
  oscillator.frequency.value = 440;
  gain = audio.createGain();
  gain.gain.value = 0.1;
  oscillator.connect(gain);
  oscillator.start();
  await connectAndPublish();
  return status();
}

/**
 * @param {string} payload
 * @param {string} topic
 */
async function sendData(payload, topic) {
  if (!room) throw new Error('publisher is not connected');
  await room.localParticipant.publishData(new TextEncoder().encode(payload), { reliable: true, topic });
}

async function republish() {
  if (!room) throw new Error('publisher is not connected');
  const old = videoPublication()?.track;
  if (old) await room.localParticipant.unpublishTrack(old, true);
  await publishVideo();
  return status();
}

function status() {
  return {
    state: room?.state ?? 'disconnected',
    identity: room?.localParticipant.identity ?? null,
    videoTrackSid: videoPublication()?.trackSid ?? null,
    frames,
    reconnects,
  };
}

async function stop() {
  stopping = true;
  clearInterval(drawTimer);
  await room?.disconnect();
  await audio?.close();
}

Object.assign(window, { livehookPublisher: { start, sendData, republish, status, stop } });
