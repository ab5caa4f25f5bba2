// @ts-check
// Browser-side instruments, passed to Playwright as functions (they run in the page, so they close over nothing).
//   installProbe: an init script that finds every <video>, however deep in shadow roots, the moment it is
//                 created, and records the first requestVideoFrameCallback of any of them.
//   readProbe:    the first frame, the resources fetched by then, and the milestones of the start-up.
//   sampleMedia:  the playing video's buffered range and frames (searched through shadow roots), for the soak.

/**
 * @typedef {{ name: string, type: string, start: number, end: number, encoded: number, transfer: number, decoded: number }} Resource
 * @typedef {{
 *   firstFrame: number | null,
 *   frameWidth: number, frameHeight: number,
 *   videos: number,
 *   resources: Resource[],
 *   milestones: [string, number][],
 * }} ProbeResult
 */

/** Runs before any page script, in every frame. */
export function installProbe() {
  const probe = {
    /** @type {number | null} ms since performance.timeOrigin of the first rVFC callback */
    firstFrame: null,
    frameWidth: 0,
    frameHeight: 0,
    videos: 0,
    /** @type {Promise<number>} resolves with `firstFrame` */
    ready: /** @type {Promise<number>} */ (new Promise(() => {})),
    /** @type {(t: number) => void} */
    resolve: () => {},
    /** @type {[string, number][]} media milestones (MediaSource created and open, first append), for --verbose */
    milestones: [],
  };
  probe.ready = new Promise((resolve) => {
    probe.resolve = resolve;
  });
  Object.defineProperty(window, '__benchProbe', { value: probe });
  // Live players fetch a segment per second; keep every entry so nothing before the first frame is dropped.
  performance.setResourceTimingBufferSize(10_000);

  const seen = new WeakSet();
  /** @param {HTMLVideoElement} video */
  const watch = (video) => {
    if (seen.has(video)) return;
    seen.add(video);
    probe.videos++;
    video.requestVideoFrameCallback((now, meta) => {
      if (probe.firstFrame !== null) return;
      probe.firstFrame = now;
      probe.frameWidth = meta.width;
      probe.frameHeight = meta.height;
      probe.resolve(now);
    });
  };
  /** @param {Node} node */
  const visit = (node) => {
    if (node instanceof HTMLVideoElement) watch(node);
    if (node instanceof Element || node instanceof DocumentFragment) {
      for (const video of node.querySelectorAll('video')) watch(video);
    }
  };
  /** @param {Node} root */
  const observe = (root) =>
    new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) visit(node);
    }).observe(root, { childList: true, subtree: true });

  // Every shadow root, open or closed, is observed from the moment it exists: media-chrome and mux-video
  // nest them (mux-player → media-controller → mux-video → video), Lit renders into one.
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    observe(root);
    return root;
  };
  observe(document);

  // MSE milestones: hls.js creates the MediaSource on attachMedia and fetches no segment until it is open.
  const mark = (/** @type {string} */ name) => probe.milestones.push([name, performance.now()]);
  const NativeMediaSource = window.MediaSource;
  if (NativeMediaSource) {
    window.MediaSource = class extends NativeMediaSource {
      constructor() {
        super();
        mark('MediaSource created');
        this.addEventListener('sourceopen', () => mark('sourceopen'), { once: true });
      }
    };
  }
  const appendBuffer = globalThis.SourceBuffer?.prototype.appendBuffer;
  if (appendBuffer) {
    let appended = false;
    SourceBuffer.prototype.appendBuffer = function (data) {
      if (!appended) mark('first appendBuffer');
      appended = true;
      return appendBuffer.call(this, data);
    };
  }
}

/**
 * The first frame and everything fetched up to it (times in ms since navigation start).
 * @returns {ProbeResult}
 */
export function readProbe() {
  const probe = /** @type {any} */ (window).__benchProbe;
  const firstFrame = probe.firstFrame;
  const resources = /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource'))
    .filter((e) => firstFrame === null || e.startTime <= firstFrame)
    .map((e) => ({
      name: e.name,
      type: e.initiatorType,
      start: e.startTime,
      end: e.responseEnd,
      encoded: e.encodedBodySize,
      transfer: e.transferSize,
      decoded: e.decodedBodySize,
    }));
  return {
    firstFrame,
    frameWidth: probe.frameWidth,
    frameHeight: probe.frameHeight,
    videos: probe.videos,
    resources,
    milestones: probe.milestones.filter(
      (/** @type {[string, number]} */ [, at]) => firstFrame === null || at <= firstFrame,
    ),
  };
}

/**
 * State of the (first playing) video: buffered seconds behind and ahead of the playhead, and frames.
 * Self-contained for page.evaluate.
 */
export function sampleMedia() {
  /** @type {HTMLVideoElement[]} */
  const videos = [];
  /** @param {Document | ShadowRoot} node */
  const walk = (node) => {
    for (const el of node.querySelectorAll('*')) {
      if (el instanceof HTMLVideoElement) videos.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  const video = videos.find((v) => v.currentTime > 0) ?? videos[0];
  if (!video) return null;
  let buffered = 0;
  let behind = 0;
  let ahead = 0;
  for (let i = 0; i < video.buffered.length; i++) {
    const start = video.buffered.start(i);
    const end = video.buffered.end(i);
    buffered += end - start;
    behind += Math.max(0, Math.min(end, video.currentTime) - start);
    ahead += Math.max(0, end - Math.max(start, video.currentTime));
  }
  const quality = video.getVideoPlaybackQuality();
  return {
    currentTime: video.currentTime,
    paused: video.paused,
    ranges: video.buffered.length,
    buffered,
    behind,
    ahead,
    frames: quality.totalVideoFrames,
    dropped: quality.droppedVideoFrames,
    width: video.videoWidth,
    height: video.videoHeight,
  };
}
