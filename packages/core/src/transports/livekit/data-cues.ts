// Reads cues from LiveKit data packets on a reserved topic: same shape and validation as HLS cues,
// never throws, and a flood of bad packets turns into a few warnings rather than a thousand.
import { type Cue, MAX_CUE_BYTES, parseCue } from '../../cues/cue.js';
import type { ViewerWarning } from '../transport.js';

/** The data topic cues travel on. Other topics are the app's own business and are ignored. */
export const LIVEKIT_CUE_TOPIC = 'livehook.cue';

export interface CueSink {
  cue(cue: Cue): void;
  warn(warning: ViewerWarning): void;
}

const WARNINGS_PER_WINDOW = 5;
const WINDOW_MS = 10_000;

export class DataCueReader {
  private windowStart = Number.NEGATIVE_INFINITY;
  private warnedInWindow = 0;
  private suppressed = 0;

  constructor(
    private readonly sink: CueSink,
    private readonly topic: string = LIVEKIT_CUE_TOPIC,
    private readonly now: () => number = Date.now,
  ) {}

  /** One data packet as livekit-client delivers it (`RoomEvent.DataReceived`). */
  read(payload: unknown, topic: string | undefined): void {
    if (topic !== this.topic) return;
    try {
      if (!(payload instanceof Uint8Array)) this.bad('not binary data');
      else if (payload.byteLength > MAX_CUE_BYTES) this.bad(`larger than ${MAX_CUE_BYTES} bytes`);
      else {
        const result = parseCue(payload, 'livekit');
        if (result.ok) this.sink.cue(result.cue);
        else this.bad(result.reason);
      }
    } catch (error) {
      // parseCue never throws; a listener downstream might. Playback must not care.
      this.bad(String((error as Error)?.message ?? error));
    }
  }

  private bad(reason: string): void {
    const now = this.now();
    if (now - this.windowStart >= WINDOW_MS) {
      this.windowStart = now;
      this.warnedInWindow = 0;
    }
    if (this.warnedInWindow >= WARNINGS_PER_WINDOW) {
      this.suppressed++;
      return;
    }
    this.warnedInWindow++;
    const more = this.suppressed ? ` (${this.suppressed} more bad cues were not reported)` : '';
    this.suppressed = 0;
    this.sink.warn({ code: 'bad-cue', message: `LiveKit data cue: ${reason}${more}` });
  }
}
