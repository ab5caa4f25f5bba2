// <live-countdown>'s own look: the digit tiles, the benefit box, the live pill, the form.
import { css } from 'lit';

export const countdownStyles = css`
  .when {
    margin: -4px 0 0;
    color: var(--_muted);
    font-size: 14px;
    font-weight: 600;
  }
  .timer {
    display: grid;
    grid-template-columns: repeat(4, 1fr);
    gap: 8px;
  }
  .unit {
    display: grid;
    justify-items: center;
    gap: 2px;
    padding: 10px 4px 8px;
    border-radius: 12px;
    background: var(--live-countdown-digit-background, #18181b);
    color: var(--live-countdown-digit-color, #fff);
  }
  .digits {
    font-size: clamp(24px, 7vw, 32px);
    line-height: 1;
    font-weight: 800;
    font-variant-numeric: tabular-nums;
  }
  .label {
    font-size: 12px;
    opacity: 0.85;
    text-transform: uppercase;
    letter-spacing: 0.06em;
  }
  .benefit-box {
    display: flex;
    align-items: flex-start;
    gap: 10px;
    padding: 12px 14px;
    border-radius: 12px;
    background: var(--_tint);
    color: var(--_reward);
    font-size: 17px;
    font-weight: 800;
    line-height: 1.35;
  }
  .benefit-box .icon {
    width: 22px;
    height: 22px;
    margin-top: 1px;
  }
  .live-pill .dot {
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: currentColor;
    animation: pulse 1.2s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.3;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .live-pill .dot {
      animation: none;
    }
  }
  .actions > * {
    flex: 1 1 auto;
    padding-inline: 16px;
    white-space: nowrap;
  }
  .menu {
    display: grid;
    gap: 2px;
    margin: 0;
    padding: 8px 14px;
    list-style: none;
    border: 1px solid var(--_border);
    border-radius: 12px;
  }
  .form {
    display: grid;
    gap: 6px;
    padding: 14px;
    border: 1px solid var(--_border);
    border-radius: 12px;
  }
  .field-label {
    font-size: 14px;
    font-weight: 700;
  }
  input[type='text'],
  input[type='email'],
  input[type='tel'] {
    width: 100%;
    min-height: 44px;
    padding: 10px 12px;
    border: 1.5px solid #8a8a94;
    border-radius: 10px;
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  input[aria-invalid='true'] {
    border-color: #b42318;
  }
  .check {
    display: flex;
    align-items: flex-start;
    gap: 10px;
    font-size: 14px;
  }
  .check input {
    flex: none;
    width: 20px;
    height: 20px;
    margin: 1px 0 0;
    accent-color: var(--_accent);
  }
  .privacy {
    justify-self: start;
    margin-inline-start: 30px;
    color: var(--_accent-strong);
    font-size: 14px;
  }
  .field-error {
    margin: 0;
    min-height: 0;
    color: #b42318;
    font-size: 13px;
    font-weight: 600;
  }
  .field-error:empty {
    display: none;
  }
  .success {
    display: flex;
    align-items: center;
    gap: 8px;
    margin: 0;
    padding: 12px 14px;
    border-radius: 12px;
    background: #ecfdf3;
    color: #05603a;
    font-weight: 700;
  }
  .live {
    display: grid;
  }
  .live:empty {
    display: none;
  }
`;
