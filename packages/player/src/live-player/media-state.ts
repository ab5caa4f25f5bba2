// Reads what the controls show straight from the media element and the page (sound, size, text tracks,
// full screen, picture-in-picture), re-read on the platform's own events: never set optimistically.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

/** iOS Safari: the video itself can go full screen even where elements can't. */
interface WebkitVideo extends HTMLVideoElement {
  webkitEnterFullscreen?: () => void;
  webkitSupportsFullscreen?: boolean;
  webkitDisplayingFullscreen?: boolean;
}

const TRACK_KINDS = new Set(['captions', 'subtitles']);

export class MediaStateController implements ReactiveController {
  paused = true;
  muted = false;
  volume = 1;
  width = 0;
  height = 0;
  fullscreen = false;
  pip = false;
  captionsAvailable = false;
  captionsShowing = false;
  #video: WebkitVideo | undefined;
  #listeners: AbortController | undefined;

  readonly #host: Host;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  /** Starts watching `video` (call once it exists; again after reconnecting). */
  watch(video: HTMLVideoElement): void {
    this.#listeners?.abort();
    this.#listeners = new AbortController();
    this.#video = video;
    const options = { signal: this.#listeners.signal };
    const read = () => this.#read();
    for (const type of [
      'play',
      'pause',
      'playing',
      'emptied',
      'volumechange',
      'loadedmetadata',
      'resize',
      'enterpictureinpicture',
      'leavepictureinpicture',
      'webkitbeginfullscreen',
      'webkitendfullscreen',
    ]) {
      video.addEventListener(type, read, options);
    }
    for (const type of ['addtrack', 'removetrack', 'change']) video.textTracks.addEventListener(type, read, options);
    this.#host.addEventListener('fullscreenchange', read, options);
    this.#read(false); // called while the host updates: it renders these values next time anyway
  }

  hostConnected(): void {
    if (this.#video) this.watch(this.#video);
  }

  hostDisconnected(): void {
    this.#listeners?.abort();
    this.#listeners = undefined;
  }

  get canFullscreen(): boolean {
    const video = this.#video;
    return Boolean(
      globalThis.document?.fullscreenEnabled ||
        (video?.webkitEnterFullscreen && video.webkitSupportsFullscreen !== false),
    );
  }

  get canPip(): boolean {
    return Boolean(globalThis.document?.pictureInPictureEnabled) && !this.#video?.disablePictureInPicture;
  }

  get portrait(): boolean {
    return this.height > this.width && this.width > 0;
  }

  async toggleFullscreen(): Promise<void> {
    const host = this.#host;
    const video = this.#video;
    try {
      if (document.fullscreenElement === host) await document.exitFullscreen();
      else if (document.fullscreenEnabled) await host.requestFullscreen();
      else video?.webkitEnterFullscreen?.();
    } catch {
      // Refused (no user gesture, iframe without allow="fullscreen"): nothing changes on screen.
    }
  }

  async togglePip(): Promise<void> {
    const video = this.#video;
    const root = this.#host.shadowRoot;
    if (!video || !root) return;
    try {
      if (root.pictureInPictureElement === video) await document.exitPictureInPicture();
      else await video.requestPictureInPicture();
    } catch {
      // No metadata yet, or the browser refused: the button stays as it was.
    }
  }

  toggleCaptions(): void {
    const tracks = this.#textTracks();
    if (!tracks.length) return;
    const showing = tracks.some((t) => t.mode === 'showing');
    const lang = (this.#host.closest('[lang]')?.getAttribute('lang') ?? navigator.language).split('-')[0];
    const preferred = tracks.find((t) => t.language.split('-')[0] === lang) ?? tracks[0]!;
    for (const track of tracks) track.mode = !showing && track === preferred ? 'showing' : 'disabled';
  }

  #textTracks(): TextTrack[] {
    return Array.from(this.#video?.textTracks ?? []).filter((t) => TRACK_KINDS.has(t.kind));
  }

  #read(render = true): void {
    const video = this.#video;
    if (!video) return;
    this.paused = video.paused;
    this.muted = video.muted;
    this.volume = video.volume;
    this.width = video.videoWidth;
    this.height = video.videoHeight;
    this.fullscreen = document.fullscreenElement === this.#host || Boolean(video.webkitDisplayingFullscreen);
    this.pip = this.#host.shadowRoot?.pictureInPictureElement === video;
    const tracks = this.#textTracks();
    this.captionsAvailable = tracks.length > 0;
    this.captionsShowing = tracks.some((t) => t.mode === 'showing');
    if (render) this.#host.requestUpdate();
  }
}
