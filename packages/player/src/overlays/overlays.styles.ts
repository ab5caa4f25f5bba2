// Spinner, status covers (pre-live, ended, error) and the autoplay prompts.
import { css } from 'lit';

export const overlaysStyles = css`
  .center {
    position: absolute;
    inset: 0;
    z-index: 2;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 12px;
    pointer-events: none;
  }
  .center > button {
    pointer-events: auto;
  }
  .spinner {
    width: 44px;
    height: 44px;
    border: 4px solid rgb(255 255 255 / 0.22);
    border-top-color: #fff;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  .pill {
    padding: 6px 14px;
    border-radius: 999px;
    background: rgb(0 0 0 / 0.66);
    font: 500 13px/1.3 var(--_font);
  }
  .cover {
    position: absolute;
    inset: 0;
    z-index: 2;
    display: grid;
    place-items: center;
    padding: 16px;
    overflow: hidden;
    background: var(--_overlay);
    text-align: center;
  }
  .cover.error {
    background: rgb(12 12 14 / 0.9);
  }
  .poster {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: cover;
    filter: brightness(0.45) blur(6px);
    transform: scale(1.08); /* keeps the blurred edge outside the box */
  }
  .card {
    position: relative;
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 6px;
    max-width: 30em;
  }
  .card > .icon {
    width: 36px;
    height: 36px;
    margin-bottom: 4px;
  }
  .error .card > .icon {
    color: #ff6b7d;
  }
  .title {
    margin: 0;
    font: 600 clamp(15px, 4.4cqi, 21px) / 1.3 var(--_font);
    text-shadow: 0 1px 3px rgb(0 0 0 / 0.5);
  }
  .hint {
    margin: 0;
    font: 400 clamp(12px, 3.2cqi, 15px) / 1.45 var(--_font);
    color: #e6e6e6;
  }
  .time {
    margin: 4px 0;
    padding: 5px 14px;
    border-radius: 999px;
    background: rgb(255 255 255 / 0.16);
    font: 600 clamp(13px, 3.6cqi, 16px) / 1.3 var(--_font);
  }
  .code {
    margin: 6px 0 0;
    font: 400 11px/1.3 var(--_font);
    color: #a8a8a8;
  }
  .action {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    margin-top: 10px;
    padding: 9px 20px 9px 14px;
    border: 0;
    border-radius: 999px;
    background: #fff;
    color: #111;
    font: 600 14px/1 var(--_font);
    cursor: pointer;
  }
  .action .icon {
    width: 18px;
    height: 18px;
  }
  .action:hover {
    background: #e8e8e8;
  }
  .big-play {
    display: grid;
    place-items: center;
    width: clamp(56px, 16cqi, 76px);
    height: clamp(56px, 16cqi, 76px);
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: rgb(0 0 0 / 0.55);
    color: #fff;
    cursor: pointer;
    box-shadow: 0 4px 24px rgb(0 0 0 / 0.35);
    backdrop-filter: blur(6px);
    transition:
      transform 0.15s ease,
      background 0.15s ease;
  }
  .big-play:hover {
    background: var(--_live);
    transform: scale(1.06);
  }
  .big-play .icon {
    width: 55%;
    height: 55%;
  }
  .unmute {
    display: inline-flex;
    align-items: center;
    gap: 8px;
    padding: 8px 16px 8px 12px;
    border: 0;
    border-radius: 999px;
    background: #fff;
    color: #111;
    font: 600 14px/1 var(--_font);
    white-space: nowrap;
    cursor: pointer;
    pointer-events: auto;
    box-shadow: 0 4px 18px rgb(0 0 0 / 0.35);
  }
  .unmute .icon {
    width: 20px;
    height: 20px;
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2.4s;
    }
  }
`;
