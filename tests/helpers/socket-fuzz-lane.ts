import type { Socket } from "socket.io-client";
import { ConnectionLimiter, type EventClass } from "@/lib/realtime/connection-limiter";
import type { FuzzAction } from "./socket-fuzz-arbitraries";

export interface FuzzStats {
  /** Events and raw packets written to the server. */
  sent: number;
  /** Outcome per event: ok, an error code, "no-ack" (none asked) or "lost" (connection ended). */
  outcomes: Record<string, number>;
  /** Why the server ended fuzzing connections (rate limit, oversized frame, parse error …). */
  disconnects: Record<string, number>;
  connections: number;
  /** Ids of messages the server said it stored, to find them in the database afterwards. */
  acceptedMessageIds: string[];
}

export function emptyStats(): FuzzStats {
  return { sent: 0, outcomes: {}, disconnects: {}, connections: 0, acceptedMessageIds: [] };
}

const count = (table: Record<string, number>, key: string) => {
  table[key] = (table[key] ?? 0) + 1;
};

const EVENT_CLASSES: Record<string, EventClass> = {
  "chat:send": "message",
  "chat:typing": "typing",
  "chat:seen": "other",
  "chat:sync": "other",
  "invoice:watch": "other",
  "invoice:unwatch": "other",
};

/**
 * Plays fuzz actions through one side's connections. A mirror of the server's per-connection
 * token buckets decides when to move to a fresh connection, so most events get past the rate
 * limit and reach validation and the handlers (the limit itself is fuzzed separately by floods).
 * A connection the server ends (too many refusals, an oversized frame, a bad packet) is replaced.
 */
export class FuzzLane {
  private socket: Socket | undefined;
  private mirror = new ConnectionLimiter();
  private used = 0;
  /** Set when the connection can no longer be trusted to answer (see rotate). */
  private broken = false;

  constructor(
    private readonly options: {
      connect: () => Promise<Socket>;
      /** Runs on every fresh connection before fuzzing it (staff open their invoice first). */
      prepare?: (socket: Socket) => Promise<void>;
      knownEvents: readonly string[];
      maxPerConnection: number;
      ackTimeoutMs: number;
      stats: FuzzStats;
    },
  ) {}

  async run(actions: FuzzAction[]): Promise<void> {
    for (const action of actions) await this.play(action);
    this.socket?.disconnect();
  }

  private async play(action: FuzzAction): Promise<void> {
    const { stats, knownEvents } = this.options;
    const eventClass =
      action.kind === "emit" &&
      typeof action.event === "string" &&
      knownEvents.includes(action.event)
        ? EVENT_CLASSES[action.event]
        : undefined;
    if (
      !this.socket?.connected ||
      this.broken ||
      this.used >= this.options.maxPerConnection ||
      (eventClass && !this.mirror.take(eventClass))
    ) {
      await this.rotate();
      if (eventClass) this.mirror.take(eventClass);
    }
    const socket = this.socket!;
    this.used++;
    stats.sent++;
    if (action.kind === "raw") {
      socket.io.engine?.write(action.data as string);
      count(stats.outcomes, "raw");
      // Give the server the time to act on a packet that ends the connection.
      await new Promise((resolve) => setTimeout(resolve, 5));
      return;
    }
    if (!action.ack) {
      socket.emit(action.event as string, ...action.args);
      count(stats.outcomes, "no-ack");
      return;
    }
    try {
      const reply = (await socket
        .timeout(this.options.ackTimeoutMs)
        .emitWithAck(action.event as string, ...action.args)) as {
        ok?: boolean;
        error?: { code?: string };
        message?: { id?: string };
      };
      count(stats.outcomes, reply?.ok ? "ok" : String(reply?.error?.code ?? "malformed reply"));
      if (reply?.ok && action.event === "chat:send" && reply.message?.id) {
        stats.acceptedMessageIds.push(reply.message.id);
      }
    } catch {
      count(stats.outcomes, "lost");
      this.broken = true;
    }
  }

  private async rotate(): Promise<void> {
    this.socket?.disconnect();
    const socket = await this.options.connect();
    socket.on("disconnect", (reason) => {
      if (reason !== "io client disconnect") count(this.options.stats.disconnects, reason);
    });
    // A raw CONNECT packet the server refuses detaches the client socket while it still reads
    // as connected; it would swallow every later event.
    socket.on("connect_error", () => {
      count(this.options.stats.disconnects, "refused re-connect packet");
      this.broken = true;
    });
    this.socket = socket;
    this.broken = false;
    this.mirror = new ConnectionLimiter();
    this.used = 0;
    this.options.stats.connections++;
    if (this.options.prepare) {
      this.mirror.take("other");
      await this.options.prepare(socket);
    }
  }
}

/**
 * Sends `times` events as fast as the connection takes them, each asking for an answer, and
 * reports the answers and whether the server ended the connection (it should, at MAX_REFUSALS).
 */
export async function flood(
  socket: Socket,
  times: number,
  event: string,
  payload: (index: number) => unknown,
) {
  const codes: Record<string, number> = {};
  let disconnectReason: string | null = null;
  socket.on("disconnect", (reason) => {
    disconnectReason = reason;
  });
  await Promise.all(
    Array.from({ length: times }, (_, index) =>
      socket
        .timeout(5000)
        .emitWithAck(event, payload(index))
        .then(
          (reply: { ok: boolean; error?: { code?: string } }) =>
            count(codes, reply.ok ? "ok" : (reply.error?.code ?? "malformed reply")),
          () => count(codes, "lost"),
        ),
    ),
  );
  return { codes, disconnectReason: disconnectReason as string | null };
}
