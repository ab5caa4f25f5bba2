// <live-countdown>: the pre-live warm-up. Counts down to the next stream (a date or a weekly schedule
// in the shop's zone, shown in the viewer's), says what the stream offers, adds it to calendars,
// takes remind-me sign-ups, and turns into "Live now" when the tied player plays.
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { clock } from '../shared/clock.js';
import { formatDateTime } from '../shared/i18n/locale.js';
import type { WidgetStrings } from '../shared/i18n/strings.js';
import { icon } from '../shared/icons.js';
import { clampId, clampText } from '../shared/text.js';
import { acceptAnything } from '../shared/validators.js';
import { viewerIdentity } from '../shared/viewer-id.js';
import { LiveWidget } from '../shared/widget.js';
import { type ContactChoice, checkContact } from './contact.js';
import { buildIcs, type CalendarEvent, googleCalendarUrl, outlookCalendarUrl } from './ics.js';
import { countdownStyles } from './live-countdown.styles.js';
import { nextOccurrence, parseSchedule, type Schedule } from './schedule.js';

export const CountdownState = {
  /** Before the start. */
  Counting: 'counting',
  /** The start time passed; the tied player isn't playing yet. */
  Starting: 'starting',
  /** The tied player plays (without a player: within `duration` after the start). */
  Live: 'live',
  /** A one-off stream that is over. */
  Ended: 'ended',
} as const;
export type CountdownState = (typeof CountdownState)[keyof typeof CountdownState];

type Form = 'idle' | 'sending' | 'sent' | 'error';
const ACTIVE_PLAYER_STATES = new Set(['playing', 'paused', 'stalled', 'reconnecting']);
const SAMPLE_START = () => clock.now() + ((2 * 24 + 3) * 3600 + 15 * 60 + 9) * 1000;

/**
 * The pre-live warm-up card: "Live in 2 days 03:15:09 — what you'll get", add to calendar, remind me.
 *
 * Counts down to `starts-at`, or to the next occurrence of `schedule` (an RRULE in the shop's time
 * zone, e.g. every Tuesday and Friday 20:00 Asia/Shanghai), always shown in the viewer's own time zone.
 * "Add to calendar" offers an RFC 5545 .ics file (with a reminder) and Google / Outlook.com links.
 * "Remind me" posts an email address or phone number, with consent, to `remind-url`. Tied to a
 * player, it switches to "Live now" when the player plays.
 *
 * @tagname live-countdown
 * @summary Countdown to the next live stream, with calendar and remind-me.
 *
 * @slot headline - Replaces the `headline` text (the stream's title).
 * @slot benefit - Replaces the `benefit` text: what this stream offers.
 * @slot consent - Replaces the consent sentence next to the checkbox.
 *
 * @csspart card - The card.
 * @csspart sheet - The `<dialog>` in `display="sheet"`.
 * @csspart close - The close button.
 * @csspart placeholder - The set-up note shown until the element is configured.
 * @csspart headline - The stream title.
 * @csspart when - The start date and time line.
 * @csspart timer - The countdown digits.
 * @csspart benefit - The "what you'll get" box.
 * @csspart calendar-button - The "Add to calendar" button.
 * @csspart calendar-menu - The list of calendar choices.
 * @csspart remind-button - The "Remind me" button.
 * @csspart form - The remind-me form.
 * @csspart input - The email / phone field.
 * @csspart submit - The form's submit button.
 * @csspart live - The "Live now" block.
 * @csspart error - The error message of the form.
 *
 * @cssprop [--live-widget-accent=#d9183b] - Buttons, badges and the live pill.
 * @cssprop [--live-widget-accent-strong=#b3102d] - Hover and accent text.
 * @cssprop [--live-widget-on-accent=#fff] - Text on accent buttons.
 * @cssprop [--live-widget-surface=#fff] - Card background.
 * @cssprop [--live-widget-text=#18181b] - Text.
 * @cssprop [--live-widget-muted=#55555f] - Secondary text.
 * @cssprop [--live-widget-border=#e7e4e4] - Card border.
 * @cssprop [--live-widget-tint=#fff1f3] - Benefit box and badge background.
 * @cssprop [--live-widget-reward-color=#c8102e] - The benefit text.
 * @cssprop [--live-widget-radius=16px] - Card corner radius.
 * @cssprop [--live-widget-font] - Font family.
 * @cssprop [--live-widget-focus-color=#1d4ed8] - Keyboard focus ring.
 * @cssprop [--live-widget-max-width=440px] - Widest the inline card grows.
 * @cssprop [--live-countdown-digit-background=#18181b] - Background of the timer digits.
 * @cssprop [--live-countdown-digit-color=#fff] - Colour of the timer digits.
 *
 * @fires live-widget-shown - The card appeared. `detail`: LeadEvent `widget.shown`.
 * @fires live-widget-dismissed - The viewer closed it. `detail`: LeadEvent `widget.dismissed`.
 * @fires live-calendar-added - The viewer added the stream to a calendar. `detail`: LeadEvent `calendar.added` (`data.provider`: `ics`, `google` or `outlook`; `data.startsAt`).
 * @fires live-reminder-subscribed - `remind-url` accepted a sign-up. `detail`: LeadEvent `reminder.subscribed` (`data.kind`, `data.startsAt`; never the address).
 */
