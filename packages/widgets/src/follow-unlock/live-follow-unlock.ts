// <live-follow-unlock>: a locked reward card. The viewer follows the shop; only then is the reward
// asked from the shop's server and revealed, with copy-to-clipboard. Unlocked survives a reload.
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { copyText } from '../shared/clipboard.js';
import { formatDateTime } from '../shared/i18n/locale.js';
import { icon } from '../shared/icons.js';
import { readJson, removeKey, storageKey, writeJson } from '../shared/storage.js';
import { clampText } from '../shared/text.js';
import { type Reward, validateFollow, validateReward } from '../shared/validators.js';
import { viewerIdentity } from '../shared/viewer-id.js';
import { LiveWidget } from '../shared/widget.js';
import { followUnlockStyles } from './live-follow-unlock.styles.js';

export const FollowUnlockState = {
  Locked: 'locked',
  Pending: 'pending',
  Unlocked: 'unlocked',
  Error: 'error',
} as const;
export type FollowUnlockState = (typeof FollowUnlockState)[keyof typeof FollowUnlockState];

export type FollowMode = 'post' | 'link' | 'event';

/** What the element is waiting for while `pending`. */
type Step = 'follow' | 'host' | 'link' | 'reward';

const SAMPLE_REWARD: Reward = {
  code: 'LIVE20',
  title: '¥20 off your next order',
  expiresAt: new Date(Date.UTC(2030, 11, 31, 15, 59)).toISOString(),
  applyUrl: 'https://shop.example/cart',
};

/**
 * A reward the viewer unlocks by following the shop ("Follow us to unlock ¥20 off").
 *
 * The follow is one of: a POST to `follow-url` (with the shop's cookies), an external `follow-href`
 * opened in a new tab, or the host page's own flow (`follow-mode="event"`: handle the cancellable
 * `live-follow-clicked`, then call `confirmFollow()`). Only after the follow is confirmed does the
 * element request `reward-url`; the code never appears in markup. Unlocked is remembered per
 * campaign (and viewer) across reloads; the reward is fetched again from `reward-url` then.
 *
 * @tagname live-follow-unlock
 * @summary Follow the shop to unlock a coupon code.
 *
 * @slot headline - Replaces the `headline` text.
 * @slot benefit - Replaces the `benefit` text.
 *
 * @csspart card - The card.
 * @csspart sheet - The `<dialog>` in `display="sheet"`.
 * @csspart close - The close button.
 * @csspart placeholder - The set-up note shown until the element is configured.
 * @csspart headline - The headline.
 * @csspart benefit - The benefit text.
 * @csspart ticket - The reward ticket (teaser while locked, code once unlocked).
 * @csspart reward-label - The big reward text on the ticket (e.g. "¥20 OFF").
 * @csspart code - The unlocked code.
 * @csspart follow-button - The follow action.
 * @csspart copy-button - The copy button.
 * @csspart apply-button - The "use it now" link.
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
 * @cssprop [--live-widget-reward-color=#c8102e] - The reward text.
 * @cssprop [--live-widget-radius=16px] - Card corner radius.
 * @cssprop [--live-widget-shadow] - Card shadow.
 * @cssprop [--live-widget-font] - Font family.
 * @cssprop [--live-widget-focus-color=#1d4ed8] - Keyboard focus ring.
 * @cssprop [--live-widget-max-width=440px] - Widest the inline card grows.
 *
 * @fires live-widget-shown - The card appeared (a trigger fired or `show()`). `detail`: LeadEvent `widget.shown`.
 * @fires live-widget-dismissed - The viewer closed it. `detail`: LeadEvent `widget.dismissed`, `data.reason`.
 * @fires live-follow-clicked - The viewer pressed follow. Cancellable: `preventDefault()` replaces the built-in follow with the host page's own, which ends with `confirmFollow()`. `detail`: LeadEvent `follow.clicked`, `data.mode`.
 * @fires live-follow-confirmed - The follow is confirmed. `detail`: LeadEvent `follow.confirmed`.
 * @fires live-reward-unlocked - The reward was received and shown. `detail`: LeadEvent `reward.unlocked` (`data.title`, never the code).
 * @fires live-reward-copied - The code was copied. `detail`: LeadEvent `reward.copied`.
 */
export class LiveFollowUnlock extends LiveWidget {
  static override styles = [...LiveWidget.styles, followUnlockStyles];
  protected readonly widgetName = 'follow-unlock';

  /** Shop endpoint the follow is POSTed to (with credentials): answers `{ "followed": true }`. */
  @property({ attribute: 'follow-url' }) followUrl = '';

