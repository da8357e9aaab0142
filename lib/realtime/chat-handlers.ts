import type { Server, Socket } from "socket.io";
import { z } from "zod";
import { seqSchema } from "@/lib/chat/chat-input";
import { type ChatMessageView, displayName } from "@/lib/chat/chat-message-view";
import { listChatMessages, markChatSeen } from "@/lib/chat/chat-queries";
import { postChatMessage, postChatMessageSchema } from "@/lib/chat/post-chat-message";
import type { Db } from "@/lib/db/database";
import { AppError } from "@/lib/errors/app-error";
import { ConnectionLimiter, type SharedEventBudgets } from "@/lib/realtime/connection-limiter";
import { emitInboxChanged } from "@/lib/realtime/invoice-cues";
import {
  broadcastPresence,
  customerPresence,
  presenceOf,
  supportStatusOf,
} from "@/lib/realtime/presence";
import { rooms } from "@/lib/realtime/rooms";
import { createEventRegistry } from "@/lib/realtime/socket-events";
import type { SocketIdentity } from "@/lib/realtime/socket-identity";

/** Payloads, parsed here (the boundary) with the chat domain's own schema for a message. */
const customerEvents = {
  // A customer's message is always a MESSAGE on the invoice the connection proved.
  send: postChatMessageSchema.pick({ body: true, clientMessageId: true }),
  typing: z.object({ typing: z.boolean() }),
  seen: z.object({ seq: seqSchema, read: z.boolean() }),
  sync: z.object({ afterSeq: seqSchema }),
};
const invoiceId = { invoiceId: z.uuid() };
const staffEvents = {
  watch: z.object(invoiceId),
  send: postChatMessageSchema,
  typing: z.object({ ...invoiceId, typing: z.boolean() }),
  seen: z.object({ ...invoiceId, seq: seqSchema, read: z.boolean() }),
  sync: z.object({ ...invoiceId, afterSeq: seqSchema }),
};

function broadcastMessage(
  io: Server,
  invoice: string,
  organizationId: string,
  conversationId: string,
  message: ChatMessageView,
): void {
  // Internal notes go to staff who have the invoice open, never to the customer's room.
  if (message.kind === "MESSAGE") io.to(rooms.invoice(invoice)).emit("chat:message", { message });
  io.to(rooms.invoiceStaff(invoice)).emit("chat:message", { invoiceId: invoice, message });
  if (message.authorType === "CUSTOMER") {
    emitInboxChanged({ organizationId, conversationId, reason: "message" });
  }
}

/**
 * Presence and support status need every process's sockets (through Redis). They are hints: when
 * the adapter cannot answer (Redis down) a reply leaves them out instead of failing a resync.
 */
function hint<T>(lookup: Promise<T>): Promise<T | undefined> {
  return lookup.catch(() => undefined);
}

async function invoiceVersion(db: Db, id: string): Promise<number | null> {
  const row = await db.invoice.findUnique({ where: { id }, select: { version: true } });
  return row?.version ?? null;
}

/** The events a customer's connection may send; the invoice is always the one it proved. */
export function registerCustomerHandlers(
  io: Server,
  socket: Socket,
  identity: Extract<SocketIdentity, { kind: "customer" }>,
  db: Db,
  budgets: SharedEventBudgets,
): void {
  // Every socket on this link, and from this address, draws on the same budget as well.
  const addressKey = socket.data.addressKey as string | null | undefined;
  const limiter = new ConnectionLimiter(undefined, [
    { buckets: budgets.perLink, key: identity.tokenHash },
    ...(budgets.perAddress && addressKey ? [{ buckets: budgets.perAddress, key: addressKey }] : []),
  ]);
  const { on } = createEventRegistry(socket, limiter);
  const invoice = identity.invoiceId;
  on("chat:send", "message", customerEvents.send, async (input) => {
    const posted = await postChatMessage({
      db,
      input: { invoiceId: invoice, body: input.body, clientMessageId: input.clientMessageId },
      author: { type: "CUSTOMER" },
    });
    if (!posted.duplicate) {
      broadcastMessage(io, invoice, posted.organizationId, posted.conversationId, posted.message);
    }
    return { message: posted.message };
  });
  on("chat:typing", "typing", customerEvents.typing, async ({ typing }) => {
    socket.to(rooms.invoiceStaff(invoice)).emit("chat:typing", {
      invoiceId: invoice,
      side: "customer",
      typing,
    });
    return undefined;
  });
  on("chat:seen", "other", customerEvents.seen, async ({ seq, read }) => {
    const seen = await markChatSeen(db, { invoiceId: invoice, side: "customer", seq, read });
    if (!seen) return { receipts: null };
    // The conversation's id is the server's business; clients get the marks only.
    const { conversationId: _conversation, ...receipts } = seen;
    io.to([rooms.invoice(invoice), rooms.invoiceStaff(invoice)]).emit("chat:receipts", {
      invoiceId: invoice,
      receipts,
    });
    return { receipts };
  });
  on("chat:sync", "other", customerEvents.sync, async ({ afterSeq }) => {
    const [chat, version, presence, support] = await Promise.all([
      listChatMessages(db, { invoiceId: invoice, side: "customer", afterSeq }),
      invoiceVersion(db, invoice),
      hint(presenceOf(io, invoice).then(customerPresence)),
      hint(supportStatusOf(io, db, identity.organizationId)),
    ]);
    return { ...chat, version, presence, support };
  });
}

