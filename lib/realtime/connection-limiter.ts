/**
 * Per-connection token buckets: each kind of event has a burst it may use at once and a steady
 * rate it refills at. A connection that keeps pushing past its limits is cut off, so one noisy
 * client costs the server little.
 */
export const EVENT_LIMITS = {
  message: { burst: 8, perSecond: 1 },
  typing: { burst: 10, perSecond: 2 },
  other: { burst: 40, perSecond: 10 },
} as const;
export type EventClass = keyof typeof EVENT_LIMITS;

/** Refusals a connection may collect before it is disconnected. */
export const MAX_REFUSALS = 200;

export class ConnectionLimiter {
  private readonly tokens = new Map<EventClass, { level: number; at: number }>();
  refusals = 0;

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Takes one token for the event class; false when the bucket is empty. */
  take(eventClass: EventClass): boolean {
    const limit = EVENT_LIMITS[eventClass];
    const now = this.now();
    const bucket = this.tokens.get(eventClass) ?? { level: limit.burst, at: now };
    const level = Math.min(
      limit.burst,
      bucket.level + ((now - bucket.at) / 1000) * limit.perSecond,
    );
    if (level < 1) {
      this.tokens.set(eventClass, { level, at: now });
      return false;
    }
    this.tokens.set(eventClass, { level: level - 1, at: now });
    return true;
  }

  /** Counts a refused event; true once the connection has earned a disconnect. */
  refuse(): boolean {
    this.refusals += 1;
    return this.refusals >= MAX_REFUSALS;
  }
}