  /** External follow page (the shop's account on a social app), opened in a new tab. */
  @property({ attribute: 'follow-href' }) followHref = '';

  /** `post`, `link` or `event`. Defaults to `post` with `follow-url`, `link` with `follow-href`, else `event`. */
  @property({ attribute: 'follow-mode' }) followMode: FollowMode | '' = '';

  /** Shop endpoint POSTed after the follow: answers `{ code, title, expiresAt, applyUrl? }`. */
  @property({ attribute: 'reward-url' }) rewardUrl = '';

  /**
   * Client-only mode, for public, non-secret codes only: the code is in the page for anyone to read,
   * and is revealed after the follow without asking a server. Use `reward-url` for anything of value.
   */
  @property({ attribute: 'public-code' }) publicCode = '';

  /** The teaser on the locked ticket, e.g. `¥20 OFF`. Not secret: it is in the markup. */
  @property({ attribute: 'reward-label' }) rewardLabel = '';

  /** Headline, e.g. "Follow us to unlock ¥20 off". */
  @property() headline = '';

  /** One line on what following brings. */
  @property() benefit = '';

  /**
   * Reflected, read-only: `locked`, `pending` (following or fetching the reward), `unlocked` or `error`, for CSS.
   * @readonly
   */
  @property({ reflect: true }) state: FollowUnlockState = 'locked';

  @state() private step: Step = 'follow';
  @state() private reward: Reward | undefined;
  @state() private errorMessage = '';
  @state() private copied: 'yes' | 'manual' | '' = '';
  private followConfirmed = false;
  /** The campaign whose remembered unlock was last looked up. */
  private restoredFor: string | undefined;

  /** The unlocked reward, once revealed. */
  get unlockedReward(): Readonly<Reward> | undefined {
    return this.reward;
  }

  /** How the follow happens (from `follow-mode`, else inferred from the URLs). */
  get mode(): FollowMode {
    if (this.followMode === 'post' || this.followMode === 'link' || this.followMode === 'event') return this.followMode;
    if (this.followUrl.trim()) return 'post';
    if (this.followHref.trim()) return 'link';
    return 'event';
  }

  /** The host page's follow flow succeeded (after a cancelled `live-follow-clicked`, or in `link`/`event` mode). */
  confirmFollow(): void {
    if (this.state === 'unlocked' || this.followConfirmed) return;
    void this.followed();
  }

  /** The host page's follow flow was abandoned: back to locked. */
  cancelFollow(): void {
    if (this.state === 'pending' && (this.step === 'host' || this.step === 'link')) this.state = 'locked';
  }

  /** Forgets the unlock for this campaign on this browser (e.g. after the viewer logs out). */
  forgetUnlock(): void {
    removeKey(this.unlockKey);
    this.followConfirmed = false;
    this.restoredFor = this.capKey;
    this.reward = undefined;
    this.state = 'locked';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Left mid-request (moved in the DOM): the request was aborted, so start that step again.
    if (this.state === 'pending' && (this.step === 'follow' || this.step === 'reward')) this.state = 'locked';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A viewer who unlocked before: once the card is on screen, fetch the reward again (no follow).
    if (this.open && !this.isPreview && this.state === 'locked' && this.restoredFor !== this.capKey) {
      this.restoredFor = this.capKey;
      if (this.missingConfig().length === 0 && this.hasUnlockRecord()) {
        this.followConfirmed = true;
        void this.fetchReward();
      }
    }
  }

  protected missingConfig(): string[] {
    const missing: string[] = [];
    const rewardUrl = this.safeLink(this.rewardUrl, 'reward-url');
    if (!rewardUrl && !this.publicCode.trim()) missing.push('reward-url (http/https) | public-code');
    const mode = this.mode;
    if (mode === 'event' && this.followMode !== 'event') missing.push('follow-url | follow-href | follow-mode="event"');
    if (mode === 'post' && !this.safeLink(this.followUrl, 'follow-url')) missing.push('follow-url (http/https)');
    if (mode === 'link' && !this.safeLink(this.followHref, 'follow-href')) missing.push('follow-href (http/https)');
    return missing;
  }