/** The events a staff connection may send; every invoice it names is checked to be its own. */
export function registerStaffHandlers(
  io: Server,
  socket: Socket,
  identity: Extract<SocketIdentity, { kind: "staff" }>,
  db: Db,
): void {
  const { on } = createEventRegistry(socket, new ConnectionLimiter());
  const watching = (): string[] => (socket.data.watching as string[] | undefined) ?? [];
  const requireWatching = (id: string) => {
    if (!watching().includes(id)) {
      throw new AppError("FORBIDDEN", "Open the invoice (invoice:watch) before acting on it");
    }
  };
  const author = {
    type: "STAFF",
    staffId: identity.staffId,
    organizationId: identity.organizationId,
  } as const;

  on("invoice:watch", "other", staffEvents.watch, async ({ invoiceId: id }) => {
    const owned = await db.invoice.findFirst({
      where: { id, organizationId: identity.organizationId },
      select: { id: true },
    });
    if (!owned) throw new AppError("NOT_FOUND", "No such invoice");
    if (!watching().includes(id)) socket.data.watching = [...watching(), id].slice(-20);
    await socket.join(rooms.invoiceStaff(id));
    await broadcastPresence(io, id);
    return { presence: await hint(presenceOf(io, id)) };
  });
  on("invoice:unwatch", "other", staffEvents.watch, async ({ invoiceId: id }) => {
    // Only an invoice this connection opened (and was checked to own) can be left; otherwise any
    // agent could make another organisation's invoice broadcast presence to its customer.
    if (!watching().includes(id)) return undefined;
    socket.data.watching = watching().filter((watched) => watched !== id);
    await socket.leave(rooms.invoiceStaff(id));
    await broadcastPresence(io, id);
    return undefined;
  });
  on("chat:send", "message", staffEvents.send, async (input) => {
    requireWatching(input.invoiceId);
    const posted = await postChatMessage({ db, input, author });
    if (!posted.duplicate) {
      broadcastMessage(
        io,
        input.invoiceId,
        posted.organizationId,
        posted.conversationId,
        posted.message,
      );
      emitInboxChanged({
        organizationId: identity.organizationId,
        conversationId: posted.conversationId,
        reason: "message",
      });
    }
    return { message: posted.message };
  });
  on("chat:typing", "typing", staffEvents.typing, async ({ invoiceId: id, typing }) => {
    requireWatching(id);
    socket.to(rooms.invoice(id)).emit("chat:typing", {
      side: "staff",
      typing,
      name: displayName(identity.name),
    });
    socket.to(rooms.invoiceStaff(id)).emit("chat:typing", {
      invoiceId: id,
      side: "staff",
      typing,
      staffId: identity.staffId,
    });
    return undefined;
  });
  on("chat:seen", "other", staffEvents.seen, async ({ invoiceId: id, seq, read }) => {
    requireWatching(id);
    const seen = await markChatSeen(db, { invoiceId: id, side: "staff", seq, read });
    if (!seen) return { receipts: null };
    const { conversationId, ...receipts } = seen;
    io.to([rooms.invoice(id), rooms.invoiceStaff(id)]).emit("chat:receipts", {
      invoiceId: id,
      receipts,
    });
    if (read) {
      emitInboxChanged({ organizationId: identity.organizationId, conversationId, reason: "read" });
    }
    return { receipts };
  });
  on("chat:sync", "other", staffEvents.sync, async ({ invoiceId: id, afterSeq }) => {
    requireWatching(id);
    const [chat, version, presence] = await Promise.all([
      listChatMessages(db, { invoiceId: id, side: "staff", afterSeq }),
      invoiceVersion(db, id),
      hint(presenceOf(io, id)),
    ]);
    return { ...chat, version, presence };
  });
}
