// <live-group-qr>: "Join our fan group for an exclusive discount". A QR code drawn from the group's
// link (or the group's own QR image), rotated from a pool as groups fill up or their codes expire.
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { clock } from '../shared/clock.js';
import { environment } from '../shared/environment.js';
import { formatDateTime } from '../shared/i18n/locale.js';
import { icon } from '../shared/icons.js';
import { safeUrl } from '../shared/safe-url.js';
import { clampText } from '../shared/text.js';
import { type PoolGroup, validatePool } from '../shared/validators.js';
import { LiveWidget } from '../shared/widget.js';
import { groupQrStyles } from './live-group-qr.styles.js';
import { encodeQr, MAX_QR_TEXT } from './qr.js';

export const GroupQrState = {
  Loading: 'loading',
  Ready: 'ready',
  Error: 'error',
} as const;
export type GroupQrState = (typeof GroupQrState)[keyof typeof GroupQrState];

/** The group on screen: a link (drawn as a QR code and offered as "open" on phones) and/or a QR image. */
export interface GroupInfo {
  href?: string;
  image?: string;
  /** ms since the epoch, for pool groups. */
  expiresAt?: number;
}

const POOL = {
  minRefreshMs: 2_000, // a pool that answers an already-expired group is asked again, but not in a loop
  retryAfterErrorMs: 30_000, // a pool that failed while a valid group is on screen: try again quietly
  maxTimerMs: 2_147_000_000, // setTimeout's limit (~24.8 days)
};

const SAMPLE_HREF = 'https://chat.whatsapp.com/LiveHookSampleGroup';

/**
 * A join-the-group card with a QR code.
 *
 * The QR code is drawn in the browser from `href` (a WeCom, WhatsApp, LINE or Telegram group or contact
 * link), or is the group's own QR image (`src`, e.g. a WeChat group code). With `pool-url`, the current
 * group comes from the shop's server and is fetched again when it expires, so full or expired groups
 * rotate (WeChat group codes expire after 7 days). The code is an `<img>` so WeChat's long-press
 * recognition works; inside WeChat a hint says so. On a phone, links get an "open" button, since
 * nobody can scan their own screen.
 *
 * @tagname live-group-qr
 * @summary Join the fan group: QR code, hint, and an open button on phones.
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
 * @csspart ticket - The box around `reward-label`.
 * @csspart reward-label - The big member benefit (e.g. "Members-only 15% off").
 * @csspart qr - The QR code `<img>`.
 * @csspart hint - The scan / long-press hint.
 * @csspart open-button - The "join the group" link button.
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
 * @cssprop [--live-widget-font] - Font family.
 * @cssprop [--live-widget-focus-color=#1d4ed8] - Keyboard focus ring.
 * @cssprop [--live-widget-max-width=440px] - Widest the inline card grows.
 * @cssprop [--live-group-qr-size=200px] - Size of the QR code.
 *
 * @fires live-widget-shown - The card appeared. `detail`: LeadEvent `widget.shown`.
 * @fires live-widget-dismissed - The viewer closed it. `detail`: LeadEvent `widget.dismissed`.
 * @fires live-group-opened - The viewer opened the group link. `detail`: LeadEvent `group.opened` (`data.href`).
 */
export class LiveGroupQr extends LiveWidget {
  static override styles = [...LiveWidget.styles, groupQrStyles];
  protected readonly widgetName = 'group-qr';

  /** The group or contact link (http or https), drawn as a QR code and opened by the "join" button on phones. */
  @property() href = '';

  /** The group's own QR image (http or https URL), shown instead of a drawn code, e.g. a WeChat group QR. */
  @property() src = '';

  /** Shop endpoint (GET) answering the current group: `{ href | image, expiresAt }`. Fetched again when it expires. */
  @property({ attribute: 'pool-url' }) poolUrl = '';

  /** Headline, e.g. "Join our fan group". */
  @property() headline = '';

  /** What members get, e.g. "Exclusive discount and gifts for the first 50 orders". */
  @property() benefit = '';

  /** The member benefit in big type, e.g. "15% OFF". */
  @property({ attribute: 'reward-label' }) rewardLabel = '';

  /**
   * Reflected, read-only: `loading` (pool or QR encoder), `ready` or `error`, for CSS.
   * @readonly
   */
  @property({ reflect: true }) state: GroupQrState = 'loading';

