// Bad input never breaks the host page: a clear error overlay, exactly one console.error naming the cause, nothing thrown.
import { expect } from '@esm-bundle/chai';
import {
  addPlayer,
  captureConsoleErrors,
  captureUncaught,
  channel,
  fault,
  hlsOrigin,
  isShown,
  masterUrl,
  part,
  removePlayers,
  sleep,
  waitForState,
} from '../test/fixture.js';

describe('<live-player> bad input', function () {
  this.timeout(120_000);
  let consoleErrors: ReturnType<typeof captureConsoleErrors>;
  let uncaught: ReturnType<typeof captureUncaught>;

  beforeEach(() => {
    consoleErrors = captureConsoleErrors();
    uncaught = captureUncaught();
  });

  afterEach(() => {
    consoleErrors.restore();
    uncaught.restore();
    removePlayers();
  });

  async function expectErrorState(
    attributes: Record<string, string | boolean>,
    mentions: string[],
    timeoutMs = 15_000,
  ) {
    const player = addPlayer(attributes);
    await waitForState(player, 'error', timeoutMs);
    const overlay = part(player, 'error');
    expect(isShown(overlay)).to.equal(true);
    expect(overlay!.getAttribute('role')).to.equal('alert');
    expect(isShown(part(player, 'retry-button'))).to.equal(true);
    await sleep(500); // nothing more is logged afterwards
    expect(consoleErrors.messages, consoleErrors.messages.join('\n')).to.have.length(1);
    for (const text of mentions) expect(consoleErrors.messages[0]).to.contain(text);
    expect(consoleErrors.messages[0]).to.match(/^<live-player>: /);
    expect(uncaught.errors).to.deep.equal([]);
    return player;
  }

  it('a javascript: src shows the error overlay and logs one error naming it', async () => {
    const player = await expectErrorState({ src: 'javascript:alert(1)', controls: true }, [
      'src "javascript:alert(1)"',
      'http(s)',
    ]);
    expect(player.error?.code).to.equal('bad-source');
    expect(part(player, 'error')!.textContent).to.contain('The stream address is not valid');
  });

  it('a malformed src shows the error overlay and logs one error', async () => {
    await expectErrorState({ src: 'http://', autoplay: true }, ['src "http://"', 'not a valid URL']);
  });

  it('a missing src shows the error overlay and logs one error', async () => {
    await expectErrorState({ autoplay: true }, ['no source given']);
  });

  it('a browser that can play no HLS shows the error overlay and logs one error', async () => {
    // Every MSE constructor hls.js looks for: WebKit also has ManagedMediaSource (and the old WebKitMediaSource).
    const mseNames = ['MediaSource', 'ManagedMediaSource', 'WebKitMediaSource'].filter((name) => name in window);
    const saved = mseNames.map((name) => Object.getOwnPropertyDescriptor(window, name));
    const canPlayType = HTMLMediaElement.prototype.canPlayType;
    for (const name of mseNames) {
      Object.defineProperty(window, name, { value: undefined, configurable: true, writable: true });
    }
    HTMLMediaElement.prototype.canPlayType = () => '';
    try {
      const player = await expectErrorState({ src: await masterUrl(channel('nomse')), autoplay: true }, [
        'neither MSE nor native HLS',
      ]);
      expect(player.error?.code).to.equal('unsupported');
    } finally {
      mseNames.forEach((name, i) => {
        if (saved[i]) Object.defineProperty(window, name, saved[i]);
      });
      HTMLMediaElement.prototype.canPlayType = canPlayType;
    }
  });

  it('a garbled playlist ends in the error state with one error naming the cause', async function () {
    this.timeout(180_000);
    await hlsOrigin();
    const ch = channel('garbled');
    await fault(ch, { fault: 'garbled', mode: 'bytes' });
    const player = await expectErrorState(
      { src: await masterUrl(ch), autoplay: true, muted: true },
      ['not valid HLS', `/live/${ch}/master.m3u8`],
      60_000,
    );
    expect(player.error?.code).to.equal('bad-playlist');
  });

  it('Retry tries again and says so once more if it still fails', async () => {
    const player = await expectErrorState({ src: 'ftp://example.com/live.m3u8' }, ['ftp:']);
    part(player, 'retry-button')!.click();
    await waitForState(player, 'error');
    expect(consoleErrors.messages).to.have.length(2);
    expect(uncaught.errors).to.deep.equal([]);
  });
});
