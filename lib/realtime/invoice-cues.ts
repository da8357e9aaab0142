import type { Server } from "socket.io";
import { rooms } from "./rooms";

/**
 * Realtime events are cues, not data: `{ invoiceId, version, kind }` tells the invoice's open pages
 * to fetch the truth again. The rooms are the server's choice (the invoice's own and the staff
 * who have it open), never the client's.
 */
export type InvoiceCueKind =
  | "payment"
  | "refund"
  | "credit"
  | "edit"
  | "respite"
  | "fee"
  | "content";

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

/** Tells an organisation's agents that their inbox changed (a new message, an assignment …). */
export function emitInboxChanged(cue: {
  organizationId: string;
  conversationId: string;
  reason: "message" | "read" | "assignment" | "status";
}): void {
  socketServer()
    ?.to(rooms.organization(cue.organizationId))
    .emit("inbox:changed", { conversationId: cue.conversationId, reason: cue.reason });
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
