// <live-coupon>: the flash offer the host opens live by cue ("¥100 off over ¥500, 10 minutes only").
// Shows time left and what's left, claims through the shop's endpoint (idempotent per viewer).
import type { Cue } from '@livehook/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { copyText } from '../shared/clipboard.js';
import { clock } from '../shared/clock.js';
import { icon } from '../shared/icons.js';
import { clampId, clampText } from '../shared/text.js';
import type { Trigger } from '../shared/triggers.js';
import { type ClaimAnswer, validateClaim } from '../shared/validators.js';
import { viewerIdentity } from '../shared/viewer-id.js';
import { LiveWidget } from '../shared/widget.js';
import { couponStyles } from './live-coupon.styles.js';

export const CouponState = {
  Open: 'open',
  Claiming: 'claiming',
  Claimed: 'claimed',
  SoldOut: 'soldout',
  Expired: 'expired',
  Error: 'error',
} as const;
export type CouponState = (typeof CouponState)[keyof typeof CouponState];

/** What a `widget.show` cue may set on a coupon (`data`); everything is optional and validated. */
export interface CouponCueData {
  coupon?: string;
  /** ISO 8601 or ms since the epoch. */
  endsAt?: string | number;
  /** Seconds from now. */
  duration?: number;
  remaining?: number;
  total?: number;
  headline?: string;
  detail?: string;
  label?: string;
}

/**
 * A flash offer the host opens during the stream by cue, e.g. "first 50 orders get a gift" or
 * "¥100 off over ¥500, 10 minutes only". Shows the time left and, when known, how many are left;
 * claiming POSTs to `claim-url`, which must be idempotent per viewer (a second claim returns the first
 * answer). Sold out and expired are their own clear states.
 *
 * A `widget.show` cue for this coupon may carry `data: { coupon, endsAt | duration, remaining, total,
 * headline, detail, label }`; a later cue updates what is shown (e.g. the count left).
 *
 * @tagname live-coupon
 * @summary A live flash coupon: countdown, stock left, one-tap claim.
 *
 * @slot headline - Replaces the `headline` text.
 * @slot detail - Replaces the `detail` text.
 *
 * @csspart card - The card.
 * @csspart sheet - The `<dialog>` in `display="sheet"`.
 * @csspart close - The close button.
 * @csspart placeholder - The set-up note shown until the element is configured.
 * @csspart headline - The headline.
 * @csspart detail - The conditions line.
 * @csspart ticket - The coupon ticket.
 * @csspart reward-label - The big offer text (e.g. "¥100 OFF").
 * @csspart time-left - The "ends in" countdown.
 * @csspart stock - The "n left" line and bar.
 * @csspart claim-button - The claim button.
 * @csspart code - The code returned by a claim, if any.
 * @csspart copy-button - The copy button for that code.
 * @csspart error - The error message and retry button.
 *
 * @cssprop [--live-widget-accent=#d9183b] - Buttons and badges.
 * @cssprop [--live-widget-accent-strong=#b3102d] - Hover and accent text.
 * @cssprop [--live-widget-on-accent=#fff] - Text on accent buttons.
 * @cssprop [--live-widget-surface=#fff] - Card background.
 * @cssprop [--live-widget-text=#18181b] - Text.
 * @cssprop [--live-widget-muted=#55555f] - Secondary text.
 * @cssprop [--live-widget-border=#e7e4e4] - Card border.
 * @cssprop [--live-widget-tint=#fff1f3] - Ticket and badge background.
 * @cssprop [--live-widget-reward-color=#c8102e] - The offer text.
 * @cssprop [--live-widget-radius=16px] - Card corner radius.
 * @cssprop [--live-widget-font] - Font family.
 * @cssprop [--live-widget-focus-color=#1d4ed8] - Keyboard focus ring.
 * @cssprop [--live-widget-max-width=440px] - Widest the inline card grows.
 *
 * @fires live-widget-shown - The offer appeared. `detail`: LeadEvent `widget.shown`.
 * @fires live-widget-dismissed - The viewer closed it. `detail`: LeadEvent `widget.dismissed`.
 * @fires live-coupon-claimed - The claim succeeded. `detail`: LeadEvent `coupon.claimed` (`data.coupon`, `data.remaining`).
 * @fires live-coupon-soldout - The viewer met a sold-out offer. `detail`: LeadEvent `coupon.soldout` (`data.coupon`).
 * @fires live-reward-copied - The claimed code was copied. `detail`: LeadEvent `reward.copied`.
 */
