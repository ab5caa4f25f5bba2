// The cue reader loads with the first DATERANGE or ID3 data a stream carries: most streams carry none, and
// those that do get their cues a moment later rather than every viewer downloading the parser up front.
import type Hls from 'hls.js';
import type { FragParsingMetadataData, LevelUpdatedData } from 'hls.js';
import type { TransportContext } from '../transport.js';
import type { HlsCueReader } from './hls-cue-reader.js';

type Call = (reader: HlsCueReader) => void;

export class LazyHlsCueReader {
  private reader: HlsCueReader | undefined;
  /** Calls made while the reader loads, replayed in order once it is there. */
  private queue: Call[] | undefined;
  private destroyed = false;

  constructor(
    private readonly hls: Hls,
    private readonly context: TransportContext,
  ) {}

  onLevelUpdated(data: LevelUpdatedData): void {
    if (this.reader || Object.keys(data.details.dateRanges ?? {}).length > 0) this.call((r) => r.onLevelUpdated(data));
  }

  onMetadata(data: FragParsingMetadataData): void {
    if (data.samples.length > 0) this.call((r) => r.onMetadata(data));
  }

  destroy(): void {
    this.destroyed = true;
    this.queue = undefined;
    this.reader?.destroy();
  }

  private call(call: Call): void {
    if (this.destroyed) return;
    if (this.reader || this.queue) {
      if (this.reader) call(this.reader);
      else this.queue?.push(call);
      return;
    }
    this.queue = [call];
    import('./hls-cue-reader.js').then(
      ({ HlsCueReader }) => {
        if (this.destroyed) return;
        const reader = new HlsCueReader(this.hls, this.context);
        this.reader = reader;
        for (const queued of this.queue ?? []) queued(reader);
        this.queue = undefined;
      },
      (error: unknown) => {
        this.queue = undefined; // the next playlist refresh tries again
        this.context.warn({ code: 'bad-cue', message: `could not load the cue reader: ${error}` });
      },
    );
  }
}
