// <live-follow-unlock>'s own look: the locked teaser and the confirm step.
import { css } from 'lit';

export const followUnlockStyles = css`
  .ticket.locked {
    grid-template-columns: 1fr auto;
    align-items: center;
  }
  .code-mask {
    color: color-mix(in srgb, var(--_reward) 55%, transparent);
    font-size: 18px;
    font-weight: 900;
    letter-spacing: 0.12em;
    filter: blur(1.5px);
  }
  .confirm {
    display: grid;
    gap: 8px;
  }
  .copy {
    min-height: 40px;
    padding: 8px 16px;
    background: var(--_surface);
  }
`;