  @state() private group: GroupInfo | undefined;
  @state() private qr: string | undefined;
  @state() private errorMessage = '';
  private encoded: string | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private loadGeneration = 0;
  private poolAsked = false;

  /** The group on screen. */
  get currentGroup(): Readonly<GroupInfo> | undefined {
    return this.group;
  }

  /** Fetches the current group from `pool-url` now. */
  refresh(): Promise<void> {
    return this.loadPool();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.clearRefresh();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.requestUpdate('poolUrl');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Preview makes no requests: without a link of its own it shows a sample code.
    if (this.isPreview && !this.acceptLink(this.href, 'href') && !this.acceptLink(this.src, 'src')) {
      if (this.group?.href !== SAMPLE_HREF) this.setGroup({ href: SAMPLE_HREF });
      return;
    }
    const sourceChanged = changed.has('href') || changed.has('src') || changed.has('poolUrl');
    if (sourceChanged && !this.poolUrl.trim()) {
      this.clearRefresh();
      const href = this.acceptLink(this.href, 'href');
      const image = this.acceptLink(this.src, 'src');
      this.setGroup(href || image ? { ...(href && { href }), ...(image && { image }) } : undefined);
    }
    // The pool is asked when the card is first on screen, and again whenever its source changes.
    if (sourceChanged) this.poolAsked = false;
    if (this.poolUrl.trim() && this.open && !this.isPreview && !this.poolAsked) {
      this.poolAsked = true;
      void this.loadPool();
    }
  }

  protected missingConfig(): string[] {
    if (this.poolUrl.trim()) return this.safeLink(this.poolUrl, 'pool-url') ? [] : ['pool-url (http/https)'];
    if (this.acceptLink(this.href, 'href') || this.acceptLink(this.src, 'src')) return [];
    return ['href (an http/https link) | src (a QR image) | pool-url'];
  }

  protected renderBody(): TemplateResult {
    const forced = this.previewState;
    const current: GroupQrState = forced === 'error' || forced === 'loading' ? forced : this.state;
    const label = clampText(this.rewardLabel, 60);
    return html`
      <div class="top"><span class="badge">${icon('users')}${this.t('groupBadge')}</span></div>
      <p class="headline" id="headline" part="headline">
        <slot name="headline">${clampText(this.headline) || this.t('groupHeadline')}</slot>
      </p>
      <p class="benefit" part="benefit"><slot name="benefit">${clampText(this.benefit) || this.t('groupBenefit')}</slot></p>
      ${label ? html`<div class="ticket" part="ticket"><span class="reward-value" part="reward-label">${label}</span></div>` : nothing}
      ${current === 'error' ? this.renderError() : current === 'loading' ? this.renderLoading() : this.renderGroup()}
    `;
  }

  private renderLoading(): TemplateResult {
    return html`<div class="qr-frame loading" role="status">
      <span class="spinner" aria-hidden="true"></span><span class="sr-only">${this.t('loading')}</span>
    </div>`;
  }

  private renderError(): TemplateResult {
    return html`<div class="error" part="error" role="alert">
      <p>${this.errorMessage || this.t('error.server')}</p>
      <button class="secondary" type="button" @click=${this.retry}>${this.t('retry')}</button>
    </div>`;
  }

  private renderGroup(): TemplateResult | typeof nothing {
    const group = this.group;
    if (!group) return nothing;
    const phone = environment.isPhone();
    const wechat = environment.isWeChat();
    const hint = wechat
      ? this.t('wechatHint')
      : phone
        ? group.href
          ? ''
          : this.t('phoneImageHint')
        : this.t('scanHint');
    const picture = group.image ?? this.qr;
    const expires = group.expiresAt ? formatDateTime(group.expiresAt, this.locale) : '';
    return html`
      <figure class="qr-block">
        <div class="qr-frame">
          ${
            picture
              ? html`<img part="qr" src=${picture} alt=${group.image ? this.t('groupImageAlt') : this.t('qrAlt')}
                  width="200" height="200" draggable="true" @error=${this.onImageError} />`
              : html`<span class="spinner" aria-hidden="true"></span>`
          }
        </div>
        ${hint ? html`<figcaption class="hint" part="hint">${hint}</figcaption>` : nothing}
      </figure>
      ${
        group.href
          ? html`<a class=${phone ? 'button primary' : 'link-button open-link'} part="open-button" href=${group.href}
              target="_blank" rel="noopener noreferrer" @click=${this.onOpen}>
              ${phone ? icon('users') : icon('external')}<span>${this.t('openGroup')}</span>
            </a>`
          : nothing
      }
      ${expires ? html`<p class="muted expires">${this.t('groupExpires', { time: expires })}</p>` : nothing}
    `;
  }

