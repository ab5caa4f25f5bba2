// <live-player>: renders a core Viewer's state in shadow DOM. It renders state; it does not decide it.
import {
  emptyMetrics,
  type HlsTransportOptions,
  type Metrics,
  preloadHls,
  type Quality,
  type QualityChoice,
  type Viewer,
  type ViewerError,
  type ViewerState,
} from '@livehook/core';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { loadControls, loadedControls } from '../controls/controls-loader.js';
import { DebugPanel } from '../debug/debug-panel.js';
import { formatStartTime, languageOf, loadLocale, matchLocale, type Translate, translator } from '../i18n/locale.js';
import type { PlayerStrings } from '../i18n/strings.js';
import { overlays } from '../overlays/overlays.js';
import { overlaysStyles } from '../overlays/overlays.styles.js';
import { tapToUnmute } from '../overlays/prompts.js';
import { handleHotkey } from './hotkeys.js';
import { livePlayerStyles } from './live-player.styles.js';
import { MediaStateController } from './media-state.js';
import type { PlayerActions, PlayerView } from './view.js';
import { ViewerController } from './viewer-controller.js';

/** Controls hide after this long without pointer movement while playing, ms. */
const HIDE_CONTROLS_AFTER = 3000;
/** What a screen reader hears when the state changes to each of these. */
const ANNOUNCED: Partial<Record<ViewerState, keyof PlayerStrings>> = {
  connecting: 'loading',
  playing: 'playing',
  paused: 'paused',
  stalled: 'buffering',
  reconnecting: 'reconnecting',
  waiting: 'waitingTitle',
  ended: 'ended',
};
/** Holds the control bar's place until its code arrives, so widgets above it do not move when it does. */
const barSpace = html`<div class="bar-space"></div>`;
/** States in which the control bar makes sense. */
const BAR_STATES = new Set<ViewerState>(['connecting', 'playing', 'paused', 'stalled', 'reconnecting']);

