// Picks whose video and audio a viewer watches: the configured host, else the first participant
// publishing camera or screen video; sticks with them while they publish, follows a new one when they stop.

/** A published track as the picker sees it (livekit-client's Track.Source values). */
export interface TrackCandidate {
  readonly sid: string;
  readonly kind: 'audio' | 'video' | (string & {});
  /** 'camera' | 'screen_share' | 'microphone' | 'screen_share_audio' | 'unknown' */
  readonly source: string;
}

export interface ParticipantCandidate {
  readonly identity: string;
  /** ms since epoch; earlier joiners win when no host is configured. */
  readonly joinedAt?: number;
  readonly tracks: readonly TrackCandidate[];
}

export interface HostChoice {
  readonly identity: string;
  readonly video: TrackCandidate;
  readonly audio?: TrackCandidate;
}

export interface HostPickOptions {
  /** Only this identity is the host. */
  readonly identity?: string;
  /** The host watched now: kept while they still publish video, so a second publisher does not steal the screen. */
  readonly current?: string;
}

const VIDEO_SOURCES = ['camera', 'screen_share'];
const AUDIO_SOURCES = ['microphone', 'screen_share_audio'];

/** The host to watch, or undefined when nobody publishes video yet (pre-live, or between hosts). */
export function pickHost(
  participants: Iterable<ParticipantCandidate>,
  { identity, current }: HostPickOptions = {},
): HostChoice | undefined {
  const list = [...participants];
  const eligible = list
    .map((p, order) => ({ p, order, video: pickTrack(p.tracks, 'video', VIDEO_SOURCES) }))
    .filter((c) => c.video && (identity === undefined || c.p.identity === identity));
  if (eligible.length === 0) return undefined;
  const chosen =
    eligible.find((c) => c.p.identity === current) ??
    eligible.sort((a, b) => (a.p.joinedAt ?? 0) - (b.p.joinedAt ?? 0) || a.order - b.order)[0]!;
  const audio = pickTrack(chosen.p.tracks, 'audio', AUDIO_SOURCES);
  return { identity: chosen.p.identity, video: chosen.video!, ...(audio && { audio }) };
}

/** Camera before screen share (and microphone before screen audio); an unknown source only as a last resort. */
function pickTrack(tracks: readonly TrackCandidate[], kind: string, preferred: string[]): TrackCandidate | undefined {
  const ofKind = tracks.filter((t) => t.kind === kind);
  for (const source of preferred) {
    const track = ofKind.find((t) => t.source === source);
    if (track) return track;
  }
  return ofKind.find((t) => !t.source || t.source === 'unknown');
}

/**
 * People watching: everyone in the room who publishes nothing (viewers, including this one),
 * leaving out hosts and non-human participants (egress, ingress, agents, SIP).
 */
export function countViewers(participants: Iterable<{ publishes: boolean; human: boolean }>): number {
  let count = 0;
  for (const p of participants) if (p.human && !p.publishes) count++;
  return count;
}
