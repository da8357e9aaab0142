"use client";

import { useEffect, useState } from "react";
import { ChatComposer } from "@/components/chat/chat-composer";
import { ChatMessageList } from "@/components/chat/chat-message-list";
import { useConnected, useSharedSocket } from "@/components/chat/invoice-socket";
import { useChat } from "@/components/chat/use-chat";
import { MAX_MESSAGE_LENGTH } from "@/lib/chat/chat-limits";
import type { ChatMessageView } from "@/lib/chat/chat-message-view";
import type { Locale } from "@/lib/db/generated/client";
import { agentWorkspaceMessages } from "@/lib/i18n/staff/agent/workspace";

interface StaffPresence {
  invoiceId: string;
  customerOnline: boolean;
  agents: Array<{ staffId: string; name: string }>;
}

/**
 * The agent's side of an invoice's conversation: replies the customer sees, internal notes they
 * never see, canned replies, the customer's typing and read marks, and who else is here.
 */
export function AgentChat({
  invoiceId,
  staffId,
  customerName,
  cannedReplies,
  canMessage,
  locale,
}: {
  invoiceId: string;
  staffId: string;
  customerName: string;
  cannedReplies: Array<{ id: string; title: string; body: string }>;
  /** False on a draft: the customer cannot see it, so only notes are possible. */
  canMessage: boolean;
  locale: Locale;
}) {
  const t = agentWorkspaceMessages[locale].chat;
  const socket = useSharedSocket(null, 0);
  const connected = useConnected(socket);
  const [presence, setPresence] = useState<StaffPresence | null>(null);
  const [note, setNote] = useState(!canMessage);
  const [draft, setDraft] = useState("");
  const chat = useChat({
    socket,
    side: "staff",
    invoiceId,
    visible: true,
    onSynced: (reply) => {
      if (reply.presence) setPresence(reply.presence as StaffPresence);
    },
  });
  useEffect(() => {
    if (!socket) return;
    const onPresence = (update: StaffPresence) => {
      if (update.invoiceId === invoiceId) setPresence(update);
    };
    socket.on("presence", onPresence);
    return () => {
      socket.off("presence", onPresence);
      socket.emit("invoice:unwatch", { invoiceId });
    };
  }, [socket, invoiceId]);

  const others = presence?.agents.filter((agent) => agent.staffId !== staffId) ?? [];
  const markFor = (message: ChatMessageView) =>
    message.kind === "NOTE"
      ? null
      : message.seq <= chat.receipts.customerReadSeq
        ? t.marks.read
        : message.seq <= chat.receipts.customerDeliveredSeq
          ? t.marks.delivered
          : t.marks.sent;

  return (
    <section
      aria-labelledby="agent-chat-heading"
      className="rounded-lg bg-white p-4 shadow-sm"
      data-testid="agent-chat"
    >
      <h2 id="agent-chat-heading" className="text-lg font-semibold">
        {t.heading}
      </h2>
      <ul
        className="mt-1 flex flex-wrap gap-x-4 text-sm text-slate-700"
        data-testid="staff-presence"
      >
        <li>
          <span
            aria-hidden="true"
            className={presence?.customerOnline ? "text-green-700" : "text-slate-400"}
          >
            ●{" "}
          </span>
          {presence?.customerOnline ? t.viewing(customerName) : t.offline(customerName)}
        </li>
        {others.length > 0 ? (
          <li>{t.alsoHere(others.map((agent) => agent.name).join(", "))}</li>
        ) : null}
        {!connected ? <li className="text-amber-800">{t.reconnecting}</li> : null}
      </ul>
      <ChatMessageList
        messages={chat.messages}
        pending={chat.pending}
        isMine={(message) => message.authorType === "STAFF"}
        authorLabel={(message) =>
          message.authorType === "CUSTOMER" ? customerName : (message.authorName ?? t.support)
        }
        markFor={markFor}
        onRetry={chat.retry}
        labels={t.list}
        locale={locale}
      />
      <p className="min-h-5 text-sm text-slate-700" aria-live="polite" data-testid="chat-typing">
        {chat.otherTyping !== null ? t.typing(customerName) : ""}
      </p>
      <fieldset className="mb-2 flex gap-4 text-sm">
        <legend className="sr-only">{t.sendAs}</legend>
        <label className="flex items-center gap-1">
          <input
            type="radio"
            name="chat-kind"
            checked={!note}
            disabled={!canMessage}
            onChange={() => setNote(false)}
          />
          {t.replyToCustomer}
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" name="chat-kind" checked={note} onChange={() => setNote(true)} />
          {t.internalNote}
        </label>
      </fieldset>
      <ChatComposer
        label={note ? t.noteLabel : t.replyLabel}
        placeholder={note ? t.notePlaceholder : t.replyPlaceholder(customerName)}
        sendLabel={note ? t.addNote : t.send}
        tooLong={t.tooLong(MAX_MESSAGE_LENGTH)}
        remaining={t.remaining}
        value={draft}
        onValueChange={setDraft}
        onSend={(body) => chat.send(body, note ? "NOTE" : "MESSAGE")}
        onTyping={(typing) => {
          if (!note) chat.setTyping(typing);
        }}
        disabled={!socket}
        extra={
          cannedReplies.length > 0 ? (
            <select
              aria-label={t.insertCanned}
              className="rounded border border-slate-400 px-2 py-2 text-sm"
              value=""
              onChange={(event) => {
                const reply = cannedReplies.find((entry) => entry.id === event.target.value);
                if (reply)
                  setDraft((current) => (current ? `${current}\n${reply.body}` : reply.body));
              }}
            >
              <option value="">{t.cannedPlaceholder}</option>
              {cannedReplies.map((reply) => (
                <option key={reply.id} value={reply.id}>
                  {reply.title}
                </option>
              ))}
            </select>
          ) : null
        }
      />
    </section>
  );
}