export class LiveCountdown extends LiveWidget {
  static override styles = [...LiveWidget.styles, countdownStyles];
  protected readonly widgetName = 'countdown';

  /** Start of a one-off stream, ISO 8601 with an offset or Z (e.g. `2026-03-10T20:00:00+08:00`). */
  @property({ attribute: 'starts-at' }) startsAt = '';

  /**
   * A recurring stream: an RRULE, optionally after a DTSTART line, e.g.
   * `DTSTART;TZID=Asia/Shanghai:20260106T200000 RRULE:FREQ=WEEKLY;BYDAY=TU,FR`, or
   * `FREQ=WEEKLY;BYDAY=TU,FR;BYHOUR=20;BYMINUTE=0` with `time-zone`.
   */
  @property() schedule = '';

  /** IANA time zone of `schedule` (overrides the DTSTART's TZID), e.g. `Asia/Shanghai`. */
  @property({ attribute: 'time-zone' }) timeZone = '';

  /** Length of a stream in minutes: the calendar entry's length, and how long "Live now" lasts without a player. */
  @property({ type: Number }) duration = 60;

  /** The stream's title, e.g. "Spring skincare special". Also the calendar entry's title. */
  @property() headline = '';

  /** What this stream offers, e.g. "¥100 off over ¥500 + a gift for the first 50 orders". */
  @property() benefit = '';

  /** Where to watch (defaults to this page): the calendar entry's link, and "Watch now" without a tied player. */
  @property({ attribute: 'watch-url' }) watchUrl = '';

  /** Minutes before the start for the calendar reminder (0: none). */
  @property({ type: Number, attribute: 'reminder-minutes' }) reminderMinutes = 15;

  /** Shop endpoint the remind-me form POSTs to. Without it there is no "Remind me". */
  @property({ attribute: 'remind-url' }) remindUrl = '';

  /** Which contact the form takes: `any` (email or phone), `email` or `phone`. */
  @property({ attribute: 'remind-with' }) remindWith: ContactChoice = 'any';

  /** The consent sentence next to the checkbox (default: "I agree to get a reminder before this live stream."). */
  @property({ attribute: 'consent-text' }) consentText = '';

  /** Link to the shop's privacy policy, shown after the consent sentence. */
  @property({ attribute: 'privacy-url' }) privacyUrl = '';

  /**
   * Reflected, read-only: `counting`, `starting`, `live` or `ended`, for CSS (`live-countdown[state="live"]`).
   * @readonly
   */
  @property({ reflect: true }) state: CountdownState = 'counting';

