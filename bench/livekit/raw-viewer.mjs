// The baseline page's script: what a developer writes with livekit-client alone (bundled and minified by
// esbuild for the bench). Token from the endpoint, join, attach the first video track, nothing else.
import { Room, RoomEvent, Track } from 'livekit-client';

const params = new URLSearchParams(location.search);
const video = document.querySelector('video');
const response = await fetch(params.get('tokenUrl'), {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ room: params.get('room') }),
});
const { token, url } = await response.json();
const room = new Room({ adaptiveStream: true, dynacast: true });
room.on(RoomEvent.TrackSubscribed, (track) => {
  if (track.kind === Track.Kind.Video) track.attach(video);
});
await room.connect(url, token);
window.__room = room;
