// <live-player>: plays a live HLS stream in shadow DOM. It renders playback; core decides how.
import { type HlsConstructor, chooseHlsEngine, loadHls, parseHlsSource, SourceError } from '@livehook/core';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { livePlayerStyles } from './live-player.styles.js';

type HlsInstance = InstanceType<HlsConstructor>;

/**
 * An embeddable live-stream player.
 *
 * @summary Plays a live HLS stream; lead-capture widgets can sit over it.
 *
 * @slot - Widgets and overlays shown over the video.
 *
 * @csspart video - The `<video>` element.
 * @csspart error - The error message shown when the stream cannot play.
 *
 * @cssprop [--live-player-aspect-ratio=16 / 9] - Aspect ratio of the player box (use `9 / 16` for vertical streams).
 * @cssprop [--live-player-background=#000] - Background behind the video.
 * @cssprop [--live-player-color=#fff] - Text colour of overlays.
 * @cssprop [--live-player-object-fit=contain] - How the video fills the box.
 *
 * @fires live-error - The source cannot be played. `detail: { message: string }`.
 */
export class LivePlayer extends LitElement {
  static override styles = livePlayerStyles;

  /** URL of the live HLS playlist (`.m3u8`). */
  @property() src = '';

  /** Image shown before the first frame. */
  @property() poster = '';

  /** Start playing as soon as the stream is ready (browsers may require `muted`). */
  @property({ type: Boolean }) autoplay = false;

  /** Start without sound. */
  @property({ type: Boolean }) muted = false;

  /** Show the browser's native controls. */
  @property({ type: Boolean }) controls = false;

  @state() private errorMessage = '';

  @query('video') private video!: HTMLVideoElement;

  private hls: HlsInstance | undefined;
  /** Bumps on every (re)load so a slow hls.js import cannot attach to a stale source. */
  private loadGeneration = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unload();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attach when moved in the DOM (disconnect tore the stream down).
    if (this.hasUpdated) void this.load();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('src')) void this.load();
    if (changed.has('muted') && this.video) this.video.muted = this.muted;
  }

  override render() {
    return html`
      <video
        part="video"
        playsinline
        webkit-playsinline
        x5-playsinline
        x5-video-player-type="h5-page"
        ?controls=${this.controls}
        ?autoplay=${this.autoplay}
        .muted=${this.muted}
        poster=${this.poster || nothing}
      ></video>
      ${this.errorMessage ? html`<div class="error" part="error" role="alert">${this.errorMessage}</div>` : nothing}
      <slot></slot>
    `;
  }

  private async load(): Promise<void> {
    this.unload();
    const generation = this.loadGeneration;
    if (!this.isConnected || !this.src) return;
    try {
      const source = parseHlsSource(this.src);
      const Hls = await loadHls();
      if (generation !== this.loadGeneration) return;
      const engine = chooseHlsEngine(this.video, Hls);
      if (engine === 'hls.js') {
        const hls = new Hls({ lowLatencyMode: true, backBufferLength: 30 });
        this.hls = hls;
        hls.on(Hls.Events.ERROR, (_event, data) => {
          if (data.fatal) this.fail(`the stream failed: ${data.details}`);
        });
        hls.loadSource(source.url);
        hls.attachMedia(this.video);
      } else if (engine === 'native') {
        this.video.src = source.url;
      } else {
        throw new SourceError('this browser cannot play HLS');
      }
      if (this.autoplay) this.video.play().catch(() => undefined);
    } catch (error) {
      if (generation === this.loadGeneration) this.fail(error instanceof Error ? error.message : String(error));
    }
  }

  private unload(): void {
    this.loadGeneration++;
    this.errorMessage = '';
    this.hls?.destroy();
    this.hls = undefined;
    if (this.video?.hasAttribute('src')) {
      this.video.removeAttribute('src');
      this.video.load();
    }
  }

  private fail(message: string): void {
    this.errorMessage = message;
    console.error(`<live-player>: ${message}`);
    this.dispatchEvent(new CustomEvent('live-error', { detail: { message }, bubbles: true, composed: true }));
  }
}