  protected renderBody(): TemplateResult {
    const view = this.view();
    const unlocked = view.state === 'unlocked';
    return html`
      <div class="top">
        ${
          unlocked
            ? html`<span class="badge solid">${icon('unlock')}${this.t('unlocked')}</span>`
            : html`<span class="badge">${icon('lock')}${this.t('locked')}</span>`
        }
      </div>
      <p class="headline" id="headline" part="headline">
        <slot name="headline">${unlocked && view.reward ? clampText(view.reward.title, 200) : clampText(this.headline) || this.t('followHeadline')}</slot>
      </p>
      ${
        unlocked
          ? nothing
          : html`<p class="benefit" part="benefit"><slot name="benefit">${clampText(this.benefit) || this.t('followBenefit')}</slot></p>`
      }
      ${unlocked && view.reward ? this.renderReward(view.reward) : this.renderLocked(view.state)}
      <p class="sr-only" role="status">${this.statusText(view.state)}</p>
    `;
  }

  private view(): { state: FollowUnlockState; reward: Reward | undefined } {
    const forced = this.previewState;
    if (forced === 'unlocked') {
      const title = clampText(this.headline, 200) || clampText(this.rewardLabel, 200) || SAMPLE_REWARD.title;
      return { state: 'unlocked', reward: this.reward ?? { ...SAMPLE_REWARD, title } };
    }
    if (forced === 'pending' || forced === 'error' || forced === 'locked') return { state: forced, reward: undefined };
    return { state: this.state, reward: this.reward };
  }

  private renderLocked(current: FollowUnlockState): TemplateResult {
    const label = clampText(this.rewardLabel, 40);
    return html`
      ${
        label
          ? html`<div class="ticket locked" part="ticket">
              <span class="reward-value" part="reward-label">${label}</span>
              <span class="code-mask" aria-hidden="true">••••••</span>
            </div>`
          : nothing
      }
      ${current === 'error' ? this.renderError() : nothing}
      ${current === 'pending' ? this.renderPending() : nothing}
      ${current === 'locked' ? this.renderFollowButton() : nothing}
    `;
  }

  private renderFollowButton(): TemplateResult {
    const label = html`${icon('unlock')}<span>${this.t('followAction')}</span>`;
    if (this.mode === 'link') {
      const href = this.safeLink(this.followHref, 'follow-href');
      if (href) {
        return html`<a class="button primary" part="follow-button" href=${href} target="_blank" rel="noopener noreferrer"
          @click=${this.onFollowLink}>${label}</a>`;
      }
    }
    return html`<button class="primary" part="follow-button" type="button" @click=${this.onFollow}>${label}</button>`;
  }

  private renderPending(): TemplateResult {
    if (this.step === 'link' && !this.previewState) {
      return html`<div class="confirm">
        <p class="muted">${this.t('followLinkOpened')}</p>
        <button class="primary" part="follow-button" type="button" @click=${() => this.confirmFollow()}>
          ${icon('check')}<span>${this.t('followDone')}</span>
        </button>
      </div>`;
    }
    const text = this.step === 'reward' ? this.t('rewardLoading') : this.t('followPending');
    return html`<button class="primary" part="follow-button" type="button" disabled aria-disabled="true">
      <span class="spinner" aria-hidden="true"></span><span>${text}</span>
    </button>`;
  }

  private renderError(): TemplateResult {
    return html`<div class="error" part="error" role="alert">
      <p>${this.errorMessage || this.t('error.server')}</p>
      <button class="secondary" type="button" @click=${this.retry}>${this.t('retry')}</button>
    </div>`;
  }

  private renderReward(reward: Reward): TemplateResult {
    const apply = reward.applyUrl ? this.safeLink(reward.applyUrl, 'applyUrl from reward-url') : undefined;
    const expires = reward.expiresAt ? formatDateTime(Date.parse(reward.expiresAt), this.locale) : '';
    const label = clampText(this.rewardLabel, 40);
    return html`
      <div class="ticket" part="ticket">
        ${label ? html`<span class="reward-value" part="reward-label">${label}</span>` : nothing}
        <span class="reward-caption">${this.t('yourCode')}</span>
        <div class="code-row">
          <span class="code" part="code">${reward.code}</span>
          <button class="secondary copy" part="copy-button" type="button" @click=${this.onCopy}>
            ${icon(this.copied === 'yes' ? 'check' : 'copy')}<span>${this.copied === 'yes' ? this.t('copied') : this.t('copy')}</span>
          </button>
        </div>
        ${this.copied === 'manual' ? html`<span class="muted">${this.t('copyManual')}</span>` : nothing}
      </div>
      ${expires ? html`<p class="muted">${this.t('validUntil', { time: expires })}</p>` : nothing}
      ${
        apply
          ? html`<a class="button primary" part="apply-button" href=${apply} target="_blank" rel="noopener noreferrer">
              ${this.t('useNow')}
            </a>`
          : nothing
      }
    `;
  }

