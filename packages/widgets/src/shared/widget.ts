// The one base class every widget shares: attributes for triggers, frequency caps, the tied player,
// preview, inline or sheet display; lead events; endpoint requests. Elements add their own body.
import type { Cue } from '@livehook/core';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { emitWidgetEvent, type WidgetEventData, type WidgetEventName } from './events.js';
import { deepActiveElement, trapTab } from './focus.js';
import { frequencyCap, parseDuration } from './frequency-cap.js';
import { languageOf, matchLocale, type Translate, translator } from './i18n/locale.js';
import type { WidgetStrings } from './i18n/strings.js';
import { PlayerBinding } from './player-binding.js';
import { EndpointError, type RequestOptions, requestJson } from './request.js';
import { safeUrl } from './safe-url.js';
import { widgetStyles } from './styles.js';
import { clampId } from './text.js';
import { parseTriggers, type Trigger, TriggerController } from './triggers.js';
import { viewerIdentity } from './viewer-id.js';

/** Default for `dismiss-for`: a dismissed prompt stays away for a day. */
const DEFAULT_DISMISS_SECONDS = 86_400;

export type DismissReason = 'close' | 'escape' | 'backdrop';

export abstract class LiveWidget extends LitElement {
  static override styles = [widgetStyles];

  /** Short name used in events and as a cue target: `follow-unlock`, `group-qr`, `countdown`, `coupon`. */
  protected abstract readonly widgetName: string;
  /** The trigger used when `trigger` is empty. */
  protected readonly defaultTrigger: Trigger = 'load';

  /** The live room this widget belongs to, sent with every lead event. Defaults to the tied player's `room`. */
  @property() room = '';

  /** Id of the `<live-player>` to tie to (for cues, watch time, live state). Inside a player, that one is used. */
  @property({ attribute: 'for' }) for = '';

  /**
   * When the widget shows itself, space-separated: `load` (at once), `manual` (only through `show()`),
   * `delay` (after `delay` seconds), `watch-time` (after `watch-time` seconds of actual playing in the tied
   * player), `cue` (the host's `widget.show` / `widget.hide` cue for this widget), `exit-intent` (pointer
   * leaving the window; on phones, coming back to the page).
   */
  @property() trigger = '';

  /** Seconds after load for the `delay` trigger. */
  @property({ type: Number }) delay = 5;

  /** Seconds of playing in the tied player for the `watch-time` trigger. */
  @property({ type: Number, attribute: 'watch-time' }) watchTime = 60;

  /** Cue target this widget answers to; defaults to the element's `id`. Cues may also target the widget's short name. */
  @property({ attribute: 'cue-target' }) cueTarget = '';

  /** How long a dismissed prompt stays away, remembered across reloads: `30m`, `12h`, `7d`, seconds, or `0` (not remembered). */
  @property({ attribute: 'dismiss-for' }) dismissFor = '1d';

  /** Campaign name: keys the frequency cap and the remembered state, and is sent to the shop's endpoints. */
  @property() campaign = '';

  /** `inline` (in the page flow) or `sheet` (a dismissible dialog over the page and player). */
  @property({ reflect: true }) display: 'inline' | 'sheet' = 'inline';

  /** Inline only: show a close button (sheets always have one). */
  @property({ type: Boolean }) dismissible = false;

  /**
   * For page builders: forces the widget visible, without triggers, caps or requests. A state name
   * (e.g. `unlocked`, `error`) shows that state with sample content.
   */
  @property() preview: string | null = null;

  /** Seconds to wait for each try of a request to the shop's endpoints (retried twice on network errors, timeouts and 5xx). */
  @property({ type: Number }) timeout = 8;

  @state() protected shown = false;

  protected t: Translate = translator('en');
  protected locale = 'en';

  protected readonly binding = new PlayerBinding(this, {
    cue: (cue) => this.handleCue(cue),
    state: (playerState) => this.playerStateChanged(playerState),
    watched: (total) => this.triggers.watched(total),
  });
  protected readonly triggers = new TriggerController(this, (trigger) => this.autoShow(trigger));

  private requests: AbortController | undefined;
  private reported = new Set<string>();
  private returnFocus: Element | null = null;
  private closeReason: DismissReason | undefined;

