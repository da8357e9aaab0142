import type { Server } from "socket.io";
import type { InvoiceCueKind } from "@/lib/realtime/cue-kinds";
import { InboxCueCoalescer, type InboxCueReason } from "@/lib/realtime/inbox-cue-coalescer";
import { rooms } from "@/lib/realtime/rooms";

/**
 * Realtime events are cues, not data: `{ invoiceId, version, kind }` tells the invoice's open pages
 * to fetch the truth again. The rooms are the server's choice (the invoice's own and the staff
 * who have it open), never the client's.
 */
export type { InvoiceCueKind };

const ioKey = Symbol.for("nota.socket-io");

export function registerSocketServer(io: Server | null): void {
  (globalThis as { [ioKey]?: Server | null })[ioKey] = io;
}

function socketServer(): Server | null {
  return (globalThis as { [ioKey]?: Server | null })[ioKey] ?? null;
}

export function emitInvoiceChanged(cue: {
  invoiceId: string;
  version?: number;
  kind: InvoiceCueKind;
}): void {
  socketServer()
    ?.to([rooms.invoice(cue.invoiceId), rooms.invoiceStaff(cue.invoiceId)])
    .emit("invoice:changed", cue);
}

const coalescerKey = Symbol.for("nota.inbox-cues");

/** One per process (server.ts and Next's bundle load this module separately). */
function inboxCues(): InboxCueCoalescer {
  const holder = globalThis as { [coalescerKey]?: InboxCueCoalescer };
  holder[coalescerKey] ??= new InboxCueCoalescer((organizationId, cue) =>
    socketServer()?.to(rooms.organization(organizationId)).emit("inbox:changed", cue),
  );
  return holder[coalescerKey];
}

/**
 * Tells an organisation's agents that their inbox changed (a new message, an assignment …),
 * coalesced per organisation: see inbox-cue-coalescer.ts.
 */
export function emitInboxChanged(cue: {
  organizationId: string;
  conversationId: string;
  reason: InboxCueReason;
}): void {
  if (!socketServer()) return;
  inboxCues().add(cue.organizationId, cue.conversationId, cue.reason);
}

/**
 * Tells every open invoice page of an organisation that its marketing content changed (a block
 * was published or withdrawn); each page re-reads itself and shows what now applies to it.
 */
export function emitContentChanged(organizationId: string): void {
  socketServer()?.to(rooms.organizationCustomers(organizationId)).emit("invoice:changed", {
    kind: "content",
  });
}

/**
 * Whether the customer has the invoice open right now, on any process (through the adapter).
 * When that cannot be asked (no socket server here, Redis away) the customer counts as away: an
 * extra email is a smaller harm than a promised one that never comes.
 */
export async function customerIsOnInvoice(invoiceId: string): Promise<boolean> {
  const io = socketServer();
  if (!io) return false;
  const here = await io
    .in(rooms.invoice(invoiceId))
    .fetchSockets()
    .catch(() => []);
  return here.length > 0;
}
