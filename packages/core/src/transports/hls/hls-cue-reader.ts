// Reads cues out of hls.js's view of the stream (DATERANGE tags, ID3 samples) and releases each at its time.
import type Hls from 'hls.js';
import type { FragParsingMetadataData, LevelUpdatedData } from 'hls.js';
import { parseCue } from '../../cues/cue.js';
import { DATERANGE_CUE_ATTRIBUTE, decodeDateRangeCue, readId3CuePayloads } from '../../cues/hls-cues.js';
import type { TransportContext } from '../transport.js';

const MAX_WAIT_MS = 60_000; // a cue more than a minute ahead of the playhead is released when it gets closer

export class HlsCueReader {
  private readonly seen = new Set<string>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly hls: Hls,
    private readonly context: TransportContext,
  ) {}

  onLevelUpdated(data: LevelUpdatedData): void {
    const ranges = data.details.dateRanges ?? {};
    for (const [id, range] of Object.entries(ranges)) {
      if (!range || this.seen.has(id)) continue;
      const attributes = range.attr as unknown as Record<string, string | undefined>;
      if (attributes[DATERANGE_CUE_ATTRIBUTE] === undefined) continue; // someone else's DATERANGE (ads, chapters)
      this.seen.add(id);
      const bytes = decodeDateRangeCue(attributes);
      const start = range.startDate?.getTime();
      const result = parseCue(bytes, 'hls-daterange', Number.isFinite(start) ? start : undefined);
      if (!result.ok) {
        this.context.warn({ code: 'bad-cue', message: `DATERANGE ${id.slice(0, 64)}: ${result.reason}` });
        continue;
      }
      const playingDate = this.hls.playingDate?.getTime();
      const wait = start !== undefined && playingDate !== undefined ? start - playingDate : 0;
      this.release(() => this.context.cue(result.cue), wait);
    }
    if (this.seen.size > 1000) this.seen.clear(); // the Viewer de-duplicates by cue id as well
  }

  onMetadata(data: FragParsingMetadataData): void {
    for (const sample of data.samples) {
      for (const payload of readId3CuePayloads(sample.data)) {
        const result = parseCue(payload, 'hls-id3');
        if (!result.ok) {
          this.context.warn({ code: 'bad-cue', message: `ID3 cue: ${result.reason}` });
          continue;
        }
        const wait = (sample.pts - this.context.video.currentTime) * 1000;
        this.release(() => this.context.cue(result.cue), wait);
      }
    }
  }

  destroy(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private release(emit: () => void, waitMs: number): void {
    if (!(waitMs > 0)) {
      emit();
      return;
    }
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        emit();
      },
      Math.min(waitMs, MAX_WAIT_MS),
    );
    this.timers.add(timer);
  }
}