/**
 * An embeddable live-stream player: HLS / LL-HLS through any CDN or sub-second WebRTC through LiveKit
 * (with HLS as its fallback), with controls, overlays for every
 * state, autoplay that falls back to muted, and slots for lead-capture widgets over the video.
 *
 * @summary Plays a live stream and renders its state; widgets can sit over the video.
 * @tagname live-player
 *
 * @attr {string} lang - Language of the player's words (`en`, `zh-CN`, or any added with `registerLocale`). Defaults to the nearest ancestor's `lang`, then the browser's.
 * @attr {string} state - Reflected, read-only: the viewer state, for CSS (`live-player[state="playing"]`).
 * @attr {boolean} paused - Reflected, read-only: present while the video is paused.
 * @attr {boolean} portrait - Reflected, read-only: present when a portrait stream has reshaped the box.
 *
 * @slot - Widgets over the video, between the top row and the bottom sheet; they never cover the controls.
 * @slot top-start - Top-left corner (top-right in right-to-left pages), e.g. a host badge.
 * @slot top-end - Top-right corner, e.g. a viewer count or a close button.
 * @slot bottom-sheet - Just above the control bar, full width, e.g. a product card or a coupon.
 *
 * @csspart video - The `<video>` element.
 * @csspart controls - The control bar.
 * @csspart button - Every button (combine with the specific part, e.g. `::part(button play-button)`).
 * @csspart play-button - Play/pause.
 * @csspart mute-button - Mute/unmute.
 * @csspart volume - The mute button and volume slider group.
 * @csspart volume-slider - The volume slider.
 * @csspart live-badge - The LIVE pill, which turns into "back to live" when behind.
 * @csspart quality-button - Opens the quality menu.
 * @csspart quality-menu - The quality menu.
 * @csspart quality-option - One entry of the quality menu.
 * @csspart captions-button - Captions on/off (only when the stream has text tracks).
 * @csspart pip-button - Picture-in-picture (where supported).
 * @csspart fullscreen-button - Full screen.
 * @csspart overlay - Every overlay (combine: `loading`, `prelive`, `ended`, `error`).
 * @csspart loading - The loading overlay (spinner).
 * @csspart spinner - The spinner.
 * @csspart reconnecting - The "Reconnecting…" note.
 * @csspart prelive - The pre-live overlay (stream not started yet).
 * @csspart start-time - The start time on the pre-live overlay.
 * @csspart poster - The poster image on the pre-live and ended overlays.
 * @csspart ended - The ended overlay.
 * @csspart error - The error overlay.
 * @csspart retry-button - The Retry button on the error overlay.
 * @csspart tap-to-play - The big play button shown when paused or when autoplay was refused.
 * @csspart unmute-button - "Tap to unmute", shown when autoplay could only start muted.
 * @csspart stats - The `debug` stats panel (transport, quality, latency, loss).
 *
 * @cssprop [--live-player-aspect-ratio=16 / 9] - Aspect ratio of the box. When unset, a portrait stream switches the box to its own ratio.
 * @cssprop [--live-player-max-height=100svh] - Tallest a portrait stream may make the box.
 * @cssprop [--live-player-background=#000] - Behind the video.
 * @cssprop [--live-player-object-fit=contain] - How the video fills the box (`cover` crops).
 * @cssprop [--live-player-accent=#ff2d55] - Accent: volume slider, captions indicator.
 * @cssprop [--live-player-live-color=#dc0f2d] - The LIVE pill.
 * @cssprop [--live-player-control-color=#fff] - Icons and text.
 * @cssprop [--live-player-font=system-ui, sans-serif] - Font of every label.
 * @cssprop [--live-player-radius=10px] - Corner radius of menus.
 * @cssprop [--live-player-overlay-background=rgb(0 0 0 / 0.6)] - Behind the pre-live and ended overlays.
 * @cssprop [--live-player-focus-color=#fff] - Keyboard focus ring.
 *
 * @fires {CustomEvent<{ state: ViewerState; previous: ViewerState }>} live-statechange - The state changed.
 * @fires {CustomEvent<{ qualities: Quality[]; choice: QualityChoice; playing?: string }>} live-qualitychange - The quality list, the choice or the level on screen changed.
 * @fires {CustomEvent<{ cue: Cue }>} live-cue - A validated cue from the stream reached its time.
 * @fires {CustomEvent<{ error: ViewerError }>} live-error - No source can play; the error overlay is shown.
 * @fires {CustomEvent<{ code: string; message: string }>} live-warning - Something playback survived (a bad cue, sound blocked).
 * @fires {CustomEvent<{ from: string; to: string; reason: ViewerError }>} live-fallback - A source failed; the next one is tried.
 * @fires {CustomEvent<{ result: 'sound' | 'muted' | 'blocked' }>} live-autoplay - How autoplay went.
 */
export class LivePlayer extends LitElement {
  // The control bar's styles arrive with its code (controls-loader.ts).
  static override styles = [livePlayerStyles, overlaysStyles];

  // Declared as static properties, not decorators: no decorator runtime in the one-file embed.
  static override properties = {
    src: {},
    poster: {},
    autoplay: { type: Boolean },
    muted: { type: Boolean },
    latency: {},
    startsAt: { attribute: 'starts-at' },
    controls: { type: Boolean },
    livekitUrl: { attribute: 'livekit-url' },
    tokenUrl: { attribute: 'token-url' },
    token: {},
    room: {},
    host: {},
    livekitMode: { attribute: 'livekit-mode' },
    debug: { type: Boolean },
    hlsConfig: { attribute: false },
    menuOpen: { state: true, attribute: false },
    idle: { state: true, attribute: false },
  };

  static override get observedAttributes(): string[] {
    // biome-ignore lint/complexity/noThisInStatic: `super` runs Lit's getter for this class (its declared properties)
    return [...super.observedAttributes, 'lang'];
  }

  /** URL of the live HLS / LL-HLS playlist (`.m3u8`, http or https). Changing it starts the new stream. */
  src = '';