export class LiveCoupon extends LiveWidget {
  static override styles = [...LiveWidget.styles, couponStyles];
  protected readonly widgetName = 'coupon';
  protected override readonly defaultTrigger: Trigger = 'cue';

  /** The offer's id, sent to `claim-url` (a cue may set it). */
  @property() coupon = '';

  /** Shop endpoint the claim is POSTed to: answers `{ status, code?, remaining? }`. */
  @property({ attribute: 'claim-url' }) claimUrl = '';

  /** Headline, e.g. "First 50 orders get a gift". */
  @property() headline = '';

  /** Conditions, e.g. "Orders over ¥500 · 10 minutes only". */
  @property() detail = '';

  /** The offer in big type, e.g. "¥100 OFF". */
  @property({ attribute: 'reward-label' }) rewardLabel = '';

  /** When the offer ends, ISO 8601 (a cue's `endsAt` or `duration` overrides it). */
  @property({ attribute: 'ends-at' }) endsAt = '';

  /** Seconds the offer lasts from when it opens, if there is no `ends-at`. */
  @property({ type: Number }) duration = 0;

  /** How many are left, if known (a cue or a claim answer updates it). */
  @property({ type: Number }) remaining: number | undefined;

  /** How many there were in all, for the stock bar. */
  @property({ type: Number }) total: number | undefined;

  /**
   * Reflected, read-only: `open`, `claiming`, `claimed`, `soldout`, `expired` or `error`, for CSS.
   * @readonly
   */
  @property({ reflect: true }) state: CouponState = 'open';

  @state() private endTime: number | undefined;
  @state() private nowTime = clock.now();
  @state() private code = '';
  @state() private errorMessage = '';
  @state() private copied: 'yes' | 'manual' | '' = '';
  @state() private cueText: { headline?: string; detail?: string; label?: string } = {};
  private ticker: ReturnType<typeof setInterval> | undefined;
  private soldOutReported = '';

  /** The offer id in use (a cue's, else the attribute's). */
  get couponId(): string {
    return clampId(this.coupon);
  }

  /** Claims the offer (what the claim button does). */
  claim(): Promise<void> {
    return this.doClaim();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.ticker = setInterval(() => this.tick(), 1000);
    if (this.state === 'claiming') this.state = 'open';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  protected override get capKey(): string {
    return `coupon:${this.couponId || clampId(this.id) || 'coupon'}`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('endsAt')) {
      const at = Date.parse(this.endsAt);
      if (this.endsAt.trim() && Number.isNaN(at)) this.report('ends-at refused: not an ISO 8601 date');
      if (!Number.isNaN(at)) this.endTime = at;
    }
    if (changed.has('remaining') && this.remaining === 0 && (this.state === 'open' || this.state === 'error')) {
      this.setSoldOut();
    }
  }

  protected override reveal(trigger: Trigger): void {
    this.nowTime = clock.now();
    if (this.endTime === undefined && this.duration > 0) this.endTime = clock.now() + this.duration * 1000;
    super.reveal(trigger);
  }

  protected override cueShow(cue: Cue): void {
    const data = (cue.data ?? {}) as Record<string, unknown>;
    const id = typeof data.coupon === 'string' ? clampId(data.coupon) : '';
    const isNewOffer = Boolean(id && id !== this.couponId);
    if (isNewOffer) {
      this.coupon = id;
      this.code = '';
      this.errorMessage = '';
      this.state = 'open';
      this.endTime = undefined;
      this.remaining = undefined;
      this.total = undefined;
      this.cueText = {};
      this.shown = false;
    }
    const text = { ...this.cueText };
    for (const key of ['headline', 'detail', 'label'] as const)
      if (typeof data[key] === 'string') text[key] = data[key] as string;
    this.cueText = text;
    if (typeof data.endsAt === 'string' || typeof data.endsAt === 'number') {
      const at = typeof data.endsAt === 'number' ? data.endsAt : Date.parse(data.endsAt);
      if (Number.isFinite(at)) this.endTime = at;
    } else if (typeof data.duration === 'number' && data.duration > 0 && data.duration < 86_400) {
      this.endTime = (cue.time ?? clock.now()) + data.duration * 1000;
    }
    this.nowTime = clock.now();
    if (isCount(data.total)) this.total = data.total;
    if (isCount(data.remaining)) this.remaining = data.remaining;
    if (this.shown) return; // an update to the offer on screen
    this.autoShow('cue');
  }

