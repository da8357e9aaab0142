"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Socket } from "socket.io-client";
import { ackProblem } from "@/components/ui/problem";
import type { ChatMessageView } from "@/lib/chat/chat-message-view";
import type { ChatReceipts } from "@/lib/chat/chat-queries";

export interface PendingMessage {
  clientMessageId: string;
  body: string;
  kind: "MESSAGE" | "NOTE";
  status: "sending" | "failed";
  error?: string;
}

type Reply = { ok: boolean; error?: unknown } & Record<string, unknown>;

const EMPTY_RECEIPTS: ChatReceipts = {
  lastSeq: 0,
  customerDeliveredSeq: 0,
  customerReadSeq: 0,
  staffDeliveredSeq: 0,
  staffReadSeq: 0,
};

function mergeMessages(current: ChatMessageView[], incoming: ChatMessageView[]) {
  const bySeq = new Map(current.map((message) => [message.seq, message]));
  for (const message of incoming) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

function maxReceipts(a: ChatReceipts, b: ChatReceipts): ChatReceipts {
  return {
    lastSeq: Math.max(a.lastSeq, b.lastSeq),
    customerDeliveredSeq: Math.max(a.customerDeliveredSeq, b.customerDeliveredSeq),
    customerReadSeq: Math.max(a.customerReadSeq, b.customerReadSeq),
    staffDeliveredSeq: Math.max(a.staffDeliveredSeq, b.staffDeliveredSeq),
    staffReadSeq: Math.max(a.staffReadSeq, b.staffReadSeq),
  };
}

function newClientMessageId(): string {
  return crypto.randomUUID();
}

/**
 * A conversation as one side sees it. The server is the truth: every (re)connect resyncs from the
 * last sequence number held, messages merge by sequence number (so a replayed or resynced message
 * is never shown twice), and a message whose acknowledgement was lost is resent with the same
 * clientMessageId, which the server stores once.
 */
export function useChat(options: {
  socket: Socket | null;
  side: "customer" | "staff";
  /** Staff only: the invoice whose conversation this is (watched before syncing). */
  invoiceId?: string;
  /** Whether the conversation is on screen now; only then are messages marked read. */
  visible: boolean;
  onSynced?: (reply: Reply) => void;
}) {
  const { socket, side, invoiceId, visible, onSynced } = options;
  const [messages, setMessages] = useState<ChatMessageView[]>([]);
  const [pending, setPending] = useState<PendingMessage[]>([]);
  const [receipts, setReceipts] = useState<ChatReceipts>(EMPTY_RECEIPTS);
  const [otherTyping, setOtherTyping] = useState<string | null>(null);
  const [synced, setSynced] = useState(false);
  const lastSeq = useRef(0);
  const pendingRef = useRef<PendingMessage[]>([]);
  const onSyncedRef = useRef(onSynced);
  onSyncedRef.current = onSynced;
  // Staff name the invoice in every event; a customer's invoice is the one its link proved.
  const scope = useMemo(() => (side === "staff" ? { invoiceId } : {}), [side, invoiceId]);

  const accept = useCallback((incoming: ChatMessageView[]) => {
    if (incoming.length === 0) return;
    lastSeq.current = Math.max(lastSeq.current, ...incoming.map((message) => message.seq));
    setMessages((current) => mergeMessages(current, incoming));
    const ids = new Set(incoming.map((message) => message.clientMessageId));
    pendingRef.current = pendingRef.current.filter((item) => !ids.has(item.clientMessageId));
    setPending(pendingRef.current);
  }, []);

  const deliver = useCallback(
    async (item: PendingMessage) => {
      if (!socket) return;
      const update = (patch: Partial<PendingMessage>) => {
        pendingRef.current = pendingRef.current.map((entry) =>
          entry.clientMessageId === item.clientMessageId ? { ...entry, ...patch } : entry,
        );
        setPending(pendingRef.current);
      };
      update({ status: "sending", error: undefined });
      try {
        const reply: Reply = await socket.timeout(10_000).emitWithAck("chat:send", {
          ...scope,
          body: item.body,
          kind: side === "staff" ? item.kind : undefined,
          clientMessageId: item.clientMessageId,
        });
        if (reply.ok) accept([reply.message as ChatMessageView]);
        else update({ status: "failed", error: ackProblem(reply)?.message });
      } catch {
        // No answer in time: resent on reconnect or retry, stored once thanks to its id.
        update({ status: "failed" });
      }
    },
    [socket, side, scope, accept],
  );

  const resync = useCallback(async () => {
    if (!socket) return;
    if (side === "staff") {
      const watched: Reply = await socket.timeout(10_000).emitWithAck("invoice:watch", scope);
      if (!watched.ok) return;
      onSyncedRef.current?.(watched);
    }
    const reply: Reply = await socket
      .timeout(10_000)
      .emitWithAck("chat:sync", { ...scope, afterSeq: lastSeq.current });
    if (!reply.ok) return;
    accept(reply.messages as ChatMessageView[]);
    setReceipts((current) => maxReceipts(current, reply.receipts as ChatReceipts));
    setSynced(true);
    onSyncedRef.current?.(reply);
    for (const item of pendingRef.current) void deliver(item);
  }, [socket, side, scope, accept, deliver]);

  useEffect(() => {
    if (!socket) return;
    const forMe = (payload: { invoiceId?: string }) =>
      side === "customer" || payload.invoiceId === invoiceId;
    const onConnect = () => void resync().catch(() => {});
    const onMessage = (payload: { invoiceId?: string; message: ChatMessageView }) => {
      if (!forMe(payload)) return;
      const gap = payload.message.seq > lastSeq.current + 1;
      accept([payload.message]);
      if (gap) void resync().catch(() => {});
    };
    const onReceipts = (payload: { invoiceId?: string; receipts: ChatReceipts }) => {
      if (forMe(payload)) setReceipts((current) => maxReceipts(current, payload.receipts));
    };
    let typingTimer: number | undefined;
    const onTyping = (payload: {
      invoiceId?: string;
      side: string;
      typing: boolean;
      name?: string;
    }) => {
      if (!forMe(payload) || payload.side === side) return;
      window.clearTimeout(typingTimer);
      setOtherTyping(payload.typing ? (payload.name ?? "") : null);
      // A lost "stopped typing" must not leave the indicator on for ever.
      if (payload.typing) typingTimer = window.setTimeout(() => setOtherTyping(null), 6000);
    };
    socket.on("connect", onConnect);
    socket.on("resync", onConnect);
    socket.on("chat:message", onMessage);
    socket.on("chat:receipts", onReceipts);
    socket.on("chat:typing", onTyping);
    if (socket.connected) onConnect();
    return () => {
      window.clearTimeout(typingTimer);
      socket.off("connect", onConnect);
      socket.off("resync", onConnect);
      socket.off("chat:message", onMessage);
      socket.off("chat:receipts", onReceipts);
      socket.off("chat:typing", onTyping);
    };
  }, [socket, side, invoiceId, resync, accept]);

  // Marks: delivered as soon as the other side's messages are here, read once they are on screen.
  const otherSide = side === "customer" ? "STAFF" : "CUSTOMER";
  const newestFromOther = [...messages].reverse().find((m) => m.authorType === otherSide)?.seq ?? 0;
  const myRead = side === "customer" ? receipts.customerReadSeq : receipts.staffReadSeq;
  const myDelivered =
    side === "customer" ? receipts.customerDeliveredSeq : receipts.staffDeliveredSeq;
  useEffect(() => {
    if (!socket?.connected || newestFromOther === 0) return;
    const read = visible && newestFromOther > myRead;
    if (!read && newestFromOther <= myDelivered) return;
    socket.emit("chat:seen", { ...scope, seq: newestFromOther, read: visible });
  }, [socket, newestFromOther, myRead, myDelivered, visible, scope]);

  const send = useCallback(
    (body: string, kind: "MESSAGE" | "NOTE" = "MESSAGE") => {
      const item: PendingMessage = {
        clientMessageId: newClientMessageId(),
        body,
        kind,
        status: "sending",
      };
      pendingRef.current = [...pendingRef.current, item];
      setPending(pendingRef.current);
      void deliver(item);
    },
    [deliver],
  );

  const retry = useCallback(
    (clientMessageId: string) => {
      const item = pendingRef.current.find((entry) => entry.clientMessageId === clientMessageId);
      if (item) void deliver(item);
    },
    [deliver],
  );

  const typingSentAt = useRef(0);
  const setTyping = useCallback(
    (typing: boolean) => {
      if (!socket?.connected) return;
      const now = Date.now();
      // At most one "typing" every 2 s; "stopped" always goes out.
      if (typing && now - typingSentAt.current < 2000) return;
      typingSentAt.current = typing ? now : 0;
      socket.emit("chat:typing", { ...scope, typing });
    },
    [socket, scope],
  );

  return { messages, pending, receipts, otherTyping, synced, send, retry, setTyping };
}
