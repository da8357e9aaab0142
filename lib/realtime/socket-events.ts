import type { Socket } from "socket.io";
import type { z } from "zod";
import { isAppError } from "@/lib/errors/app-error";
import type { ConnectionLimiter, EventClass } from "./connection-limiter";

export type Ack = (reply: Record<string, unknown>) => void;

/**
 * Registers one inbound event: rate-limited per connection, its payload parsed with zod, and
 * every outcome answered through the acknowledgement when the client sent one. A handler's
 * failure is an error reply, never an unhandled rejection: bad events must not crash the process.
 */
export function createEventRegistry(socket: Socket, limiter: ConnectionLimiter) {
  const known = new Set<string>();

  const refuse = (reply: Ack, answer: Record<string, unknown>) => {
    reply({ ok: false, ...answer });
    if (limiter.refuse()) socket.disconnect(true);
  };

  function on<S extends z.ZodType>(
    event: string,
    eventClass: EventClass,
    schema: S,
    run: (input: z.output<S>) => Promise<Record<string, unknown> | undefined>,
  ): void {
    known.add(event);
    socket.on(event, async (...args: unknown[]) => {
      const reply = replyFor(args);
      if (!limiter.take(eventClass)) {
        refuse(reply, { code: "RATE_LIMITED", error: "Too many events; slow down" });
        return;
      }
      const parsed = schema.safeParse(args[0]);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
        refuse(reply, { code: "BAD_INPUT", error: `Invalid ${event} — ${where}${issue?.message}` });
        return;
      }
      try {
        reply({ ok: true, ...((await run(parsed.data)) ?? {}) });
      } catch (error) {
        if (isAppError(error)) {
          reply({ ok: false, code: error.code, error: error.message, ...(error.details ?? {}) });
        } else if (isDatabaseBusy(error)) {
          // Overload, not a fault: the client keeps the message and may send it again (same id).
          reply({ ok: false, code: "UNAVAILABLE", error: "Busy right now; try again in a moment" });
        } else {
          console.error(`socket event ${event} failed:`, error);
          reply({ ok: false, code: "INTERNAL", error: "Something went wrong; try again" });
        }
      }
    });
  }

  // Events nobody registered get an error reply (when they ask for one) and count as refusals.
  socket.onAny((event: unknown, ...args: unknown[]) => {
    if (typeof event === "string" && known.has(event)) return;
    refuse(replyFor(args), { code: "UNKNOWN_EVENT", error: "Unknown event" });
  });

  return { on };
}

function replyFor(args: unknown[]): Ack {
  const last = args.at(-1);
  if (typeof last !== "function") return () => {};
  return (reply) => {
    try {
      (last as Ack)(reply);
    } catch {
      // A client that cannot take its answer has gone; nothing to do.
    }
  };
}

/** A database that could not take the work in time (transaction queue or pool timeouts). */
function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === "P2028" || code === "P2024";
}
