// The look every widget shares: theme tokens, the card, buttons, the sheet, the set-up placeholder.
import { css } from 'lit';

export const widgetStyles = css`
  :host {
    --_accent: var(--live-widget-accent, #d9183b);
    --_accent-strong: var(--live-widget-accent-strong, #b3102d);
    --_on-accent: var(--live-widget-on-accent, #fff);
    --_surface: var(--live-widget-surface, #fff);
    --_text: var(--live-widget-text, #18181b);
    --_muted: var(--live-widget-muted, #55555f);
    --_border: var(--live-widget-border, #e7e4e4);
    --_tint: var(--live-widget-tint, #fff1f3);
    --_reward: var(--live-widget-reward-color, #c8102e);
    --_radius: var(--live-widget-radius, 16px);
    --_shadow: var(--live-widget-shadow, 0 1px 2px rgb(16 16 24 / 0.06), 0 8px 24px rgb(16 16 24 / 0.08));
    --_focus: var(--live-widget-focus-color, #1d4ed8);
    --_font: var(
      --live-widget-font,
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
    display: block;
    color: var(--_text);
    font-family: var(--_font);
    font-size: 16px;
    line-height: 1.45;
    -webkit-tap-highlight-color: transparent;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .card {
    position: relative;
    display: grid;
    gap: 12px;
    padding: 20px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    overflow-wrap: anywhere;
    max-width: var(--live-widget-max-width, 440px);
  }
  .top {
    display: flex;
    align-items: center;
    gap: 8px;
    min-height: 24px;
    padding-inline-end: 32px;
  }
  .top:empty {
    display: none;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 2px 10px;
    border-radius: 999px;
    background: var(--_tint);
    color: var(--_accent-strong);
    font-size: 13px;
    font-weight: 700;
    letter-spacing: 0.02em;
  }
  .badge.solid {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .headline {
    margin: 0;
    font-size: 20px;
    line-height: 1.25;
    font-weight: 800;
    letter-spacing: -0.01em;
  }
  .benefit {
    margin: 0;
    color: var(--_muted);
    font-size: 15px;
  }
  .muted {
    color: var(--_muted);
    font-size: 14px;
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  button,
  .button {
    appearance: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    min-height: 44px;
    padding: 10px 20px;
    border: 0;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_on-accent);
    font: inherit;
    font-weight: 700;
    text-decoration: none;
    cursor: pointer;
    transition: background-color 0.15s ease, transform 0.1s ease;
  }
  button:hover,
  .button:hover {
    background: var(--_accent-strong);
  }
  button:active,
  .button:active {
    transform: scale(0.98);
  }
  button[disabled] {
    cursor: default;
    opacity: 0.7;
  }
  .primary {
    width: 100%;
    font-size: 17px;
  }
  .secondary {
    background: transparent;
    color: var(--_accent-strong);
    box-shadow: inset 0 0 0 1.5px currentColor;
  }
  .secondary:hover {
    background: var(--_tint);
  }
  .link-button {
    min-height: 0;
    padding: 4px 0;
    background: none;
    color: var(--_accent-strong);
    font-weight: 600;
    text-decoration: underline;
    text-underline-offset: 3px;
  }
  .link-button:hover {
    background: none;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .close {
    position: absolute;
    inset-block-start: 10px;
    inset-inline-end: 10px;
    width: 36px;
    height: 36px;
    min-height: 0;
    padding: 0;
    border-radius: 50%;
    background: transparent;
    color: var(--_muted);
  }
  .close:hover {
    background: rgb(0 0 0 / 0.06);
  }
  .icon {
    width: 20px;
    height: 20px;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
    flex: none;
  }
  .spinner {
    width: 18px;
    height: 18px;
    border: 2.5px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
    flex: none;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2.4s;
    }
    button,
    .button {
      transition: none;
    }
  }
  .error {
    display: grid;
    gap: 10px;
    padding: 12px 14px;
    border-radius: 12px;
    background: #fff4e5;
    color: #6b3a00;
    font-size: 14px;
  }
  .error p {
    margin: 0;
  }
  /* The reward: big, bold, on a ticket with perforated edges. */
  .ticket {
    position: relative;
    display: grid;
    gap: 4px;
    padding: 16px 18px;
    border-radius: 12px;
    background: var(--_tint);
    color: var(--_reward);
    border: 1.5px dashed color-mix(in srgb, var(--_reward) 45%, transparent);
  }
  .ticket::before,
  .ticket::after {
    content: '';
    position: absolute;
    top: 50%;
    width: 16px;
    height: 16px;
    margin-top: -8px;
    border-radius: 50%;
    background: var(--_surface);
    border: 1.5px dashed color-mix(in srgb, var(--_reward) 45%, transparent);
  }
  .ticket::before {
    left: -9px;
    clip-path: inset(0 0 0 50%);
  }
  .ticket::after {
    right: -9px;
    clip-path: inset(0 50% 0 0);
  }
  .reward-value {
    font-size: clamp(28px, 8vw, 40px);
    line-height: 1.05;
    font-weight: 900;
    letter-spacing: -0.02em;
  }
  .reward-caption {
    color: var(--_text);
    font-size: 14px;
    font-weight: 600;
  }
  .code-row {
    display: flex;
    align-items: center;
    gap: 8px;
    flex-wrap: wrap;
  }
  .code {
    flex: 1 1 auto;
    min-width: 0;
    padding: 8px 12px;
    border-radius: 10px;
    background: var(--_surface);
    color: var(--_text);
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 22px;
    font-weight: 800;
    letter-spacing: 0.08em;
    user-select: all;
    -webkit-user-select: all;
  }
  .placeholder {
    display: grid;
    gap: 6px;
    padding: 16px 18px;
    border: 2px dashed #9a9aa5;
    border-radius: var(--_radius);
    background: repeating-linear-gradient(135deg, #fafafa 0 12px, #f3f3f5 12px 24px);
    color: #3f3f46;
    font-size: 14px;
    max-width: var(--live-widget-max-width, 440px);
  }
  .placeholder strong {
    font-size: 15px;
  }
  .placeholder code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 13px;
    background: #e9e9ee;
    padding: 1px 5px;
    border-radius: 4px;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /* The sheet: a bottom sheet on phones, a centred card on wide screens. */
  dialog {
    width: min(100%, 440px);
    max-width: 100%;
    max-height: min(92svh, 720px);
    margin: auto auto 0;
    padding: 0;
    border: 0;
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: transparent;
    color: inherit;
    overflow: auto;
  }
  dialog .card {
    max-width: none;
    border-radius: var(--_radius) var(--_radius) 0 0;
    padding-bottom: max(20px, env(safe-area-inset-bottom));
  }
  dialog .card:focus {
    outline: none;
  }
  dialog::backdrop {
    background: rgb(10 10 14 / 0.55);
  }
  @media (min-width: 600px) {
    dialog {
      margin: auto;
      border-radius: var(--_radius);
    }
    dialog .card {
      border-radius: var(--_radius);
      padding-bottom: 20px;
    }
  }
`;
