/**
 * Small measuring tools for the realtime bench (scripts/bench-realtime.ts): percentiles, a
 * bounded-concurrency loop, and a place where socket handlers drop the time an expected event
 * arrived so the sender can wait for all of them.
 */

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** p50/p95/p99/max in milliseconds, rounded to 0.1 ms, with the number of samples. */
export function summarize(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

/** Runs `task` over `items` with at most `limit` in flight. */
export async function eachLimited<T>(
  items: T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Arrival times of expected events by key. Handlers call `record(key)`; the sender calls
 * `wait(key, count)` and gets the arrival times once `count` have arrived (or the timeout hits,
 * with what arrived: a missing arrival shows as fewer samples, never as a hang).
 */
export class Arrivals {
  private readonly times = new Map<string, number[]>();
  private readonly waiters = new Map<string, { count: number; done: (times: number[]) => void }>();

  record(key: string, at = performance.now()): void {
    const times = this.times.get(key) ?? [];
    times.push(at);
    this.times.set(key, times);
    const waiter = this.waiters.get(key);
    if (waiter && times.length >= waiter.count) waiter.done(times);
  }

  wait(key: string, count: number, timeoutMs = 10_000): Promise<number[]> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(this.times.get(key) ?? []), timeoutMs);
      const finish = (times: number[]) => {
        clearTimeout(timer);
        this.waiters.delete(key);
        this.times.delete(key);
        resolve(times);
      };
      const already = this.times.get(key) ?? [];
      if (already.length >= count) finish(already);
      else this.waiters.set(key, { count, done: finish });
    });
  }
}

/** The figures as one table: name, samples, percentiles, then everything else a figure says. */
export function printTable(figures: Array<Record<string, unknown>>): void {
  const shown = ["figure", "samples", "p50", "p95", "p99", "max"];
  const row = (cells: unknown[]) =>
    console.log(cells.map((cell, i) => String(cell).padEnd(i ? 10 : 56)).join(""));
  console.log("");
  row(["figure", "samples", "p50 ms", "p95 ms", "p99 ms", "other"]);
  for (const figure of figures) {
    const other = Object.entries(figure)
      .filter(([key]) => !shown.includes(key))
      .map(([key, value]) => `${key}=${value}`)
      .join(" ");
    row([figure.figure, ...shown.slice(1, 5).map((key) => figure[key] ?? ""), other]);
  }
}
