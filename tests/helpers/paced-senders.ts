import type { Socket } from "socket.io-client";
import { type Arrivals, sleep, summarize } from "./latency-stats";

/**
 * One kind of traffic for the realtime bench: what a sender emits and which arrival (at the
 * receiving process) proves it was delivered. Keys must match what the receivers record.
 */
export interface Traffic {
  event: string;
  payload(sender: number, count: number): unknown;
  arrivalKey(sender: number, count: number): string;
}

export interface PacedResult {
  /** Sent → delivered at the other process, in ms (samples inside the measuring window). */
  delivered: number[];
  /** Sent → acknowledged by the sender's own process. */
  acknowledged: number[];
  refused: number;
  /** Why events were refused: the reply's code, or "no reply". */
  codes: Record<string, number>;
  lost: number;
  windowSeconds: number;
}

/**
 * Every sender emits once a second, the steady rate the per-connection limits allow, with its
 * phase spread over the second so the load is even. The first `warmupSeconds` are not measured.
 */
export async function runPaced(options: {
  senders: Socket[];
  traffic: Traffic;
  arrivals: Arrivals;
  warmupSeconds: number;
  seconds: number;
}): Promise<PacedResult> {
  const { senders, traffic, arrivals } = options;
  const result: PacedResult = {
    delivered: [],
    acknowledged: [],
    refused: 0,
    codes: {},
    lost: 0,
    windowSeconds: options.seconds,
  };
  const windowStart = performance.now() + options.warmupSeconds * 1000;
  const end = windowStart + options.seconds * 1000;
  await Promise.all(
    senders.map(async (socket, sender) => {
      await sleep(Math.random() * 1000);
      for (let count = 0; performance.now() < end; count++) {
        const started = performance.now();
        const measured = started >= windowStart;
        const arrived = arrivals.wait(traffic.arrivalKey(sender, count), 1, 5000);
        const reply = await socket
          .timeout(5000)
          .emitWithAck(traffic.event, traffic.payload(sender, count))
          .catch(() => null);
        const acknowledged = performance.now() - started;
        const [at] = reply?.ok ? await arrived : [];
        if (measured) {
          if (!reply?.ok) {
            result.refused += 1;
            const code = String(reply?.error?.code ?? "no reply");
            result.codes[code] = (result.codes[code] ?? 0) + 1;
          } else if (at === undefined) result.lost += 1;
          else {
            result.acknowledged.push(acknowledged);
            result.delivered.push(at - started);
          }
        }
        await sleep(Math.max(0, 1000 - (performance.now() - started)));
      }
    }),
  );
  return result;
}

/**
 * Every sender uses its whole burst at once (8 messages: EVENT_LIMITS.message.burst): how fast
 * the processes persist and deliver a crowd that all writes in the same instant.
 */
export async function runBurst(options: {
  senders: Socket[];
  traffic: Traffic;
  arrivals: Arrivals;
  perSender: number;
}) {
  const { senders, traffic, arrivals, perSender } = options;
  const delivered: number[] = [];
  const codes: Record<string, number> = {};
  let refused = 0;
  const started = performance.now();
  await Promise.all(
    senders.flatMap((socket, sender) =>
      Array.from({ length: perSender }, async (_, count) => {
        const arrived = arrivals.wait(traffic.arrivalKey(sender, count), 1, 30_000);
        const reply = await socket
          .timeout(30_000)
          .emitWithAck(traffic.event, traffic.payload(sender, count))
          .catch(() => null);
        const [at] = reply?.ok ? await arrived : [];
        if (at !== undefined) delivered.push(at - started);
        else {
          refused += 1;
          const code = String(reply?.error?.code ?? (reply ? "not delivered" : "no reply"));
          codes[code] = (codes[code] ?? 0) + 1;
        }
      }),
    ),
  );
  return {
    delivered,
    elapsedMs: performance.now() - started,
    completed: delivered.length,
    refused,
    codes,
  };
}

/** `times` acknowledged round trips one after another on one connection, summarized. */
export async function roundTrips(socket: Socket, event: string, payload: unknown, times: number) {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await socket.timeout(10_000).emitWithAck(event, payload);
    samples.push(performance.now() - started);
    await sleep(25);
  }
  return summarize(samples);
}
