"use client";

import { useEffect, useRef, useState } from "react";
import { MAX_MESSAGE_LENGTH } from "@/lib/chat/chat-limits";
import type { ChatMessageView } from "@/lib/chat/chat-message-view";
import { chatMessages } from "@/lib/i18n/chat-messages";
import { ChatComposer } from "./chat-composer";
import { ChatLauncher } from "./chat-launcher";
import { ChatMessageList } from "./chat-message-list";
import { useConnected, useSharedSocket } from "./invoice-socket";
import { OPEN_CHAT_EVENT } from "./open-chat";
import { useChat } from "./use-chat";
import { useInView, useTitleBadge, useUnreadAnswers } from "./use-chat-attention";

interface SupportStatus {
  online: boolean;
  withinHours: boolean;
  responseHours: number;
}

/**
 * The chat on the customer's invoice page: questions about this invoice, answered by support. It
 * can be opened from anywhere on the page (the phone's sticky bar, the presence line: open-chat.ts);
 * an answer that arrives while the customer reads elsewhere is announced, shown in a notice and
 * put in the tab's title. Support counts as open while an agent is on the invoice or writing.
 */
export function CustomerChat({
  token,
  invoiceNumber,
  locale,
  responseHours,
  email = null,
}: {
  token: string;
  invoiceNumber: number | null;
  locale: "sv" | "en";
  responseHours: number;
  /** Where answers are also sent, as the page may show it (masked); null when we have none. */
  email?: string | null;
}) {
  const t = chatMessages[locale];
  const socket = useSharedSocket({ invoiceToken: token, invoiceNumber });
  const connected = useConnected(socket);
  const [support, setSupport] = useState<SupportStatus | null>(null);
  const [agentsHere, setAgentsHere] = useState(0);
  const [tabVisible, setTabVisible] = useState(true);
  const section = useRef<HTMLElement>(null);
  const inView = useInView(section);
  // Read marks are earned: the conversation must be on screen in a visible tab.
  const visible = inView && tabVisible;

  useEffect(() => {
    const update = () => setTabVisible(document.visibilityState === "visible");
    update();
    document.addEventListener("visibilitychange", update);
    return () => document.removeEventListener("visibilitychange", update);
  }, []);

  const chat = useChat({
    socket,
    side: "customer",
    visible,
    onSynced: (reply) => {
      if (reply.support) setSupport(reply.support as SupportStatus);
      const presence = reply.presence as { agents?: unknown[] } | undefined;
      if (presence) setAgentsHere(presence.agents?.length ?? 0);
    },
  });
  useEffect(() => {
    if (!socket) return;
    const onSupport = (status: SupportStatus) => setSupport(status);
    const onPresence = (presence: { agents?: unknown[] }) =>
      setAgentsHere(presence.agents?.length ?? 0);
    socket.on("support", onSupport);
    socket.on("presence", onPresence);
    return () => {
      socket.off("support", onSupport);
      socket.off("presence", onPresence);
    };
  }, [socket]);

  // Opened from elsewhere on the page: into view, cursor in the text box.
  useEffect(() => {
    const open = () => {
      const element = section.current;
      if (!element) return;
      const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      element.scrollIntoView({ behavior: smooth ? "smooth" : "auto", block: "end" });
      element.querySelector("textarea")?.focus({ preventScroll: true });
    };
    window.addEventListener(OPEN_CHAT_EVENT, open);
    return () => window.removeEventListener(OPEN_CHAT_EVENT, open);
  }, []);

  const unread = useUnreadAnswers({ messages: chat.messages, synced: chat.synced, visible });
  const unreadFrom = unread.from ? t.fromSupport(unread.from) : t.support;
  useTitleBadge(unread.count > 0 ? t.titleUnread(unread.count) : null);
  // An agent on the invoice, or writing, is support being open, whatever the opening hours say.
  const agentActive = agentsHere > 0 || chat.otherTyping !== null;

  const send = (body: string) => {
    chat.send(body);
    // What was just sent is what the customer wants to see, wherever they had scrolled to.
    window.requestAnimationFrame(() => {
      const log = section.current?.querySelector<HTMLElement>('[role="log"]');
      if (log) log.scrollTop = log.scrollHeight;
    });
  };

  const markFor = (message: ChatMessageView) =>
    message.seq <= chat.receipts.staffReadSeq
      ? t.read
      : message.seq <= chat.receipts.staffDeliveredSeq
        ? t.delivered
        : t.sent;

  return (
    <>
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
            className={`inline-block size-2.5 rounded-full ${support?.online || agentActive ? "bg-green-600" : "bg-slate-400"}`}
          />
          {!socket || (!connected && !support)
            ? t.connecting
            : !connected
              ? t.reconnecting
              : support?.online || agentActive
                ? t.online
                : `${support && !support.withinHours ? `${t.closedNow} ` : ""}${t.offline(
                    support?.responseHours ?? responseHours,
                    email,
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
          onSend={send}
          onTyping={chat.setTyping}
          disabled={!socket}
        />
      </section>
      <ChatLauncher
        inView={inView}
        unread={unread.count > 0 ? t.newReply(unreadFrom) : null}
        label={support?.online || agentActive ? t.launcherOnline : t.launcher}
        readLabel={t.showReply}
      />
    </>
  );
}
