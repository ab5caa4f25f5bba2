// A widget shown and hidden by the host's cue through a real <live-player> on the test bed's live
// HLS origin: the cue travels as an EXT-X-DATERANGE (X-LIVEHOOK-CUE) in the playlist.

import { expect } from '@esm-bundle/chai';
import { encodeDateRangeCue } from '@livehook/core';
import '../../../player/src/define.js';
import '../define.js';
import { channel } from '../../../core/src/test/testbed.js';
import type { LiveGroupQr } from '../group-qr/live-group-qr.js';
import { clearLivehookStorage, fixture, recordEvents, until } from '../test/helpers.js';

describe('cues through a real <live-player>', () => {
  it('shows the widget on widget.show and hides it on widget.hide', async () => {
    clearLivehookStorage();
    const recorder = recordEvents();
    const live = await channel('widget-cue');
    const player = await fixture<HTMLElement & { state?: string }>(
      `<live-player src="${live.url}" autoplay muted room="cue-room">
        <live-group-qr id="fan-qr" trigger="cue" href="https://chat.whatsapp.com/CueGroup"></live-group-qr>
      </live-player>`,
    );
    const widget = player.querySelector('live-group-qr') as LiveGroupQr;
    try {
      await until(() => player.state === 'playing', 'player playing', 60_000);
      expect(widget.open).to.equal(false);

      const show = { v: 1, id: `show-${Date.now()}`, type: 'widget.show', target: 'fan-qr' };
      await live.fault({ fault: 'daterange', id: show.id, attributes: { 'X-LIVEHOOK-CUE': encodeDateRangeCue(show) } });
      await until(() => widget.open, 'shown by the stream cue', 45_000);
      const shown = recorder.events.find((e) => e.type === 'live-widget-shown')!;
      expect(shown.detail.data.trigger).to.equal('cue');
      expect(shown.detail.room).to.equal('cue-room');

      const hide = { v: 1, id: `hide-${Date.now()}`, type: 'widget.hide', target: 'fan-qr' };
      await live.fault({ fault: 'daterange', id: hide.id, attributes: { 'X-LIVEHOOK-CUE': encodeDateRangeCue(hide) } });
      await until(() => !widget.open, 'hidden by the stream cue', 45_000);
    } finally {
      recorder.stop();
      player.remove();
      await live.clear();
    }
  });
});