  private statusText(current: FollowUnlockState): string {
    if (current === 'pending') return this.step === 'reward' ? this.t('rewardLoading') : this.t('followPending');
    if (current === 'unlocked') return this.t('unlocked');
    return '';
  }

  private onFollow = (): void => {
    if (this.isPreview || this.state !== 'locked') return;
    const mode = this.mode;
    const proceed = this.emit('live-follow-clicked', { mode }, true);
    if (!proceed) {
      this.awaitHost('host');
      return;
    }
    if (mode === 'event') {
      this.report('nothing handled live-follow-clicked: call event.preventDefault(), then confirmFollow() when done');
      return;
    }
    if (mode === 'link') this.awaitHost('link');
    else void this.postFollow();
  };

  private onFollowLink = (event: MouseEvent): void => {
    if (this.isPreview) {
      event.preventDefault();
      return;
    }
    if (!this.emit('live-follow-clicked', { mode: 'link' }, true)) {
      event.preventDefault();
      this.awaitHost('host');
      return;
    }
    // The browser opens the link in a new tab; we wait for the viewer to come back and say so.
    this.awaitHost('link');
  };

  private awaitHost(step: 'host' | 'link'): void {
    this.step = step;
    this.state = 'pending';
  }

  private async postFollow(): Promise<void> {
    const url = this.safeLink(this.followUrl, 'follow-url');
    if (!url) return this.fail(this.t('error.invalid'), 'follow');
    this.step = 'follow';
    this.state = 'pending';
    try {
      const answer = await this.request({ url, method: 'POST', body: this.body(), validate: validateFollow });
      if (!answer.followed) return this.fail(this.t('error.refused'), 'follow');
      await this.followed();
    } catch (error) {
      if (this.isAbort(error)) return;
      this.fail(this.errorText(error), 'follow');
    }
  }

  private async followed(): Promise<void> {
    this.followConfirmed = true;
    writeJson(this.unlockKey, { viewer: this.storedViewer(), at: new Date().toISOString() });
    this.emit('live-follow-confirmed', { mode: this.mode });
    await this.fetchReward();
  }

  private async fetchReward(): Promise<void> {
    this.step = 'reward';
    this.state = 'pending';
    this.errorMessage = '';
    try {
      const reward =
        this.publicCode.trim() && !this.rewardUrl.trim()
          ? this.publicReward()
          : await this.request({
              url: this.requireRewardUrl(),
              method: 'POST',
              body: this.body(),
              validate: validateReward,
            });
      this.reward = reward;
      this.state = 'unlocked';
      this.emit('live-reward-unlocked', { title: reward.title, expiresAt: reward.expiresAt });
    } catch (error) {
      if (this.isAbort(error)) return;
      this.fail(this.errorText(error), 'reward');
    }
  }

  private publicReward(): Reward {
    const code = this.publicCode.trim().slice(0, 64);
    return { code, title: clampText(this.rewardLabel || this.headline, 200) || code, expiresAt: null };
  }

  private requireRewardUrl(): string {
    const url = this.safeLink(this.rewardUrl, 'reward-url');
    if (!url) throw new Error('reward-url is not an http(s) URL');
    return url;
  }

  private fail(message: string, step: Step): void {
    this.step = step;
    this.errorMessage = message;
    this.state = 'error';
  }

  private retry = (): void => {
    if (this.isPreview) return;
    if (this.followConfirmed) void this.fetchReward();
    else if (this.mode === 'post') void this.postFollow();
    else this.state = 'locked';
  };

  private onCopy = async (): Promise<void> => {
    const code = this.view().reward?.code;
    if (!code || this.isPreview) return;
    const done = await copyText(code);
    this.copied = done ? 'yes' : 'manual';
    if (done) this.emit('live-reward-copied', {});
    else {
      const element = this.renderRoot.querySelector('.code');
      if (element) selectText(element);
    }
  };

  private body(): Record<string, unknown> {
    const room = this.resolvedRoom;
    return { viewer: viewerIdentity().id, campaign: this.capKey, ...(room && { room }) };
  }

  private get unlockKey(): string {
    return storageKey('unlocked', this.capKey);
  }

  private storedViewer(): string | undefined {
    const identity = viewerIdentity();
    return identity.persisted ? identity.id : undefined;
  }

  private hasUnlockRecord(): boolean {
    const record = readJson(this.unlockKey) as { viewer?: unknown } | undefined;
    if (!record || typeof record !== 'object') return false;
    // Recorded for a known viewer: only that viewer (another person on a shared, consenting browser) unlocks.
    return record.viewer === undefined || record.viewer === viewerIdentity().id;
  }
}

function selectText(element: Element): void {
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}