  protected missingConfig(): string[] {
    const missing: string[] = [];
    if (!this.safeLink(this.claimUrl, 'claim-url')) missing.push('claim-url (http/https)');
    // With the cue trigger the offer's id may arrive in the cue's data.
    if (!this.couponId && !this.triggers.has('cue')) missing.push('coupon');
    return missing;
  }

  private tick(): void {
    if (!this.open) return;
    this.nowTime = clock.now();
    if (
      this.endTime !== undefined &&
      this.nowTime >= this.endTime &&
      (this.state === 'open' || this.state === 'error')
    ) {
      this.state = 'expired';
    }
  }

  private view(): CouponState {
    const forced = this.previewState;
    if ((Object.values(CouponState) as string[]).includes(forced)) return forced as CouponState;
    return this.state;
  }

  protected renderBody(): TemplateResult {
    const current = this.view();
    const headline = clampText(this.cueText.headline ?? this.headline) || this.t('flashOffer');
    const detail = clampText(this.cueText.detail ?? this.detail);
    const label = clampText(this.cueText.label ?? this.rewardLabel, 40);
    const over = current === 'soldout' || current === 'expired';
    return html`
      <div class="top">
        <span class="badge solid">${icon('bolt')}${this.t('flashOffer')}</span>
        ${current === 'open' || current === 'claiming' || current === 'error' ? this.renderTimeLeft() : nothing}
      </div>
      <p class="headline" id="headline" part="headline"><slot name="headline">${headline}</slot></p>
      <div class=${over ? 'ticket over' : 'ticket'} part="ticket">
        ${label ? html`<span class="reward-value" part="reward-label">${label}</span>` : nothing}
        ${detail || this.querySelector(':scope > [slot="detail"]') ? html`<span class="reward-caption" part="detail"><slot name="detail">${detail}</slot></span>` : nothing}
        ${current === 'soldout' ? html`<span class="stamp">${this.t('soldOut')}</span>` : nothing}
      </div>
      ${current === 'open' || current === 'claiming' || current === 'error' ? this.renderStock() : nothing}
      ${this.renderState(current)}
      <p class="sr-only" role="status">${this.statusText(current)}</p>
    `;
  }

  private renderTimeLeft(): TemplateResult | typeof nothing {
    const end = this.isPreview && this.endTime === undefined ? clock.now() + 9 * 60_000 + 41_000 : this.endTime;
    if (end === undefined) return nothing;
    const left = Math.max(0, Math.ceil((end - this.nowTime) / 1000));
    const h = Math.floor(left / 3600);
    const m = Math.floor((left % 3600) / 60);
    const s = left % 60;
    const time = `${h ? `${h}:` : ''}${String(m).padStart(h ? 2 : 1, '0')}:${String(s).padStart(2, '0')}`;
    return html`<span class="time-left" part="time-left" role="timer">${icon('bell')}${this.t('endsIn', { time })}</span>`;
  }

  private renderStock(): TemplateResult | typeof nothing {
    const remaining = this.isPreview && this.remaining === undefined ? 12 : this.remaining;
    const total = this.isPreview && this.total === undefined ? 50 : this.total;
    if (remaining === undefined) return nothing;
    const text = this.t('remaining', { count: String(remaining) });
    return html`<div class="stock" part="stock">
      <span>${text}</span>
      ${total && total >= remaining ? html`<progress max=${total} .value=${remaining} aria-label=${text}></progress>` : nothing}
    </div>`;
  }

