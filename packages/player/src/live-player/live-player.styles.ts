// The player box: sizing (16:9 by default, the stream's own shape when portrait), theme tokens and layers.
import { css } from 'lit';

export const livePlayerStyles = css`
  :host {
    --_accent: var(--live-player-accent, #ff2d55);
    --_live: var(--live-player-live-color, #dc0f2d);
    --_fg: var(--live-player-control-color, #fff);
    --_font: var(
      --live-player-font,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'PingFang SC',
      'Hiragino Sans GB',
      'Microsoft YaHei',
      'Noto Sans CJK SC',
      sans-serif
    );
    --_radius: var(--live-player-radius, 10px);
    --_overlay: var(--live-player-overlay-background, rgb(0 0 0 / 0.6));
    --_focus: var(--live-player-focus-color, #fff);
    display: block;
    position: relative;
    width: 100%;
    aspect-ratio: var(--live-player-aspect-ratio, var(--_live-video-aspect, 16 / 9));
    background: var(--live-player-background, #000);
    color: var(--_fg);
    font-family: var(--_font);
    overflow: hidden;
    contain: content;
    -webkit-tap-highlight-color: transparent;
  }
  :host([hidden]) {
    display: none;
  }
  /* A portrait stream in a box the author did not shape: the stream's own aspect, no taller than the cap. */
  :host([portrait]) {
    max-width: calc(var(--live-player-max-height, 100svh) * var(--_live-video-ratio, 1));
    margin-inline: auto;
  }
  :host(:fullscreen) {
    width: 100%;
    height: 100%;
    max-width: none;
    aspect-ratio: auto;
  }
  .frame {
    position: absolute;
    inset: 0;
    overflow: hidden;
    outline: none;
    container-type: size;
  }
  video {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: var(--live-player-object-fit, contain);
    background: transparent;
  }
  .surface {
    position: absolute;
    inset: 0;
    z-index: 1;
  }
  .frame.idle {
    cursor: none;
  }
  .layer {
    position: absolute;
    inset: 0;
    z-index: 3;
    display: flex;
    flex-direction: column;
    pointer-events: none;
  }
  .top {
    display: flex;
    justify-content: space-between;
    align-items: flex-start;
    gap: 8px;
    padding: 12px;
  }
  .prompt {
    display: flex;
    justify-content: center;
    margin-top: -4px;
    padding: 0 12px 8px;
  }
  .middle {
    position: relative;
    flex: 1;
    min-height: 0;
  }
  .sheet {
    padding: 0 12px 8px;
  }
  ::slotted(*) {
    pointer-events: auto;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /* The control bar's height (controls.styles.ts) while its chunk is on the way. */
  .bar-space {
    height: 74px;
  }
  @container (max-width: 440px) {
    .bar-space {
      height: 62px;
    }
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .icon {
    width: 24px;
    height: 24px;
    fill: currentColor;
    flex: none;
  }
`;
