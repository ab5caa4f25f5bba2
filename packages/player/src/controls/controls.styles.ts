// The control bar, the LIVE pill and the quality menu. Part of the bar's chunk: added to a player's shadow root
// when the bar arrives (control-bar.ts).
import { css } from 'lit';

export const controlsStyles = css`
  .bar {
    display: flex;
    align-items: center;
    gap: 2px;
    padding: 28px 8px 6px;
    pointer-events: auto;
    background: linear-gradient(to top, rgb(0 0 0 / 0.72), rgb(0 0 0 / 0.35) 55%, rgb(0 0 0 / 0));
    transition: opacity 0.25s ease;
  }
  .frame.idle .bar:not(:focus-within) {
    opacity: 0;
    pointer-events: none;
  }
  .spacer {
    flex: 1;
  }
  .btn {
    position: relative;
    display: inline-grid;
    place-items: center;
    flex: none;
    width: 40px;
    height: 40px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  .btn .icon {
    filter: drop-shadow(0 1px 1px rgb(0 0 0 / 0.45));
  }
  .btn:hover {
    background: rgb(255 255 255 / 0.16);
  }
  .btn[aria-pressed='true']::after {
    content: '';
    position: absolute;
    left: 11px;
    right: 11px;
    bottom: 6px;
    height: 2px;
    border-radius: 1px;
    background: var(--_accent);
  }
  .volume {
    display: flex;
    align-items: center;
  }
  .slider {
    width: 0;
    height: 20px;
    margin: 0;
    opacity: 0;
    accent-color: var(--_accent);
    cursor: pointer;
    transition:
      width 0.2s ease,
      opacity 0.2s ease,
      margin 0.2s ease;
  }
  .volume:hover .slider,
  .volume:focus-within .slider {
    width: 72px;
    margin-inline: 4px 8px;
    opacity: 1;
  }
  .live {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    flex: none;
    height: 24px;
    margin-inline: 6px;
    padding: 0 9px;
    border: 0;
    border-radius: 4px;
    background: var(--_live);
    color: #fff;
    font: 700 12px/1 var(--_font);
    letter-spacing: 0.06em;
    white-space: nowrap;
    cursor: pointer;
  }
  .live .dot {
    width: 6px;
    height: 6px;
    border-radius: 50%;
    background: currentColor;
    animation: pulse 2s ease-in-out infinite;
  }
  .live.behind {
    background: rgb(20 20 20 / 0.7);
    letter-spacing: 0.02em;
  }
  .live.behind .dot {
    background: #aaa;
    animation: none;
  }
  .live.behind:hover {
    background: var(--_live);
  }
  @keyframes pulse {
    50% {
      opacity: 0.35;
    }
  }
  .menu-wrap {
    position: relative;
  }
  .hd {
    position: absolute;
    top: 5px;
    right: 1px;
    padding: 1px 2px;
    border-radius: 2px;
    background: var(--_live);
    color: #fff;
    font: 800 8px/1 var(--_font);
  }
  .menu {
    position: absolute;
    right: 0;
    bottom: calc(100% + 8px);
    min-width: 176px;
    max-height: calc(100cqh - 72px);
    overflow-y: auto;
    padding: 6px;
    border-radius: var(--_radius);
    background: rgb(22 22 24 / 0.94);
    box-shadow: 0 8px 28px rgb(0 0 0 / 0.45);
    backdrop-filter: blur(10px);
  }
  .menu[hidden] {
    display: none;
  }
  .menu-title {
    padding: 6px 10px 6px 12px;
    font: 600 12px/1.2 var(--_font);
    color: #bbb;
  }
  .item {
    display: flex;
    align-items: center;
    gap: 8px;
    width: 100%;
    padding: 9px 14px 9px 8px;
    border: 0;
    border-radius: calc(var(--_radius) - 4px);
    background: transparent;
    color: inherit;
    font: 500 14px/1.2 var(--_font);
    text-align: start;
    white-space: nowrap;
    cursor: pointer;
  }
  .item:hover,
  .item:focus-visible {
    background: rgb(255 255 255 / 0.12);
  }
  .item:focus-visible {
    outline-offset: -2px;
  }
  .item .icon {
    width: 18px;
    height: 18px;
    visibility: hidden;
  }
  .item[aria-checked='true'] {
    font-weight: 700;
  }
  .item[aria-checked='true'] .icon {
    visibility: visible;
  }
  @media (hover: none) {
    .slider {
      display: none;
    }
  }
  @container (max-width: 440px) {
    .bar {
      padding: 24px 4px 2px;
    }
    .btn {
      width: 36px;
      height: 36px;
    }
    .slider {
      display: none;
    }
    .live {
      margin-inline: 2px;
    }
  }
  @container (max-width: 300px) {
    [part~='pip-button'],
    [part~='captions-button'] {
      display: none;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .live .dot {
      animation: none;
    }
  }
`;
