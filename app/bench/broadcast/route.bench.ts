import type { Server } from "socket.io";
import { z } from "zod";
import { rooms } from "@/lib/realtime/rooms";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ invoiceId: z.uuid(), mark: z.number().int() });

/**
 * The reference for `npm run bench:realtime`: the same HTTP request, the same socket.io server
 * and Redis adapter and the same invoice rooms as an agent's edit, but no session, no database
 * and no domain function. What an edit costs beyond this is ours. Part of the benchmark's own
 * build only (NOTA_BENCH_BUILD=1, see next.config.ts): the production app has no such route, which
 * would let anyone emit into any room.
 */
export async function POST(request: Request) {
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ ok: false }, { status: 400 });
  // server.ts registers its socket server under this global key (lib/realtime/invoice-cues.ts),
  // because Next's bundle and server.ts load separate copies of our modules.
  const io = (globalThis as { [key: symbol]: Server | null | undefined })[
    Symbol.for("nota.socket-io")
  ];
  if (!io) return Response.json({ ok: false }, { status: 503 });
  const { invoiceId, mark } = parsed.data;
  io.to([rooms.invoice(invoiceId), rooms.invoiceStaff(invoiceId)]).emit("bench:broadcast", {
    invoiceId,
    mark,
  });
  return Response.json({ ok: true });
}