  /** Image shown before the first frame and behind the pre-live and ended overlays. */
  poster = '';

  /** Start playing when ready: with sound where the browser allows it, else muted with a "tap to unmute" button. */
  autoplay = false;

  /** Start without sound. */
  muted = false;

  /** `standard` favours smoothness (3 segments behind live); `low` uses LL-HLS where the stream has it. Changing it restarts the stream. */
  latency: 'low' | 'standard' = 'standard';

  /** When the stream is scheduled to start (ISO 8601), shown on the pre-live overlay in the viewer's time zone. */
  startsAt = '';

  /**
   * Show LiveHook's controls. The control bar is a small chunk of its own, fetched just after the first frame (at
   * once when paused); its place is held meanwhile. Overlays (tap to play, tap to unmute, error) show regardless.
   */
  controls = false;

  /** LiveKit server (`wss://…`) for sub-second playback. With `src` too, LiveKit plays first and HLS is the fallback. */
  livekitUrl = '';

  /** The shop's endpoint that mints subscribe-only viewer tokens (POST `{ room, kind }` → `{ token, url? }`). */
  tokenUrl = '';

  /** A subscribe-only LiveKit token, when the page already has one. Prefer `token-url`. Never reflected. */
  token = '';

  /** The LiveKit room to join (with `token-url`). */
  room = '';

  /** Identity of the host to watch; default: the first participant publishing camera or screen video. */
  host = '';

  /** `data`: hybrid mode, video from `src` (HLS through a CDN), cues and the viewer count from the LiveKit room. */
  livekitMode: 'media' | 'data' = 'media';

  /** Shows a stats panel: which transport is live (LiveKit or HLS), quality, latency, loss. For developers. */
  debug = false;

  /**
   * hls.js settings layered over LiveHook's (the escape hatch), e.g. `{ enableWorker: true, workerPath: '/hls.worker.js' }`.
   * Property only; changing it restarts the stream. Settings only hls.js's full build reads (captions, DRM, CMCD:
   * `{ enableCEA708Captions: true }`) load that build; otherwise streams that declare none of that get the light one.
   */
  hlsConfig: HlsTransportOptions['config'] | undefined;

  private menuOpen = false;
  private idle = false;

