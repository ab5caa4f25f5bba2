// Defers a transport's own code, not just its engine, until a source of its kind is tried:
// a page that only plays HLS never downloads the LiveKit transport.
import type { QualityChoice } from '../quality/quality.js';
import type { Transport, TransportContext, TransportFactory } from './transport.js';

export function lazyTransportFactory<S>(
  kind: string,
  load: () => Promise<TransportFactory<S>>,
  limits: Pick<TransportFactory<S>, 'firstFrameTimeout' | 'maxOutage'> = {},
): TransportFactory<S> {
  return { kind, ...limits, create: (source, context) => new LazyTransport(kind, () => load(), source, context) };
}

class LazyTransport<S> implements Transport {
  private inner: Transport | undefined;
  private destroyed = false;
  private quality: QualityChoice | undefined;

  constructor(
    readonly kind: string,
    private readonly load: () => Promise<TransportFactory<S>>,
    private readonly source: S,
    private readonly context: TransportContext,
  ) {}

  async start(): Promise<void> {
    const factory = await this.load();
    if (this.destroyed) return;
    this.inner = factory.create(this.source, this.context);
    if (this.quality !== undefined) this.inner.setQuality(this.quality);
    return this.inner.start();
  }

  setQuality(choice: QualityChoice): void {
    this.quality = choice;
    this.inner?.setQuality(choice);
  }
  seekToLive(): void {
    this.inner?.seekToLive();
  }
  behindLive(): number | undefined {
    return this.inner?.behindLive?.();
  }
  unlockAudio(): void {
    this.inner?.unlockAudio?.();
  }
  startupStage(): string {
    return this.inner?.startupStage?.() ?? `loading the ${this.kind} transport`;
  }
  destroy(): void {
    this.destroyed = true;
    this.inner?.destroy();
  }
}