  /** True while the widget is on screen (also in preview). Reflected as the `open` attribute for CSS. */
  get open(): boolean {
    return this.shown || this.isPreview;
  }

  /** True when the `preview` attribute is set (any value but `false`). */
  get isPreview(): boolean {
    return this.preview !== null && this.preview !== undefined && this.preview !== 'false';
  }

  /** The state named by `preview`, or '' for a plain `preview`. */
  protected get previewState(): string {
    const value = (this.preview ?? '').trim().toLowerCase();
    return this.isPreview && value !== 'true' ? value : '';
  }

  /** Shows the widget now, whatever its trigger and frequency cap (for the host page's own buttons). */
  show(): void {
    this.reveal('manual');
  }

  /** Hides the widget without counting it as dismissed. */
  hide(): void {
    this.shown = false;
  }

  /** Hides the widget as the viewer would: it stays away for `dismiss-for`. */
  dismiss(reason: DismissReason = 'close'): void {
    if (!this.shown) return;
    this.shown = false;
    frequencyCap.dismiss(this.capKey, parseDuration(this.dismissFor) ?? DEFAULT_DISMISS_SECONDS);
    this.emit('live-widget-dismissed', { reason });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.requests = new AbortController();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.requests?.abort();
    this.requests = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.locale = matchLocale(languageOf(this));
    this.t = translator(this.locale);
    if (changed.has('for')) this.binding.resolve();
    if (changed.has('trigger') || changed.has('delay') || changed.has('watchTime')) {
      this.triggers.configure({
        triggers: parseTriggers(this.trigger, this.defaultTrigger, (m) => this.report(m)),
        delaySeconds: finiteOr(this.delay, 5),
        watchSeconds: finiteOr(this.watchTime, 60),
      });
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.toggleAttribute('open', this.open);
    const dialog = this.renderRoot.querySelector('dialog');
    if (!dialog) return;
    if (this.open && !dialog.open) {
      this.returnFocus = deepActiveElement();
      dialog.showModal();
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  override render(): TemplateResult | typeof nothing {
    const missing = this.missingConfig();
    if (missing.length && !this.previewState) return this.renderSetup(missing);
    const card = this.open ? this.renderCard() : nothing;
    if (this.display === 'sheet') {
      return html`<dialog
        part="sheet"
        aria-labelledby="headline"
        @close=${this.onDialogClose}
        @cancel=${() => (this.closeReason = 'escape')}
        @click=${this.onDialogClick}
        @keydown=${this.onDialogKeydown}
      >
        ${card}
      </dialog>`;
    }
    return card;
  }

  /** Attribute names still to set (alternatives joined by " or "), or [] when configured. */
  protected abstract missingConfig(): string[];

  /** The widget's own content inside the card. Must render an element with id="headline". */
  protected abstract renderBody(): TemplateResult;

  /** Called when the tied player's state changes. */
  protected playerStateChanged(_state: string | undefined): void {}

  /** A `widget.show` cue for this widget arrived (only with the `cue` trigger). */
  protected cueShow(_cue: Cue): void {
    this.autoShow('cue');
  }

  /** The key of the frequency cap and remembered state: campaign, else id, else the widget's name. */
  protected get capKey(): string {
    return clampId(this.campaign) || clampId(this.id) || this.widgetName;
  }

  /** The room for lead events and requests: own attribute, else the tied player's. */
  protected get resolvedRoom(): string | undefined {
    return clampId(this.room) || this.binding.room;
  }

  /** Shows because a trigger fired, unless dismissed recently or not configured. */
  protected autoShow(trigger: Trigger): void {
    if (this.shown || this.missingConfig().length) return;
    if (frequencyCap.isCapped(this.capKey)) return;
    this.reveal(trigger);
  }

  protected reveal(trigger: Trigger): void {
    if (this.shown) return;
    this.shown = true;
    if (!this.isPreview) this.emit('live-widget-shown', { trigger });
  }

  /** Dispatches a widget event with this widget's name, id and room. Returns false if cancelled. */
  protected emit(name: WidgetEventName, data: Record<string, unknown> = {}, cancelable = false): boolean {
    const identity = viewerIdentity();
    const detail: WidgetEventData = { widget: this.widgetName, ...(this.id && { element: clampId(this.id) }), ...data };
    const room = this.resolvedRoom;
    return emitWidgetEvent(this, name, detail, {
      cancelable,
      ...(room && { room }),
      ...(identity.persisted && { viewer: identity.id }),
    });
  }

  /** A request to one of the shop's endpoints, with the viewer id, this widget's timeout, aborted on disconnect. */
  protected request<T>(options: Omit<RequestOptions<T>, 'viewer' | 'signal' | 'timeoutMs'>): Promise<T> {
    this.requests ??= new AbortController();
    return requestJson({
      ...options,
      viewer: viewerIdentity().id,
      signal: this.requests.signal,
      timeoutMs: Math.max(0.5, finiteOr(this.timeout, 8)) * 1000,
    });
  }

  /** The viewer-facing sentence for a failed request. */
  protected errorText(error: unknown): string {
    const kind = error instanceof EndpointError ? error.kind : 'network';
    return this.t(`error.${kind}` as keyof WidgetStrings);
  }

  /** An http(s) URL from an attribute or an answer, or undefined (and a console error) for anything else. */
  protected safeLink(value: string | null | undefined, what: string): string | undefined {
    if (!value?.trim()) return undefined;
    const result = safeUrl(value);
    if (result.ok) return result.url;
    this.report(`${what} refused: ${result.reason}`);
    return undefined;
  }

  /** Logs a configuration problem once per element and message. */
  protected report(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    console.error(`<${this.localName}>: ${message}`);
  }

  protected isAbort(error: unknown): boolean {
    return error instanceof DOMException && error.name === 'AbortError';
  }

  private handleCue(cue: Cue): void {
    if (!this.triggers.has('cue') || !this.isCueForMe(cue.target)) return;
    if (cue.type === 'widget.show') this.cueShow(cue);
    else if (cue.type === 'widget.hide') this.hide();
  }

  private isCueForMe(target: string | undefined): boolean {
    if (!target) return false;
    const own = clampId(this.cueTarget) || clampId(this.id);
    return target === own || target === this.widgetName;
  }

  private renderCard(): TemplateResult {
    const closable = this.display === 'sheet' || this.dismissible;
    // In a sheet the card itself takes the first focus (its name is read out), not the close button.
    const sheet = this.display === 'sheet';
    return html`<div class="card" part="card" role="group" aria-labelledby="headline" tabindex=${sheet ? '-1' : nothing} ?autofocus=${sheet}>
      ${this.renderBody()}
      ${
        closable
          ? html`<button class="close" part="close" type="button" aria-label=${this.t('close')} @click=${() => this.closeBy('close')}>
              <svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6 6 18" /></svg>
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderSetup(missing: string[]): TemplateResult {
    const [before = '', after = ''] = this.t('setupHint').split('{attrs}');
    return html`<div class="placeholder" part="placeholder" role="note">
      <strong>${this.t('setupTitle')}: &lt;${this.localName}&gt;</strong>
      <span>${before}${missing.map((item, i) => html`${i ? ', ' : ''}<code>${item}</code>`)}${after}</span>
    </div>`;
  }

  private closeBy(reason: DismissReason): void {
    this.closeReason = reason;
    this.dismiss(reason);
    this.restoreFocus();
  }

  private onDialogClose = (): void => {
    const reason = this.closeReason ?? 'escape';
    this.closeReason = undefined;
    if (this.shown) {
      this.dismiss(reason);
      this.restoreFocus();
    }
  };

  private onDialogClick = (event: MouseEvent): void => {
    // A click on the dialog itself (not its card) is a click on the backdrop.
    if (event.target === event.currentTarget) this.closeBy('backdrop');
  };

  private onDialogKeydown = (event: KeyboardEvent): void => {
    trapTab(event, event.currentTarget as HTMLDialogElement);
  };

  private restoreFocus(): void {
    const target = this.returnFocus;
    this.returnFocus = null;
    if (target instanceof HTMLElement && target.isConnected) queueMicrotask(() => target.focus());
  }
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}