  private renderState(current: CouponState): TemplateResult {
    switch (current) {
      case 'claiming':
        return html`<button class="primary" part="claim-button" type="button" disabled>
          <span class="spinner" aria-hidden="true"></span><span>${this.t('claiming')}</span>
        </button>`;
      case 'claimed':
        return this.renderClaimed();
      case 'soldout':
        return html`<div class="over-note"><p class="over-title">${this.t('soldOut')}</p><p class="muted">${this.t('soldOutHint')}</p></div>`;
      case 'expired':
        return html`<div class="over-note"><p class="over-title">${this.t('expired')}</p><p class="muted">${this.t('expiredHint')}</p></div>`;
      case 'error':
        return html`<div class="error" part="error" role="alert">
          <p>${this.errorMessage || this.t('error.server')}</p>
          <button class="secondary" type="button" @click=${this.onClaim}>${this.t('retry')}</button>
        </div>`;
      default:
        return html`<button class="primary" part="claim-button" type="button" @click=${this.onClaim}>${this.t('claim')}</button>`;
    }
  }

  private renderClaimed(): TemplateResult {
    const code = this.code || (this.previewState === 'claimed' ? 'FLASH100' : '');
    return html`<div class="claimed">
      <p class="success">${icon('check')}<span>${this.t('claimed')}</span></p>
      ${
        code
          ? html`<div class="code-row">
              <span class="code" part="code">${code}</span>
              <button class="secondary copy" part="copy-button" type="button" @click=${this.onCopy}>
                ${icon(this.copied === 'yes' ? 'check' : 'copy')}<span>${this.copied === 'yes' ? this.t('copied') : this.t('copy')}</span>
              </button>
            </div>`
          : html`<p class="muted">${this.t('claimedHint')}</p>`
      }
      ${this.copied === 'manual' ? html`<p class="muted">${this.t('copyManual')}</p>` : nothing}
    </div>`;
  }

  private statusText(current: CouponState): string {
    if (current === 'claiming') return this.t('claiming');
    if (current === 'claimed') return this.t('claimed');
    if (current === 'soldout') return this.t('soldOut');
    if (current === 'expired') return this.t('expired');
    return '';
  }

  private onClaim = (): void => {
    void this.doClaim();
  };

  private async doClaim(): Promise<void> {
    if (this.isPreview || (this.state !== 'open' && this.state !== 'error')) return;
    const url = this.safeLink(this.claimUrl, 'claim-url');
    const coupon = this.couponId;
    if (!url || !coupon) {
      this.errorMessage = this.t('error.invalid');
      this.state = 'error';
      return;
    }
    this.state = 'claiming';
    const viewer = viewerIdentity().id;
    const room = this.resolvedRoom;
    try {
      const answer = await this.request({
        url,
        method: 'POST',
        body: { viewer, coupon, ...(room && { room }) },
        // Retries after a timeout must not claim twice: the shop keys the claim by viewer and coupon.
        headers: { 'Idempotency-Key': `${viewer}:${coupon}` },
        validate: validateClaim,
      });
      if (coupon !== this.couponId) return; // a new offer opened meanwhile
      this.apply(answer);
    } catch (error) {
      if (this.isAbort(error)) return;
      this.errorMessage = this.errorText(error);
      this.state = 'error';
    }
  }

  private apply(answer: ClaimAnswer): void {
    if (answer.remaining !== undefined) this.remaining = answer.remaining;
    if (answer.status === 'claimed') {
      this.code = answer.code ?? '';
      this.state = 'claimed';
      this.emit('live-coupon-claimed', {
        coupon: this.couponId,
        ...(answer.remaining !== undefined && { remaining: answer.remaining }),
      });
    } else if (answer.status === 'soldout') {
      this.setSoldOut();
    } else {
      this.state = 'expired';
    }
  }

  private setSoldOut(): void {
    this.state = 'soldout';
    if (this.soldOutReported === this.couponId || !this.shown) return;
    this.soldOutReported = this.couponId;
    this.emit('live-coupon-soldout', { coupon: this.couponId });
  }

  private onCopy = async (): Promise<void> => {
    if (!this.code) return;
    const done = await copyText(this.code);
    this.copied = done ? 'yes' : 'manual';
    if (done) this.emit('live-reward-copied', { coupon: this.couponId });
  };
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1e9;
}
