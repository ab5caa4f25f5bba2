// What the server keeps, as one interface: SQLite implements it (sqlite-store.ts); a bigger store
// (PostgreSQL, MySQL) implements the same methods. Every method is async so such a store drops in.
import type { StoredEvent } from './catalogue.js';

export interface ClaimResult {
  status: 'claimed' | 'soldout';
  code?: string;
  remaining: number;
}

export interface RewardRecord {
  code: string;
  issuedAt: string;
}

export interface ReminderRecord {
  room: string;
  contact: string;
  kind: 'email' | 'phone';
  startsAt: string;
  viewer?: string;
  /** The viewer's language, for the reminder text. */
  locale?: string;
  /** The page the consent was given on. */
  page?: string;
  /** When the consent was given. */
  createdAt: string;
}

/** One viewer's activity in one room, aggregated by the store. */
export interface ViewerActivity {
  viewer: string;
  watchSeconds: number;
  interactions: number;
  questions: number;
  productClicks: number;
  converted: boolean;
  groupOpened: boolean;
  firstSeen: string;
  lastSeen: string;
}

export interface Store {
  /** Records a confirmed follow; repeating it changes nothing. */
  recordFollow(viewer: string, campaign: string): Promise<void>;
  hasFollow(viewer: string, campaign: string): Promise<boolean>;
  /**
   * The viewer's reward for the campaign: the one issued before, or a new one from `issue(n)`
   * (n = how many were issued so far). `issue` returns undefined when none are left.
   */
  reward(
    viewer: string,
    campaign: string,
    issue: (issued: number) => string | undefined,
  ): Promise<RewardRecord | undefined>;
  /** Makes sure the coupon exists with `quantity`; an existing coupon keeps its count. */
  ensureCoupon(coupon: string, quantity: number): Promise<void>;
  /** Atomically takes one coupon for the viewer (the same one again for a repeat claim). */
  claimCoupon(viewer: string, coupon: string, code: () => string): Promise<ClaimResult>;
  couponRemaining(coupon: string): Promise<number>;
  /**
   * The viewer's group entry for the pool if `keep(entry)` still likes it, else a new one from
   * `pick(handedOut)` (handouts per entry index), recorded for the viewer.
   */
  groupEntry(
    viewer: string,
    pool: string,
    choose: { keep(entry: number): boolean; pick(handedOut: Map<number, number>): number | undefined },
  ): Promise<number | undefined>;
  /** Stores a sign-up; returns false when that contact had already signed up for the room. */
  addReminder(reminder: ReminderRecord): Promise<boolean>;
  /** Stores new events; `true` for each stored, `false` for each duplicate id. All or nothing. */
  insertEvents(events: readonly StoredEvent[]): Promise<boolean[]>;
  events(filter: { room?: string; limit?: number }): Promise<StoredEvent[]>;
  countEvents(filter: { room?: string }): Promise<number>;
  /** Per viewer who sent events for the room. */
  activity(room: string): Promise<ViewerActivity[]>;
  /** Latest contact per viewer from reminders for the room (or any room when the viewer gave one). */
  contacts(viewers: readonly string[]): Promise<Map<string, { contact: string; kind: string }>>;
  follows(viewers: readonly string[]): Promise<Set<string>>;
  rewardsOf(viewers: readonly string[]): Promise<Map<string, string>>;
  claimsOf(viewers: readonly string[]): Promise<Map<string, string>>;
  rooms(): Promise<string[]>;
  close(): Promise<void>;
}
