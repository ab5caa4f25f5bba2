// Which hls.js build a stream gets: the light one for a plain live ladder, the full one for whatever it leaves out.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hlsBuildForConfig } from './hls-build.js';
import { chooseHlsBuild, hlsBuildForPlaylist } from './hls-build-choice.js';

const LADDER = `#EXTM3U
#EXT-X-VERSION:3
#EXT-X-STREAM-INF:BANDWIDTH=2800000,RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2"
720p/index.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=1400000,RESOLUTION=854x480,CODECS="avc1.64001f,mp4a.40.2"
480p/index.m3u8
`;
const withLine = (line: string) => LADDER.replace('#EXT-X-VERSION:3\n', `#EXT-X-VERSION:3\n${line}\n`);
const onStreams = (attribute: string) => LADDER.replaceAll(',CODECS=', `,${attribute},CODECS=`);

describe('hlsBuildForPlaylist', () => {
  it('plays a plain ladder, a media playlist and AES-128 with the light build', () => {
    expect(hlsBuildForPlaylist(LADDER)).toBe('light');
    expect(hlsBuildForPlaylist('#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\nseg_1.ts\n')).toBe('light');
    expect(hlsBuildForPlaylist(onStreams('CLOSED-CAPTIONS=NONE'))).toBe('light');
    expect(hlsBuildForPlaylist(withLine('#EXT-X-KEY:METHOD=AES-128,URI="key.bin"'))).toBe('light');
    expect(hlsBuildForPlaylist(withLine('#EXT-X-KEY:METHOD=AES-128,URI="k",KEYFORMAT="identity"'))).toBe('light');
    // Audio-only groups without their own playlists are the muxed audio: no alternate audio to switch to.
    expect(hlsBuildForPlaylist(withLine('#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="a",NAME="main",DEFAULT=YES'))).toBe('light');
  });

  it('needs the full build for captions, subtitles, alternate audio, DRM, steering, variables and Dolby audio', () => {
    const full = [
      withLine('#EXT-X-MEDIA:TYPE=CLOSED-CAPTIONS,GROUP-ID="cc",NAME="English",INSTREAM-ID="CC1"'),
      onStreams('CLOSED-CAPTIONS="cc"'),
      withLine('#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="中文",LANGUAGE="zh",URI="subs/zh.m3u8"'),
      onStreams('SUBTITLES="subs"'),
      withLine('#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",NAME="English",URI="audio/en.m3u8"'),
      withLine('#EXT-X-SESSION-KEY:METHOD=SAMPLE-AES,URI="skd://key",KEYFORMAT="com.apple.streamingkeydelivery"'),
      withLine(
        '#EXT-X-KEY:METHOD=SAMPLE-AES-CTR,URI="data:x",KEYFORMAT="urn:uuid:edef8ba9-79d6-4ace-a3c8-27dcd51d21ed"',
      ),
      withLine('#EXT-X-CONTENT-STEERING:SERVER-URI="/steering"'),
      withLine('#EXT-X-DEFINE:NAME="host",VALUE="cdn.example"'),
      LADDER.replaceAll('mp4a.40.2', 'ec-3'),
    ];
    for (const playlist of full) expect(hlsBuildForPlaylist(playlist), playlist).toBe('full');
  });

  it('gives a playlist it could not read the full build', () => {
    expect(hlsBuildForPlaylist(undefined)).toBe('full');
    expect(hlsBuildForPlaylist('<html>not found</html>')).toBe('full');
  });
});

describe('hlsBuildForConfig', () => {
  it('needs the full build only for settings that only the full build reads', () => {
    expect(hlsBuildForConfig()).toBeUndefined();
    expect(hlsBuildForConfig({ maxBufferLength: 10, lowLatencyMode: true })).toBeUndefined();
    expect(hlsBuildForConfig({ enableCEA708Captions: true })).toBe('full');
    expect(hlsBuildForConfig({ emeEnabled: true })).toBe('full');
    expect(hlsBuildForConfig({ cmcd: { sessionId: 'x' } })).toBe('full');
    expect(hlsBuildForConfig({ subtitleDisplay: true, drmSystems: {} })).toBe('full');
    expect(hlsBuildForConfig({ enableCEA708Captions: undefined })).toBeUndefined(); // not set after all
  });
});

describe('chooseHlsBuild', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('follows the settings first, then the prefetched playlist', async () => {
    expect(await chooseHlsBuild({ enableWebVTT: true }, Promise.resolve({ text: LADDER }))).toBe('full');
    expect(await chooseHlsBuild({}, Promise.resolve({ text: LADDER }))).toBe('light');
    expect(await chooseHlsBuild({}, Promise.resolve({ text: onStreams('CLOSED-CAPTIONS="cc"') }))).toBe('full');
  });

  it('takes the full build when there is no playlist to read: not prefetched, not started yet (404) or hanging', async () => {
    expect(await chooseHlsBuild({}, undefined)).toBe('full');
    expect(await chooseHlsBuild({}, Promise.resolve(undefined))).toBe('full');
    vi.useFakeTimers();
    const hanging = chooseHlsBuild({}, new Promise<never>(() => undefined), 5000);
    await vi.advanceTimersByTimeAsync(5000);
    expect(await hanging).toBe('full');
    expect(vi.getTimerCount()).toBe(0);
  });
});