  /** The shadow <video>; present from the first render on (like Lit's @query, which this replaces). */
  get #video(): HTMLVideoElement {
    return this.renderRoot?.querySelector('video') as HTMLVideoElement;
  }

  #session = new ViewerController(this, (error) => this.#logError(error));
  #media = new MediaStateController(this);
  #stats = new DebugPanel(this);
  #viewerDirty = true;
  #focusMenu = false;
  #controlsRequested = false;
  #hideTimer: ReturnType<typeof setTimeout> | undefined;
  #lastPointer = 'mouse';
  #t: Translate = translator('en');
  #intlLocale = 'en';
  #locale = 'en';
  #announcedState: ViewerState | undefined;
  #announcement = '';
  #aspect = '';

  constructor() {
    super();
    this.addEventListener('keydown', (e) => handleHotkey(e, this, this.#actions, this.menuOpen, this.#video));
  }

  /** The viewer state: `idle`, `connecting`, `waiting`, `playing`, `paused`, `stalled`, `reconnecting`, `ended` or `error`. */
  get state(): ViewerState {
    return this.#session.state;
  }

  /** The stream's qualities (HLS levels), as the stream lists them. */
  get qualities(): readonly Quality[] {
    return this.#session.qualities;
  }

  /** `'auto'` or the id of a quality from `qualities`. Set it to switch; a value set early applies once the qualities are known. */
  get quality(): QualityChoice {
    return this.#session.choice;
  }
  set quality(choice: QualityChoice) {
    this.#session.setQuality(choice);
  }

  /** Playback numbers: time to first frame, rebuffers, bitrate, resolution, latency, dropped frames. */
  get metrics(): Readonly<Metrics> {
    return this.viewer?.metrics ?? emptyMetrics();
  }

  /** Why the player is in `error` (`code` and `message`), else undefined. */
  get error(): ViewerError | undefined {
    return this.viewer?.error;
  }

  /** The underlying core `Viewer` (for widgets and advanced use); replaced when `src` or `latency` change. */
  get viewer(): Viewer | undefined {
    return this.#session.viewer;
  }

  /** People watching, from the LiveKit room (with `livekit-url`); undefined otherwise. */
  get viewers(): number | undefined {
    return this.viewer?.viewers;
  }

  /** Plays (a click handler's call also unlocks sound). Resolves false if the browser refused; never rejects. */
  async play(): Promise<boolean> {
    try {
      return (await this.viewer?.play()) ?? false;
    } catch {
      return false;
    }
  }

  pause(): void {
    this.viewer?.pause();
  }

  /** After an error: tries the stream again from the start. */
  retry(): void {
    if (this.viewer) this.#session.retry();
    else {
      this.#viewerDirty = true;
      this.requestUpdate();
    }
  }

  /** Jumps to the live edge (and plays, if paused). */
  seekToLive(): void {
    this.viewer?.seekToLive();
    if (this.#video?.paused) void this.play();
    this.#session.refreshBehind();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Fetch the HLS chunks while the first render happens, not after it: one round trip less to first frame.
    if (this.src) preloadHls(this.hlsConfig ? { config: this.hlsConfig } : undefined);
    this.#viewerDirty = true;
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback(); // controllers: the Viewer is destroyed, media listeners removed
    clearTimeout(this.#hideTimer);
    this.#hideTimer = undefined;
    this.menuOpen = false;
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const sourceProps = [
      'src',
      'latency',
      'hlsConfig',
      'livekitUrl',
      'tokenUrl',
      'token',
      'room',
      'host',
      'livekitMode',
    ] as const;
    if (sourceProps.some((name) => changed.has(name))) this.#viewerDirty = true;
    const wanted = languageOf(this) ?? 'en';
    this.#locale = matchLocale(wanted);
    this.#intlLocale = wanted;
    this.#t = translator(this.#locale);
    // A language fetched on demand: speak it as soon as it arrives (it comes well before the first frame).
    loadLocale(this.#locale)?.then(() => this.requestUpdate());
    const state = this.#session.state;
    if (state !== 'playing') this.idle = false;
    if (state !== this.#announcedState) {
      this.#announcedState = state;
      this.#announcement = this.#announce(state);
    }
  }

  protected override firstUpdated(): void {
    this.#video.muted = this.muted;
    this.#media.watch(this.#video);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('muted') && changed.get('muted') !== undefined) this.#video.muted = this.muted;
    if (this.#viewerDirty && this.isConnected) {
      this.#viewerDirty = false;
      // After this update, so the Viewer's first events schedule a fresh one instead of nesting.
      queueMicrotask(() => this.#startViewer());
    }
    const bar = loadedControls();
    const state = this.#session.state;
    // Its styles join the shadow root in the update that first renders the bar, before that frame is painted.
    if (bar && this.controls && this.renderRoot instanceof ShadowRoot) bar.styleControls(this.renderRoot);
    // The bar is fetched once there is something to control: after the first frame ('playing': when idle, so it
    // never competes with start-up), or at once when paused, stalled or reconnecting; never while connecting.
    if (!bar && this.controls && BAR_STATES.has(state) && state !== 'connecting' && !this.#controlsRequested) {
      this.#controlsRequested = true;
      loadControls(state === 'playing').then(
        () => this.requestUpdate(),
        () => {
          this.#controlsRequested = false; // offline for a moment: the next update tries again
        },
      );
    }
    this.setAttribute('state', state);
    this.toggleAttribute('paused', this.#media.paused);
    this.#reshape();
    if (this.#focusMenu) {
      this.#focusMenu = false;
      bar?.focusCheckedItem(this.renderRoot);
    }
  }

  override render() {
    const v = this.#view();
    return html`<div
      class="frame ${this.idle ? 'idle' : ''}"
      role="group"
      aria-label=${v.t('player')}
      lang=${this.#locale}
      tabindex="-1"
      @pointermove=${this.#wake}
      @pointerdown=${this.#onPointerDown}
      @focusin=${this.#wake}
    >
      <video part="video" playsinline webkit-playsinline x5-playsinline x5-video-player-type="h5-page" poster=${this.poster || nothing}></video>
      <div class="surface" @click=${this.#onSurfaceClick} @dblclick=${this.#onSurfaceDoubleClick}></div>
      ${overlays(v, this.#actions)}
      <div class="layer">
        <div class="top"><slot name="top-start"></slot><slot name="top-end"></slot></div>
        ${tapToUnmute(v, this.#actions)}
        <div class="middle"><slot></slot></div>
        <div class="sheet"><slot name="bottom-sheet"></slot></div>
        ${this.controls && BAR_STATES.has(v.state) ? (loadedControls()?.controlBar(v, this.#actions) ?? barSpace) : nothing}
      </div>
      ${this.#stats.render()}
      <div class="sr-only" role="status">${this.#announcement}</div>
    </div>`;
  }

  #view(): PlayerView {
    const s = this.#session;
    const m = this.#media;
    return {
      t: this.#t,
      state: s.state,
      controls: this.controls,
      paused: m.paused,
      muted: m.muted,
      volume: m.volume,
      behind: s.behind,
      qualities: s.qualities,
      choice: s.choice,
      playing: s.playing,
      menuOpen: this.menuOpen,
      canFullscreen: m.canFullscreen,
      fullscreen: m.fullscreen,
      canPip: m.canPip,
      pip: m.pip,
      captionsAvailable: m.captionsAvailable,
      captionsShowing: m.captionsShowing,
      autoplay: s.autoplay,
      error: this.error,
      poster: this.poster,
      startTime: formatStartTime(this.startsAt, this.#intlLocale),
    };
  }

  #actions: PlayerActions = {
    togglePlay: () => (this.#video?.paused ? void this.play() : this.pause()),
    playFromOverlay: () => {
      // A tap is a user gesture: sound the autoplay fallback had to drop can come back.
      if (this.#session.autoplay === 'blocked' && !this.muted) this.#video.muted = false;
      void this.play();
    },
    toggleMute: () => {
      const video = this.#video;
      if (video.muted || video.volume === 0) {
        video.muted = false;
        if (video.volume === 0) video.volume = 0.5;
        if (!video.paused) void this.play(); // inside the gesture: lets a transport unlock its audio
      } else video.muted = true;
    },
    unmute: () => {
      this.#video.muted = false;
      void this.play(); // inside the gesture: resumes if the browser paused, unlocks a transport's audio
    },
    setVolume: (volume) => {
      const value = Math.min(1, Math.max(0, volume));
      this.#video.volume = value;
      this.#video.muted = value === 0;
    },
    seekToLive: () => this.seekToLive(),
    toggleMenu: () => {
      this.menuOpen = !this.menuOpen;
      this.#focusMenu = this.menuOpen;
    },
    closeMenu: (focusButton) => {
      if (!this.menuOpen) return;
      this.menuOpen = false;
      if (focusButton) {
        void this.updateComplete.then(() =>
          this.renderRoot.querySelector<HTMLElement>('[part~="quality-button"]')?.focus(),
        );
      }
    },
    selectQuality: (choice) => {
      this.quality = choice;
      this.#actions.closeMenu(true);
    },
    toggleFullscreen: () => void this.#media.toggleFullscreen(),
    togglePip: () => void this.#media.togglePip(),
    toggleCaptions: () => this.#media.toggleCaptions(),
    retry: () => this.retry(),
  };

  #startViewer(): void {
    if (!this.isConnected || !this.#video) return;
    const src = this.src.trim();
    const livekit = this.#liveKitSource();
    const hybrid = this.livekitMode === 'data';
    try {
      this.#session.start(this.#video, {
        // LiveKit first (sub-second), HLS as the fallback; in hybrid mode LiveKit only carries data.
        sources: [...(livekit && !hybrid ? [livekit] : []), ...(src ? [src] : [])],
        ...(livekit && hybrid && { room: livekit }),
        latency: this.latency === 'low' ? 'low' : 'standard',
        ...(this.hlsConfig && { hls: { config: this.hlsConfig } }),
        autoplay: this.autoplay,
        muted: this.muted,
      });
    } catch (error) {
      console.error(`<${this.localName}>:`, error);
    }
  }

  /** The LiveKit source from the attributes; an incomplete one is passed on so the Viewer names what is missing. */
  #liveKitSource() {
    // A removed attribute sets its property to null.
    const [url, token, tokenUrl, room, host] = [this.livekitUrl, this.token, this.tokenUrl, this.room, this.host].map(
      (value) => (value ?? '').trim(),
    ) as [string, string, string, string, string];
    if (!url) return undefined;
    const hostPart = host ? { host } : {};
    if (token) return { kind: 'livekit' as const, url, token, ...hostPart };
    return { kind: 'livekit' as const, url, tokenUrl, room, ...hostPart };
  }

  /** One console.error per failure, naming the cause (URLs without their query, which may hold a signature). */
  #logError(error: ViewerError): void {
    const src = this.src.trim();
    const shown = src.replace(/[?#].*$/s, '?…');
    const where = src ? `src "${shown.length > 120 ? `${shown.slice(0, 119)}…` : shown}" — ` : '';
    console.error(`<${this.localName}>: ${where}${error.message}`);
  }

  #announce(state: ViewerState): string {
    // idle says nothing; errors speak through their own alert
    const key = ANNOUNCED[state];
    return key ? this.#t(key) : '';
  }

  /** A portrait stream in a box whose ratio the author left alone takes the stream's own ratio. */
  #reshape(): void {
    const { width, height } = this.#media;
    const portrait =
      this.#media.portrait && !getComputedStyle(this).getPropertyValue('--live-player-aspect-ratio').trim();
    const aspect = portrait ? `${width} / ${height}` : '';
    if (aspect === this.#aspect) return;
    this.#aspect = aspect;
    this.toggleAttribute('portrait', portrait);
    if (portrait) {
      this.style.setProperty('--_live-video-aspect', aspect);
      this.style.setProperty('--_live-video-ratio', String(width / height));
    } else {
      this.style.removeProperty('--_live-video-aspect');
      this.style.removeProperty('--_live-video-ratio');
    }
  }

  #wake = (): void => {
    if (this.idle) this.idle = false;
    clearTimeout(this.#hideTimer);
    this.#hideTimer = setTimeout(() => {
      this.#hideTimer = undefined;
      const bar = this.renderRoot.querySelector('.bar');
      if (this.menuOpen || this.state !== 'playing' || bar?.matches(':hover, :focus-within')) return;
      this.idle = true;
    }, HIDE_CONTROLS_AFTER);
  };

  #onPointerDown = (e: PointerEvent): void => {
    this.#lastPointer = e.pointerType;
    if (e.pointerType === 'mouse') this.#wake();
  };

  #onSurfaceClick = (): void => {
    if (!this.controls) return;
    if (this.menuOpen) {
      this.#actions.closeMenu(false);
      return;
    }
    // Touch: a tap shows or hides the controls; a mouse click plays or pauses.
    if (this.#lastPointer !== 'mouse') {
      if (this.idle || this.state !== 'playing') this.#wake();
      else {
        clearTimeout(this.#hideTimer);
        this.idle = true;
      }
      return;
    }
    this.#actions.togglePlay();
  };

  #onSurfaceDoubleClick = (): void => {
    if (this.controls && this.#lastPointer === 'mouse') this.#actions.toggleFullscreen();
  };
}