  @state() private startTime: number | undefined;
  @state() private nowTime = clock.now();
  @state() private calendarOpen = false;
  @state() private formOpen = false;
  @state() private form: Form = 'idle';
  @state() private contact = '';
  @state() private consent = false;
  @state() private fieldError: keyof WidgetStrings | '' = '';
  @state() private consentError = false;
  @state() private formError = '';
  @state() private scheduleError = '';

  private ticker: ReturnType<typeof setInterval> | undefined;
  private parsed: Schedule | undefined;
  private resolving = 0;
  private objectUrl: string | undefined;

  /** UTC ms of the start shown (next or current occurrence), once known. */
  get nextStart(): number | undefined {
    return this.startTime;
  }

  /** The .ics text for the stream shown, or undefined before its start is known. */
  get ics(): string | undefined {
    const event = this.calendarEvent();
    return event && buildIcs(event);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.ticker = setInterval(() => this.tick(), 1000);
    if (this.hasUpdated) void this.resolveStart();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.ticker);
    this.ticker = undefined;
    if (this.objectUrl) URL.revokeObjectURL(this.objectUrl);
    this.objectUrl = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('startsAt') || changed.has('schedule') || changed.has('timeZone') || changed.has('duration')) {
      this.parsed = undefined;
      this.scheduleError = '';
      if (this.schedule.trim()) {
        const result = parseSchedule(this.schedule, this.timeZone);
        if (result.ok) this.parsed = result.schedule;
        else {
          this.scheduleError = result.reason;
          this.report(`schedule: ${result.reason}`);
        }
      }
      void this.resolveStart();
    }
    this.state = this.computeState();
  }

  protected override playerStateChanged(): void {
    // The stream may have ended: the next occurrence is the one to count to.
    void this.resolveStart();
  }

  protected missingConfig(): string[] {
    if (this.parsed) return [];
    if (this.schedule.trim()) return [`schedule (${this.scheduleError})`];
    if (this.startsAt.trim()) return Number.isNaN(Date.parse(this.startsAt)) ? ['starts-at (an ISO 8601 date)'] : [];
    return ['starts-at | schedule'];
  }

  private async resolveStart(): Promise<void> {
    const run = ++this.resolving;
    const now = clock.now();
    if (this.isPreview && this.missingConfig().length) {
      this.startTime = SAMPLE_START();
      return;
    }
    if (this.parsed) {
      try {
        const durationMs = this.durationMs;
        const ended = this.binding.state === 'ended';
        const occurrence = await nextOccurrence(this.parsed, ended ? now + durationMs : now, durationMs);
        if (run === this.resolving) this.startTime = occurrence?.start;
      } catch (error) {
        if (run !== this.resolving) return;
        this.scheduleError = `the rule can't be read (${String(error).slice(0, 80)})`;
        this.parsed = undefined;
        this.report(`schedule: ${this.scheduleError}`);
      }
      return;
    }
    const at = Date.parse(this.startsAt);
    this.startTime = Number.isNaN(at) ? undefined : at;
  }

  private get durationMs(): number {
    const minutes = Number.isFinite(this.duration) && this.duration > 0 ? Math.min(this.duration, 24 * 60) : 60;
    return minutes * 60_000;
  }

  private tick(): void {
    this.nowTime = clock.now();
    const start = this.startTime;
    // A recurring stream's window closed: count to the next one.
    if (this.parsed && start !== undefined && this.nowTime >= start + this.durationMs) void this.resolveStart();
  }

  private computeState(): CountdownState {
    const forced = this.previewState;
    if (forced === 'live' || forced === 'starting' || forced === 'ended' || forced === 'counting') return forced;
    const player = this.binding.state;
    if (player && ACTIVE_PLAYER_STATES.has(player)) return 'live';
    const start = this.startTime;
    if (start === undefined) return this.parsed ? 'counting' : 'ended';
    const now = this.nowTime;
    if (now < start) return 'counting';
    if (player === 'ended' && !this.parsed) return 'ended';
    if (this.binding.player) return 'starting';
    return now < start + this.durationMs ? 'live' : this.parsed ? 'counting' : 'ended';
  }

  protected renderBody(): TemplateResult {
    const current = this.state;
    const title = clampText(this.headline) || this.t('defaultEventTitle');
    const start = this.startTime;
    const when = start !== undefined ? formatDateTime(start, this.locale) : '';
    return html`
      <div class="top">
        ${
          current === 'live'
            ? html`<span class="badge solid live-pill"><span class="dot" aria-hidden="true"></span>${this.t('liveNow')}</span>`
            : html`<span class="badge">${icon('bell')}${current === 'starting' ? this.t('startingSoon') : this.t('startsIn')}</span>`
        }
      </div>
      <p class="headline" id="headline" part="headline"><slot name="headline">${title}</slot></p>
      ${when && current !== 'live' ? html`<p class="when" part="when">${this.t('startsAt', { time: when })}</p>` : nothing}
      ${current === 'counting' && start !== undefined ? this.renderTimer(start) : nothing}
      ${this.renderBenefit()}
      ${current === 'live' ? this.renderLive() : nothing}
      ${current === 'counting' || current === 'starting' ? this.renderActions() : nothing}
      ${current === 'ended' ? html`<p class="muted">${this.t('expired')}</p>` : nothing}
    `;
  }

  private renderTimer(start: number): TemplateResult {
    const left = Math.max(0, Math.floor((start - this.nowTime) / 1000));
    const units: [number, keyof WidgetStrings][] = [
      [Math.floor(left / 86_400), 'days'],
      [Math.floor((left % 86_400) / 3600), 'hours'],
      [Math.floor((left % 3600) / 60), 'minutes'],
      [left % 60, 'seconds'],
    ];
    return html`<div class="timer" part="timer" role="timer" aria-label=${this.t('countdownLabel')}>
      ${units.map(
        ([value, unit]) =>
          html`<span class="unit"><span class="digits">${String(value).padStart(2, '0')}</span><span class="label">${this.t(unit)}</span></span>`,
      )}
    </div>`;
  }

  private renderBenefit(): TemplateResult | typeof nothing {
    const text = clampText(this.benefit);
    const slotted = this.querySelector(':scope > [slot="benefit"]');
    if (!text && !slotted) return nothing;
    return html`<div class="benefit-box" part="benefit">${icon('gift')}<span><slot name="benefit">${text}</slot></span></div>`;
  }

  private renderLive(): TemplateResult {
    const player = this.binding.player;
    const watch = player ? undefined : this.safeLink(this.watchUrl, 'watch-url');
    return html`<div class="live" part="live">
      ${
        player
          ? html`<button class="primary" type="button" @click=${this.watchPlayer}>${icon('play')}<span>${this.t('watchNow')}</span></button>`
          : watch
            ? html`<a class="button primary" href=${watch}>${icon('play')}<span>${this.t('watchNow')}</span></a>`
            : nothing
      }
    </div>`;
  }

  private renderActions(): TemplateResult {
    const event = this.calendarEvent();
    const hasRemind = Boolean(this.safeLink(this.remindUrl, 'remind-url'));
    return html`
      <div class="actions">
        ${
          event
            ? html`<button class="secondary" part="calendar-button" type="button" aria-expanded=${String(this.calendarOpen)}
                aria-controls="calendar-menu" @click=${this.toggleCalendar}>${icon('calendar')}<span>${this.t('addToCalendar')}</span></button>`
            : nothing
        }
        ${
          hasRemind && this.form !== 'sent'
            ? html`<button class=${this.formOpen ? 'secondary' : ''} part="remind-button" type="button"
                aria-expanded=${String(this.formOpen)} aria-controls="remind-form" @click=${this.toggleForm}>
                ${icon('bell')}<span>${this.t('remindMe')}</span></button>`
            : nothing
        }
      </div>
      ${event && this.calendarOpen ? this.renderCalendarMenu(event) : nothing}
      ${hasRemind && this.formOpen && this.form !== 'sent' ? this.renderForm() : nothing}
      ${this.form === 'sent' ? html`<p class="success" role="status">${icon('check')}<span>${this.t('subscribed')}</span></p>` : nothing}
    `;
  }

  private renderCalendarMenu(event: CalendarEvent): TemplateResult {
    return html`<ul class="menu" id="calendar-menu" part="calendar-menu" @keydown=${this.onMenuKeydown}>
      <li><button class="link-button" type="button" @click=${this.downloadIcs}>${this.t('calendarIcs')}</button></li>
      <li><a class="link-button" href=${googleCalendarUrl(event)} target="_blank" rel="noopener noreferrer"
        @click=${() => this.calendarAdded('google')}>${this.t('calendarGoogle')}</a></li>
      <li><a class="link-button" href=${outlookCalendarUrl(event)} target="_blank" rel="noopener noreferrer"
        @click=${() => this.calendarAdded('outlook')}>${this.t('calendarOutlook')}</a></li>
    </ul>`;
  }

  private renderForm(): TemplateResult {
    const kind = this.remindWith === 'email' || this.remindWith === 'phone' ? this.remindWith : 'any';
    const label =
      kind === 'email' ? this.t('contactEmail') : kind === 'phone' ? this.t('contactPhone') : this.t('contactAny');
    const type = kind === 'email' ? 'email' : kind === 'phone' ? 'tel' : 'text';
    const privacy = this.safeLink(this.privacyUrl, 'privacy-url');
    const sending = this.form === 'sending';
    return html`<form class="form" id="remind-form" part="form" novalidate @submit=${this.onSubmit}>
      <label class="field-label" for="contact">${label}</label>
      <input id="contact" part="input" name="contact" type=${type} inputmode=${kind === 'phone' ? 'tel' : kind === 'email' ? 'email' : 'text'}
        autocomplete=${kind === 'phone' ? 'tel' : kind === 'email' ? 'email' : 'on'} maxlength="254" required
        aria-invalid=${this.fieldError ? 'true' : 'false'} aria-describedby="contact-error"
        .value=${this.contact} @input=${this.onContactInput} ?disabled=${sending} />
      <p class="field-error" id="contact-error">${this.fieldError ? this.t(this.fieldError) : ''}</p>
      <div class="check">
        <input id="consent" type="checkbox" required .checked=${this.consent} @change=${this.onConsent}
          aria-invalid=${this.consentError ? 'true' : 'false'} aria-describedby="consent-error" ?disabled=${sending} />
        <label for="consent"><slot name="consent">${clampText(this.consentText) || this.t('consentDefault')}</slot></label>
      </div>
      ${privacy ? html`<a class="privacy" href=${privacy} target="_blank" rel="noopener noreferrer">${this.t('privacy')}</a>` : nothing}
      <p class="field-error" id="consent-error">${this.consentError ? this.t('consentRequired') : ''}</p>
      ${this.form === 'error' ? html`<div class="error" part="error" role="alert"><p>${this.formError}</p></div>` : nothing}
      <button class="primary" part="submit" type="submit" ?disabled=${sending}>
        ${sending ? html`<span class="spinner" aria-hidden="true"></span><span>${this.t('subscribing')}</span>` : this.form === 'error' ? this.t('retry') : this.t('subscribe')}
      </button>
    </form>`;
  }

  private calendarEvent(): CalendarEvent | undefined {
    const start = this.startTime;
    if (start === undefined) return undefined;
    const title = clampText(this.headline) || this.t('defaultEventTitle');
    const url = this.safeLink(this.watchUrl, 'watch-url') ?? pageUrl();
    const room = this.resolvedRoom ?? '';
    const minutes = Number.isFinite(this.reminderMinutes)
      ? Math.max(0, Math.min(this.reminderMinutes, 7 * 24 * 60))
      : 15;
    return {
      uid: `${clampId(room) || 'live'}-${new Date(start).toISOString().replace(/[-:.]/g, '')}@livehook`,
      start,
      end: start + this.durationMs,
      title,
      description: clampText(this.benefit),
      ...(url && { url }),
      alarmMinutes: minutes,
    };
  }

  private toggleCalendar = (): void => {
    this.calendarOpen = !this.calendarOpen;
    if (this.calendarOpen)
      this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#calendar-menu button')?.focus());
  };

  private onMenuKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.calendarOpen = false;
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="calendar-button"]')?.focus());
  };

  private downloadIcs = (): void => {
    const text = this.ics;
    if (!text || this.isPreview) return;
    if (this.objectUrl) URL.revokeObjectURL(this.objectUrl);
    this.objectUrl = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = this.objectUrl;
    link.download = `${(clampText(this.headline, 60) || 'live').replace(/[^\p{L}\p{N}]+/gu, '-')}.ics`;
    link.hidden = true;
    // Some browsers only download from a link in the document.
    this.renderRoot.append(link);
    link.click();
    link.remove();
    this.calendarAdded('ics');
  };

  private calendarAdded(provider: 'ics' | 'google' | 'outlook'): void {
    if (this.isPreview) return;
    this.emit('live-calendar-added', { provider, startsAt: this.startIso() });
  }

  private toggleForm = (): void => {
    this.formOpen = !this.formOpen;
    if (this.formOpen)
      this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#contact')?.focus());
  };

  private onContactInput = (event: Event): void => {
    this.contact = (event.target as HTMLInputElement).value;
    if (this.fieldError) this.fieldError = '';
  };

  private onConsent = (event: Event): void => {
    this.consent = (event.target as HTMLInputElement).checked;
    if (this.consent) this.consentError = false;
  };

  private onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.form === 'sending' || this.isPreview) return;
    const checked = checkContact(this.contact, this.remindWith);
    this.fieldError = checked.ok ? '' : checked.error;
    this.consentError = !this.consent;
    if (!checked.ok || !this.consent) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>(checked.ok ? '#consent' : '#contact')?.focus();
      return;
    }
    const url = this.safeLink(this.remindUrl, 'remind-url');
    if (!url) {
      this.form = 'error';
      this.formError = this.t('error.invalid');
      return;
    }
    this.form = 'sending';
    const room = this.resolvedRoom;
    try {
      await this.request({
        url,
        method: 'POST',
        body: {
          contact: checked.value,
          kind: checked.kind,
          consent: true,
          startsAt: this.startIso(),
          viewer: viewerIdentity().id,
          ...(room && { room }),
          locale: this.locale,
        },
        validate: acceptAnything,
      });
      this.form = 'sent';
      this.emit('live-reminder-subscribed', { kind: checked.kind, startsAt: this.startIso() });
    } catch (error) {
      if (this.isAbort(error)) {
        this.form = 'idle';
        return;
      }
      // The field keeps what the viewer typed; the button becomes "Try again".
      this.formError = this.errorText(error);
      this.form = 'error';
    }
  };

  private watchPlayer = (): void => {
    const player = this.binding.player;
    if (!player) return;
    player.scrollIntoView({ behavior: 'smooth', block: 'center' });
    if (!player.hasAttribute('tabindex') && player.tabIndex < 0) player.setAttribute('tabindex', '-1');
    player.focus({ preventScroll: true });
  };

  private startIso(): string | undefined {
    return this.startTime === undefined ? undefined : new Date(this.startTime).toISOString();
  }
}

function pageUrl(): string | undefined {
  const location = globalThis.location;
  return location && /^https?:$/.test(location.protocol) ? `${location.origin}${location.pathname}` : undefined;
}
