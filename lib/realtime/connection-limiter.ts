/**
 * Token buckets for socket events: each kind of event has a burst it may use at once and a steady
 * rate it refills at. Every event takes a token from its connection's bucket *and* from the shared
 * buckets of the link (invoice) and the client address it came from, so opening more sockets buys
 * no more messages. A connection that keeps pushing past its limits is cut off, so one noisy
 * client costs the server little.
 */
export interface BucketLimit {
  burst: number;
  perSecond: number;
}

export const EVENT_LIMITS = {
  message: { burst: 8, perSecond: 1 },
  typing: { burst: 10, perSecond: 2 },
  other: { burst: 40, perSecond: 10 },
} as const satisfies Record<string, BucketLimit>;
export type EventClass = keyof typeof EVENT_LIMITS;

/** What all sockets on one invoice's links share (a customer with two tabs, or twenty). */
export const LINK_EVENT_LIMITS = {
  message: { burst: 12, perSecond: 1 },
  typing: { burst: 20, perSecond: 4 },
  other: { burst: 80, perSecond: 20 },
} as const satisfies Record<EventClass, BucketLimit>;

/** What all sockets from one client address share (an office or a household behind one NAT). */
export const ADDRESS_EVENT_LIMITS = {
  message: { burst: 40, perSecond: 5 },
  typing: { burst: 60, perSecond: 10 },
  other: { burst: 300, perSecond: 60 },
} as const satisfies Record<EventClass, BucketLimit>;

/** Refusals a connection may collect before it is disconnected. */
export const MAX_REFUSALS = 200;

/**
 * Open sockets allowed at once per invoice link and per client address (SOCKETS_PER_LINK,
 * SOCKETS_PER_ADDRESS; 0 per address turns the address limits off, for load tests from one host).
 */
export const CONNECTION_LIMITS = { perLink: 10, perAddress: 100 } as const;

/** Keys a shared table remembers at most; the least recently used is forgotten first. */
export const MAX_SHARED_KEYS = 50_000;

type Level = { level: number; at: number };

function refill(limit: BucketLimit, bucket: Level | undefined, now: number): number {
  if (!bucket) return limit.burst;
  return Math.min(limit.burst, bucket.level + ((now - bucket.at) / 1000) * limit.perSecond);
}

/**
 * Buckets shared by every connection with the same key, bounded: a full bucket carries no
 * information, so forgetting the least recently used key when the table is full loses nothing
 * but a little of an idle key's debt.
 */
export class SharedBuckets {
  private readonly levels = new Map<string, Level>();

  constructor(
    private readonly limits: Record<EventClass, BucketLimit>,
    private readonly maxKeys = MAX_SHARED_KEYS,
  ) {}

  get size(): number {
    return this.levels.size;
  }

  level(key: string, eventClass: EventClass, now: number): number {
    return refill(this.limits[eventClass], this.levels.get(`${eventClass}:${key}`), now);
  }

  set(key: string, eventClass: EventClass, level: number, now: number): void {
    const id = `${eventClass}:${key}`;
    this.levels.delete(id);
    this.levels.set(id, { level, at: now });
    if (this.levels.size > this.maxKeys) {
      const oldest = this.levels.keys().next().value;
      if (oldest !== undefined) this.levels.delete(oldest);
    }
  }
}

/** A socket server's shared tables (each process keeps its own; see README "Security"). */
export interface SharedEventBudgets {
  perLink: SharedBuckets;
  /** Null when per-address limits are off (SOCKETS_PER_ADDRESS=0). */
  perAddress: SharedBuckets | null;
}

export class ConnectionLimiter {
  private readonly tokens = new Map<EventClass, Level>();
  refusals = 0;

  constructor(
    private readonly now: () => number = () => Date.now(),
    /** The shared buckets this connection also draws from, with its key in each. */
    private readonly shared: Array<{ buckets: SharedBuckets; key: string }> = [],
  ) {}

  /**
   * Takes one token for the event class from the connection's bucket and every shared one; false
   * (taking nothing) when any of them is empty.
   */
  take(eventClass: EventClass): boolean {
    const now = this.now();
    const own = refill(EVENT_LIMITS[eventClass], this.tokens.get(eventClass), now);
    const shared = this.shared.map((entry) => entry.buckets.level(entry.key, eventClass, now));
    const allowed = own >= 1 && shared.every((level) => level >= 1);
    const cost = allowed ? 1 : 0;
    this.tokens.set(eventClass, { level: own - cost, at: now });
    this.shared.forEach((entry, i) => {
      entry.buckets.set(entry.key, eventClass, shared[i]! - cost, now);
    });
    return allowed;
  }

  /** Counts a refused event; true once the connection has earned a disconnect. */
  refuse(): boolean {
    this.refusals += 1;
    return this.refusals >= MAX_REFUSALS;
  }
}

/**
 * Open connections per key (link, address). Keys are removed when their count falls to zero, so
 * the table never holds more keys than there are open sockets.
 */
export class ConnectionCounter {
  private readonly counts = new Map<string, number>();

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.counts.size;
  }

  /** Counts one more connection for the key; false (counting nothing) when it is at its limit. */
  open(key: string): boolean {
    const count = this.counts.get(key) ?? 0;
    if (count >= this.limit) return false;
    this.counts.set(key, count + 1);
    return true;
  }

  close(key: string): void {
    const count = (this.counts.get(key) ?? 0) - 1;
    if (count > 0) this.counts.set(key, count);
    else this.counts.delete(key);
  }
}
