import type { Server } from "socket.io";

/**
 * Realtime events are cues, not data: `{ invoiceId, version, kind }` tells the invoice's open pages
 * to fetch the truth again. The room is the server's choice (the invoice's own), never the client's.
 */
export type InvoiceCueKind = "payment" | "refund" | "credit" | "edit" | "content";

const ioKey = Symbol.for("nota.socket-io");

export function registerSocketServer(io: Server | null): void {
  (globalThis as { [ioKey]?: Server | null })[ioKey] = io;
}

export function emitInvoiceChanged(cue: {
  invoiceId: string;
  version?: number;
  kind: InvoiceCueKind;
}): void {
  const io = (globalThis as { [ioKey]?: Server | null })[ioKey];
  io?.to(`invoice:${cue.invoiceId}`).emit("invoice:changed", cue);
}
