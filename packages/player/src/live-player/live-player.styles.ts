import { css } from 'lit';

export const livePlayerStyles = css`
  :host {
    display: block;
    position: relative;
    aspect-ratio: var(--live-player-aspect-ratio, 16 / 9);
    background: var(--live-player-background, #000);
    color: var(--live-player-color, #fff);
    overflow: hidden;
    contain: content;
  }
  :host([hidden]) {
    display: none;
  }
  video {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: var(--live-player-object-fit, contain);
    background: inherit;
  }
  .error {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    padding: 1rem;
    text-align: center;
    background: rgb(0 0 0 / 0.75);
    font: 500 1rem/1.4 system-ui, sans-serif;
  }
`;
