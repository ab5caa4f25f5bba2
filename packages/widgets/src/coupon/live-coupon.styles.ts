// <live-coupon>'s own look: time-left pill, stock bar, the sold-out stamp.
import { css } from 'lit';

export const couponStyles = css`
  .top {
    justify-content: space-between;
    flex-wrap: wrap;
  }
  .time-left {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    color: var(--_accent-strong);
    font-size: 14px;
    font-weight: 800;
    font-variant-numeric: tabular-nums;
  }
  .time-left .icon {
    width: 16px;
    height: 16px;
  }
  /* Over: greyed out with real colours (not opacity), so the text keeps its contrast. */
  .ticket.over {
    --_reward: #4b4b55;
    background: #f1f1f4;
  }
  .ticket.over .reward-value {
    text-decoration: line-through;
    text-decoration-thickness: 3px;
  }
  .stamp {
    position: absolute;
    inset-block-start: 10px;
    inset-inline-end: 14px;
    transform: rotate(-8deg);
    padding: 1px 8px;
    border: 2px solid currentColor;
    border-radius: 6px;
    background: #fff;
    color: #b42318;
    font-size: 14px;
    font-weight: 900;
    letter-spacing: 0.06em;
  }
  .stock {
    display: grid;
    gap: 6px;
    color: var(--_accent-strong);
    font-size: 14px;
    font-weight: 700;
  }
  progress {
    width: 100%;
    height: 8px;
    appearance: none;
    border: 0;
    border-radius: 999px;
    background: var(--_tint);
    overflow: hidden;
  }
  progress::-webkit-progress-bar {
    background: var(--_tint);
  }
  progress::-webkit-progress-value {
    background: var(--_accent);
    border-radius: 999px;
  }
  progress::-moz-progress-bar {
    background: var(--_accent);
  }
  .claimed {
    display: grid;
    gap: 10px;
  }
  .success {
    display: flex;
    align-items: center;
    gap: 8px;
    margin: 0;
    color: #05603a;
    font-size: 18px;
    font-weight: 800;
  }
  .over-note {
    display: grid;
    gap: 2px;
  }
  .over-title {
    margin: 0;
    font-size: 18px;
    font-weight: 800;
  }
  .copy {
    min-height: 40px;
    padding: 8px 16px;
    background: var(--_surface);
  }
`;