  /** An acceptable link from an attribute: http(s) only, short enough for a QR code. */
  private acceptLink(value: string, what: string): string | undefined {
    const text = value.trim();
    if (!text) return undefined;
    if (text.length > MAX_QR_TEXT) {
      this.report(`${what} refused: longer than ${MAX_QR_TEXT} characters`);
      return undefined;
    }
    const checked = safeUrl(text);
    if (!checked.ok) {
      this.report(`${what} refused: ${checked.reason}`);
      return undefined;
    }
    // Encode exactly what was given when it is already absolute, so the code reads back character for character.
    return /^https?:\/\//i.test(text) ? text : checked.url;
  }

  private setGroup(group: GroupInfo | undefined): void {
    this.group = group;
    this.errorMessage = '';
    if (!group) {
      this.qr = undefined;
      this.encoded = undefined;
      return;
    }
    if (group.image || !group.href) {
      this.state = 'ready';
      return;
    }
    if (group.href === this.encoded && this.qr) {
      this.state = 'ready';
      return;
    }
    this.state = 'loading';
    const href = group.href;
    this.encoded = href;
    encodeQr(href).then(
      (image) => {
        if (this.encoded !== href) return;
        this.qr = image.url;
        this.state = 'ready';
      },
      (error: unknown) => {
        if (this.encoded !== href) return;
        this.report(`can't draw a QR code for href: ${String(error)}`);
        this.errorMessage = this.t('error.invalid');
        this.state = 'error';
      },
    );
  }

  private async loadPool(): Promise<void> {
    const url = this.safeLink(this.poolUrl, 'pool-url');
    this.clearRefresh();
    const generation = ++this.loadGeneration;
    if (!url) {
      this.errorMessage = this.t('error.invalid');
      this.state = 'error';
      return;
    }
    if (!this.group) this.state = 'loading';
    try {
      const answer = await this.request({ url, method: 'GET', validate: validatePool });
      if (generation !== this.loadGeneration) return;
      this.applyPoolGroup(answer);
    } catch (error) {
      if (this.isAbort(error) || generation !== this.loadGeneration) return;
      const group = this.group;
      if (group?.expiresAt && group.expiresAt > clock.now() + POOL.minRefreshMs) {
        // The group on screen is still valid: keep it and ask again later.
        this.scheduleRefresh(Math.min(POOL.retryAfterErrorMs, group.expiresAt - clock.now()));
        return;
      }
      this.group = undefined;
      this.errorMessage = this.errorText(error);
      this.state = 'error';
    }
  }

  private applyPoolGroup(answer: PoolGroup): void {
    const href = answer.href !== undefined ? this.acceptLink(answer.href, 'href from pool-url') : undefined;
    const image = answer.image !== undefined ? this.acceptLink(answer.image, 'image from pool-url') : undefined;
    if (!href && !image) {
      this.group = undefined;
      this.errorMessage = this.t('error.invalid');
      this.state = 'error';
      return;
    }
    const expiresAt = Date.parse(answer.expiresAt);
    this.setGroup({ ...(href && { href }), ...(image && { image }), expiresAt });
    this.scheduleRefresh(expiresAt - clock.now());
  }

  private scheduleRefresh(inMs: number): void {
    this.clearRefresh();
    const delay = Math.min(POOL.maxTimerMs, Math.max(POOL.minRefreshMs, inMs));
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      if (this.isConnected) void this.loadPool();
    }, delay);
  }

  private clearRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
  }

  private retry = (): void => {
    if (this.isPreview) return;
    if (this.poolUrl.trim()) void this.loadPool();
    else this.setGroup(this.group ?? undefined);
  };

  private onOpen = (event: MouseEvent): void => {
    if (this.isPreview) {
      event.preventDefault();
      return;
    }
    this.emit('live-group-opened', { href: this.group?.href, via: environment.isPhone() ? 'button' : 'link' });
  };

  private onImageError = (): void => {
    if (!this.group?.image) return;
    this.report(`the group QR image did not load: ${this.group.image.slice(0, 120)}`);
    this.errorMessage = this.t('error.network');
    this.state = 'error';
  };
}
