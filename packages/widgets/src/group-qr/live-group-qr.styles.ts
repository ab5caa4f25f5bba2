// <live-group-qr>'s own look: the QR code on a white plate, centred, with its hint.
import { css } from 'lit';

export const groupQrStyles = css`
  .qr-block {
    display: grid;
    justify-items: center;
    gap: 10px;
    margin: 4px 0 0;
  }
  .qr-frame {
    display: grid;
    place-items: center;
    width: calc(var(--live-group-qr-size, 200px) + 24px);
    height: calc(var(--live-group-qr-size, 200px) + 24px);
    padding: 12px;
    border-radius: 14px;
    background: #fff;
    box-shadow: inset 0 0 0 1px var(--_border);
    color: var(--_muted);
  }
  .qr-frame.loading {
    justify-self: center;
  }
  .qr-frame img {
    display: block;
    width: var(--live-group-qr-size, 200px);
    height: var(--live-group-qr-size, 200px);
    object-fit: contain;
    image-rendering: pixelated;
    /* WeChat needs the long-press to reach the image itself. */
    -webkit-touch-callout: default;
    user-select: auto;
  }
  .hint {
    margin: 0;
    color: var(--_text);
    font-size: 14px;
    font-weight: 600;
    text-align: center;
  }
  .open-link {
    justify-self: center;
  }
  .expires {
    text-align: center;
    font-size: 13px;
  }
`;
