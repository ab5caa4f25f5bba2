// The default Store: one SQLite file (better-sqlite3, WAL). Plain SQL that ports to PostgreSQL as noted inline.
import Database from 'better-sqlite3';
import type { StoredEvent } from './catalogue.js';
import { CONVERSION_TYPES, INTERACTION_TYPES } from './catalogue.js';
import type { ClaimResult, ReminderRecord, RewardRecord, Store, ViewerActivity } from './store.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS follows (
  viewer TEXT NOT NULL, campaign TEXT NOT NULL, confirmed_at TEXT NOT NULL,
  PRIMARY KEY (viewer, campaign)
);
CREATE TABLE IF NOT EXISTS rewards (
  viewer TEXT NOT NULL, campaign TEXT NOT NULL, code TEXT NOT NULL, issued_at TEXT NOT NULL,
  PRIMARY KEY (viewer, campaign)
);
CREATE TABLE IF NOT EXISTS coupons (id TEXT PRIMARY KEY, quantity INTEGER NOT NULL, remaining INTEGER NOT NULL CHECK (remaining >= 0));
CREATE TABLE IF NOT EXISTS coupon_claims (
  coupon TEXT NOT NULL, viewer TEXT NOT NULL, code TEXT NOT NULL, claimed_at TEXT NOT NULL,
  PRIMARY KEY (coupon, viewer)
);
CREATE TABLE IF NOT EXISTS group_handouts (
  pool TEXT NOT NULL, viewer TEXT NOT NULL, entry INTEGER NOT NULL, handed_at TEXT NOT NULL,
  PRIMARY KEY (pool, viewer)
);
CREATE TABLE IF NOT EXISTS reminders (
  room TEXT NOT NULL, contact TEXT NOT NULL, kind TEXT NOT NULL, starts_at TEXT NOT NULL,
  viewer TEXT, locale TEXT, page TEXT, created_at TEXT NOT NULL,
  PRIMARY KEY (room, contact)
);
CREATE INDEX IF NOT EXISTS reminders_viewer ON reminders (viewer);
CREATE TABLE IF NOT EXISTS events (
  id TEXT PRIMARY KEY, type TEXT NOT NULL, time TEXT NOT NULL, received_at TEXT NOT NULL,
  session TEXT NOT NULL, viewer TEXT, room TEXT, page TEXT NOT NULL, data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_room_viewer ON events (room, viewer);
`;

const inList = (values: ReadonlySet<string>) => [...values].map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');

export class SqliteStore implements Store {
  readonly db: Database.Database;
  private readonly statements;

  /** `path`: a file, or ':memory:' for tests. */
  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL'); // readers (the report) never block the collector
    this.db.pragma('synchronous = NORMAL'); // durable across process crashes; WAL + NORMAL is SQLite's advice
    this.db.pragma('busy_timeout = 5000'); // a second process (a CLI export) waits instead of failing
    this.db.exec(SCHEMA);
    const db = this.db;
    this.statements = {
      follow: db.prepare('INSERT OR IGNORE INTO follows (viewer, campaign, confirmed_at) VALUES (?, ?, ?)'),
      hasFollow: db.prepare('SELECT 1 FROM follows WHERE viewer = ? AND campaign = ?'),
      reward: db.prepare('SELECT code, issued_at AS issuedAt FROM rewards WHERE viewer = ? AND campaign = ?'),
      rewardCount: db.prepare('SELECT COUNT(*) AS n FROM rewards WHERE campaign = ?'),
      addReward: db.prepare('INSERT INTO rewards (viewer, campaign, code, issued_at) VALUES (?, ?, ?, ?)'),
      ensureCoupon: db.prepare('INSERT OR IGNORE INTO coupons (id, quantity, remaining) VALUES (?, ?, ?)'),
      claimOf: db.prepare('SELECT code FROM coupon_claims WHERE coupon = ? AND viewer = ?'),
      // PostgreSQL: the same UPDATE … WHERE remaining > 0 RETURNING remaining, in one statement.
      takeCoupon: db.prepare('UPDATE coupons SET remaining = remaining - 1 WHERE id = ? AND remaining > 0'),
      addClaim: db.prepare('INSERT INTO coupon_claims (coupon, viewer, code, claimed_at) VALUES (?, ?, ?, ?)'),
      remaining: db.prepare('SELECT remaining FROM coupons WHERE id = ?'),
      handout: db.prepare('SELECT entry FROM group_handouts WHERE pool = ? AND viewer = ?'),
      handouts: db.prepare('SELECT entry, COUNT(*) AS n FROM group_handouts WHERE pool = ? GROUP BY entry'),
      addHandout: db.prepare('INSERT INTO group_handouts (pool, viewer, entry, handed_at) VALUES (?, ?, ?, ?)'),
      addReminder: db.prepare(
        'INSERT OR IGNORE INTO reminders (room, contact, kind, starts_at, viewer, locale, page, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      // PostgreSQL: INSERT … ON CONFLICT (id) DO NOTHING.
      addEvent: db.prepare(
        'INSERT OR IGNORE INTO events (id, type, time, received_at, session, viewer, room, page, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      rooms: db.prepare('SELECT DISTINCT room FROM events WHERE room IS NOT NULL ORDER BY room'),
      activity: db.prepare(`
        SELECT viewer,
          SUM(CASE WHEN type = 'watch.progress' THEN COALESCE(json_extract(data, '$.seconds'), 0) ELSE 0 END) AS watchSeconds,
          SUM(CASE WHEN type IN (${inList(INTERACTION_TYPES)}) THEN 1 ELSE 0 END) AS interactions,
          SUM(CASE WHEN type = 'question.asked' THEN 1 ELSE 0 END) AS questions,
          SUM(CASE WHEN type = 'product.clicked' THEN 1 ELSE 0 END) AS productClicks,
          MAX(CASE WHEN type IN (${inList(CONVERSION_TYPES)}) THEN 1 ELSE 0 END) AS converted,
          MAX(CASE WHEN type = 'group.opened' THEN 1 ELSE 0 END) AS groupOpened,
          MIN(time) AS firstSeen, MAX(time) AS lastSeen
        FROM events WHERE room = ? AND viewer IS NOT NULL GROUP BY viewer`),
    };
  }

  async recordFollow(viewer: string, campaign: string): Promise<void> {
    this.statements.follow.run(viewer, campaign, now());
  }

  async hasFollow(viewer: string, campaign: string): Promise<boolean> {
    return this.statements.hasFollow.get(viewer, campaign) !== undefined;
  }

  async reward(
    viewer: string,
    campaign: string,
    issue: (issued: number) => string | undefined,
  ): Promise<RewardRecord | undefined> {
    const s = this.statements;
    return this.db
      .transaction((): RewardRecord | undefined => {
        const existing = s.reward.get(viewer, campaign) as RewardRecord | undefined;
        if (existing) return existing;
        const { n } = s.rewardCount.get(campaign) as { n: number };
        const code = issue(n);
        if (code === undefined) return undefined;
        const issuedAt = now();
        s.addReward.run(viewer, campaign, code, issuedAt);
        return { code, issuedAt };
      })
      .immediate();
  }

  async ensureCoupon(coupon: string, quantity: number): Promise<void> {
    this.statements.ensureCoupon.run(coupon, quantity, quantity);
  }

  async claimCoupon(viewer: string, coupon: string, code: () => string): Promise<ClaimResult> {
    const s = this.statements;
    // BEGIN IMMEDIATE takes the write lock first, so two processes on one file can't both sell the last one.
    return this.db
      .transaction((): ClaimResult => {
        const remaining = () => (s.remaining.get(coupon) as { remaining: number } | undefined)?.remaining ?? 0;
        const existing = s.claimOf.get(coupon, viewer) as { code: string } | undefined;
        if (existing) return { status: 'claimed', code: existing.code, remaining: remaining() };
        if (s.takeCoupon.run(coupon).changes === 0) return { status: 'soldout', remaining: 0 };
        const issued = code();
        s.addClaim.run(coupon, viewer, issued, now());
        return { status: 'claimed', code: issued, remaining: remaining() };
      })
      .immediate();
  }

  async couponRemaining(coupon: string): Promise<number> {
    return (this.statements.remaining.get(coupon) as { remaining: number } | undefined)?.remaining ?? 0;
  }

  async groupEntry(
    viewer: string,
    pool: string,
    choose: { keep(entry: number): boolean; pick(handedOut: Map<number, number>): number | undefined },
  ): Promise<number | undefined> {
    const s = this.statements;
    return this.db
      .transaction((): number | undefined => {
        const existing = s.handout.get(pool, viewer) as { entry: number } | undefined;
        // The same viewer keeps the same group while it is still usable.
        if (existing && choose.keep(existing.entry)) return existing.entry;
        const counts = new Map<number, number>();
        for (const row of s.handouts.all(pool) as { entry: number; n: number }[]) counts.set(row.entry, row.n);
        const entry = choose.pick(counts);
        if (entry === undefined) return undefined;
        this.db.prepare('DELETE FROM group_handouts WHERE pool = ? AND viewer = ?').run(pool, viewer);
        s.addHandout.run(pool, viewer, entry, now());
        return entry;
      })
      .immediate();
  }

  async addReminder(r: ReminderRecord): Promise<boolean> {
    const s = this.statements.addReminder;
    return (
      s.run(r.room, r.contact, r.kind, r.startsAt, r.viewer ?? null, r.locale ?? null, r.page ?? null, r.createdAt)
        .changes === 1
    );
  }

  async insertEvents(events: readonly StoredEvent[]): Promise<boolean[]> {
    const add = this.statements.addEvent;
    const receivedAt = now();
    return this.db.transaction(() =>
      events.map(
        (e) =>
          add.run(
            e.id,
            e.type,
            e.time,
            receivedAt,
            e.session,
            e.viewer ?? null,
            e.room ?? null,
            e.page,
            JSON.stringify(e.data),
          ).changes === 1,
      ),
    )();
  }

  async events({ room, limit = 10_000 }: { room?: string; limit?: number }): Promise<StoredEvent[]> {
    const rows = (
      room === undefined
        ? this.db.prepare('SELECT * FROM events ORDER BY time, id LIMIT ?').all(limit)
        : this.db.prepare('SELECT * FROM events WHERE room = ? ORDER BY time, id LIMIT ?').all(room, limit)
    ) as Record<string, string | null>[];
    return rows.map((r) => ({
      id: r.id!,
      type: r.type!,
      time: r.time!,
      session: r.session!,
      ...(r.viewer !== null && { viewer: r.viewer! }),
      ...(r.room !== null && { room: r.room! }),
      page: r.page!,
      data: JSON.parse(r.data!) as Record<string, unknown>,
    }));
  }

  async countEvents({ room }: { room?: string }): Promise<number> {
    const row = (
      room === undefined
        ? this.db.prepare('SELECT COUNT(*) AS n FROM events').get()
        : this.db.prepare('SELECT COUNT(*) AS n FROM events WHERE room = ?').get(room)
    ) as { n: number };
    return row.n;
  }

  async activity(room: string): Promise<ViewerActivity[]> {
    return (
      this.statements.activity.all(room) as (Omit<ViewerActivity, 'converted' | 'groupOpened'> & {
        converted: number;
        groupOpened: number;
      })[]
    ).map((r) => ({
      ...r,
      watchSeconds: Number(r.watchSeconds) || 0,
      converted: r.converted === 1,
      groupOpened: r.groupOpened === 1,
    }));
  }

  async contacts(viewers: readonly string[]): Promise<Map<string, { contact: string; kind: string }>> {
    const map = new Map<string, { contact: string; kind: string }>();
    for (const chunk of chunks(viewers)) {
      const rows = this.db
        .prepare(
          `SELECT viewer, contact, kind FROM reminders WHERE viewer IN (${chunk.map(() => '?').join(',')}) ORDER BY created_at`,
        )
        .all(...chunk) as { viewer: string; contact: string; kind: string }[];
      for (const r of rows) map.set(r.viewer, { contact: r.contact, kind: r.kind });
    }
    return map;
  }

  async follows(viewers: readonly string[]): Promise<Set<string>> {
    const set = new Set<string>();
    for (const chunk of chunks(viewers)) {
      const rows = this.db
        .prepare(`SELECT DISTINCT viewer FROM follows WHERE viewer IN (${chunk.map(() => '?').join(',')})`)
        .all(...chunk) as {
        viewer: string;
      }[];
      for (const r of rows) set.add(r.viewer);
    }
    return set;
  }

  async rewardsOf(viewers: readonly string[]): Promise<Map<string, string>> {
    return this.codesOf('rewards', viewers);
  }

  async claimsOf(viewers: readonly string[]): Promise<Map<string, string>> {
    return this.codesOf('coupon_claims', viewers);
  }

  async rooms(): Promise<string[]> {
    return (this.statements.rooms.all() as { room: string }[]).map((r) => r.room);
  }

  async close(): Promise<void> {
    this.db.close();
  }

  private codesOf(table: 'rewards' | 'coupon_claims', viewers: readonly string[]): Map<string, string> {
    const map = new Map<string, string>();
    for (const chunk of chunks(viewers)) {
      const rows = this.db
        .prepare(`SELECT viewer, code FROM ${table} WHERE viewer IN (${chunk.map(() => '?').join(',')})`)
        .all(...chunk) as {
        viewer: string;
        code: string;
      }[];
      for (const r of rows) map.set(r.viewer, map.has(r.viewer) ? `${map.get(r.viewer)} ${r.code}` : r.code);
    }
    return map;
  }
}

function now(): string {
  return new Date().toISOString();
}

/** SQLite allows 32,766 parameters; stay far below. */
function* chunks<T>(values: readonly T[], size = 500): Generator<T[]> {
  for (let i = 0; i < values.length; i += size) yield values.slice(i, i + size);
}
