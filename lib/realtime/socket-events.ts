import type { Socket } from "socket.io";
import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { errorReply, type Problem } from "@/lib/errors/error-reply";
import type { ConnectionLimiter, EventClass } from "@/lib/realtime/connection-limiter";
import { badInputFromZod } from "@/lib/validation/parse-input";

/** What every acknowledgement is: `{ ok: true, …result }` or `{ ok: false, error: problem }`. */
export type Ack = (reply: Record<string, unknown>) => void;
export type AckFailure = { ok: false; error: Problem };

/**
 * Registers one inbound event: rate-limited per connection, its payload parsed with zod, and
 * every outcome answered through the acknowledgement when the client sent one — failures as the
 * house's one error reply (lib/errors/error-reply.ts), the same problem an HTTP route answers. A
 * handler's failure is an error reply, never an unhandled rejection: bad events must not crash
 * the process.
 */
export function createEventRegistry(socket: Socket, limiter: ConnectionLimiter) {
  const known = new Set<string>();

  const refuse = (reply: Ack, error: AppError) => {
    reply({ ok: false, error: errorReply(error) } satisfies AckFailure);
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
        refuse(reply, new AppError("RATE_LIMITED", "Too many events; slow down"));
        return;
      }
      const parsed = schema.safeParse(args[0]);
      if (!parsed.success) {
        refuse(reply, badInputFromZod(parsed.error, event));
        return;
      }
      try {
        reply({ ok: true, ...((await run(parsed.data)) ?? {}) });
      } catch (error) {
        // Overload is answered UNAVAILABLE: the client keeps the message and may send it again
        // (with the same id); anything unexpected is logged there with the event's name.
        reply({ ok: false, error: errorReply(error, { event }) } satisfies AckFailure);
      }
    });
  }

  // Events nobody registered get an error reply (when they ask for one) and count as refusals.
  socket.onAny((event: unknown, ...args: unknown[]) => {
    if (typeof event === "string" && known.has(event)) return;
    refuse(replyFor(args), new AppError("UNKNOWN_EVENT", "Unknown event"));
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
