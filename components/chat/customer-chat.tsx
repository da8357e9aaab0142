"use client";

import { useEffect, useRef, useState } from "react";
import { MAX_MESSAGE_LENGTH } from "@/lib/chat/chat-limits";
import type { ChatMessageView } from "@/lib/chat/chat-message-view";
import { chatMessages } from "@/lib/i18n/chat-messages";
import { ChatComposer } from "./chat-composer";
import { ChatMessageList } from "./chat-message-list";
import { useConnected, useSharedSocket } from "./invoice-socket";
import { useChat } from "./use-chat";

interface SupportStatus {
  online: boolean;
  withinHours: boolean;
  responseHours: number;
}

/** The chat on the customer's invoice page: questions about this invoice, answered by support. */
export function CustomerChat({
  token,
  invoiceNumber,
  locale,
  responseHours,
}: {
  token: string;
  invoiceNumber: number | null;
  locale: "sv" | "en";
  responseHours: number;
}) {
  const t = chatMessages[locale];
  const socket = useSharedSocket({ invoiceToken: token, invoiceNumber });
  const connected = useConnected(socket);
  const [support, setSupport] = useState<SupportStatus | null>(null);
  const [visible, setVisible] = useState(false);
  const section = useRef<HTMLElement>(null);

  // Read marks are earned: the conversation must be on screen in a visible tab.
  useEffect(() => {
    const element = section.current;
    if (!element) return;
    let inView = false;
    const update = () => setVisible(inView && document.visibilityState === "visible");
    const observer = new IntersectionObserver(([entry]) => {
      inView = Boolean(entry?.isIntersecting);
      update();
    });
    observer.observe(element);
    document.addEventListener("visibilitychange", update);
    return () => {
      observer.disconnect();
      document.removeEventListener("visibilitychange", update);
    };
  }, []);

  const chat = useChat({
    socket,
    side: "customer",
    visible,
    onSynced: (reply) => {
      if (reply.support) setSupport(reply.support as SupportStatus);
    },
  });
  useEffect(() => {
    if (!socket) return;
    const onSupport = (status: SupportStatus) => setSupport(status);
    socket.on("support", onSupport);
    return () => {
      socket.off("support", onSupport);
    };
  }, [socket]);

  const markFor = (message: ChatMessageView) =>
    message.seq <= chat.receipts.staffReadSeq
      ? t.read
      : message.seq <= chat.receipts.staffDeliveredSeq
        ? t.delivered
        : t.sent;

  return (
    <section
      ref={section}
      aria-labelledby="chat-heading"
      className="rounded-lg bg-white p-4 shadow-sm"
      data-testid="customer-chat"
    >
      <h2 id="chat-heading" className="text-lg font-semibold">
        {t.heading}
      </h2>
      <p
        className="mt-1 flex items-center gap-2 text-sm text-slate-700"
        data-testid="support-status"
      >
        <span
          aria-hidden="true"
          className={`inline-block size-2.5 rounded-full ${support?.online ? "bg-green-600" : "bg-slate-400"}`}
        />
        {!socket || (!connected && !support)
          ? t.connecting
          : !connected
            ? t.reconnecting
            : support?.online
              ? t.online
              : `${support && !support.withinHours ? `${t.closedNow} ` : ""}${t.offline(
                  support?.responseHours ?? responseHours,
                )}`}
      </p>
      <ChatMessageList
        messages={chat.messages}
        pending={chat.pending}
        isMine={(message) => message.authorType === "CUSTOMER"}
        authorLabel={(message) =>
          message.authorType === "CUSTOMER"
            ? t.you
            : message.authorName
              ? t.fromSupport(message.authorName)
              : t.support
        }
        markFor={markFor}
        onRetry={chat.retry}
        labels={t}
        locale={locale}
      />
      <p className="min-h-5 text-sm text-slate-700" aria-live="polite" data-testid="chat-typing">
        {chat.otherTyping !== null ? t.typing(chat.otherTyping || t.support) : ""}
      </p>
      <ChatComposer
        label={t.label}
        placeholder={t.placeholder}
        sendLabel={t.send}
        tooLong={t.tooLong(MAX_MESSAGE_LENGTH)}
        remaining={t.remaining}
        onSend={(body) => chat.send(body)}
        onTyping={chat.setTyping}
        disabled={!socket}
      />
    </section>
  );
}
