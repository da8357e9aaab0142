"use client";

import { useEffect, useState } from "react";
import { ChatComposer } from "@/components/chat/chat-composer";
import { ChatMessageList } from "@/components/chat/chat-message-list";
import { useConnected, useSharedSocket } from "@/components/chat/invoice-socket";
import { useChat } from "@/components/chat/use-chat";
import { MAX_MESSAGE_LENGTH } from "@/lib/chat/chat-limits";
import type { ChatMessageView } from "@/lib/chat/chat-message-view";

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
}: {
  invoiceId: string;
  staffId: string;
  customerName: string;
  cannedReplies: Array<{ id: string; title: string; body: string }>;
  /** False on a draft: the customer cannot see it, so only notes are possible. */
  canMessage: boolean;
}) {
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
        ? "Read"
        : message.seq <= chat.receipts.customerDeliveredSeq
          ? "Delivered"
          : "Sent";

  return (
    <section
      aria-labelledby="agent-chat-heading"
      className="rounded-lg bg-white p-4 shadow-sm"
      data-testid="agent-chat"
    >
      <h2 id="agent-chat-heading" className="text-lg font-semibold">
        Conversation
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
          {presence?.customerOnline
            ? `${customerName} is viewing the invoice now`
            : `${customerName} is not online`}
        </li>
        {others.length > 0 ? (
          <li>Also here: {others.map((agent) => agent.name).join(", ")}</li>
        ) : null}
        {!connected ? <li className="text-amber-800">Reconnecting …</li> : null}
      </ul>
      <ChatMessageList
        messages={chat.messages}
        pending={chat.pending}
        isMine={(message) => message.authorType === "STAFF"}
        authorLabel={(message) =>
          message.authorType === "CUSTOMER" ? customerName : (message.authorName ?? "Support")
        }
        markFor={markFor}
        onRetry={chat.retry}
        labels={{
          empty: "No messages yet.",
          sending: "Sending …",
          failed: "Not sent.",
          retry: "Retry",
          note: "Internal note",
        }}
        locale="en"
      />
      <p className="min-h-5 text-sm text-slate-700" aria-live="polite" data-testid="chat-typing">
        {chat.otherTyping !== null ? `${customerName} is typing …` : ""}
      </p>
      <fieldset className="mb-2 flex gap-4 text-sm">
        <legend className="sr-only">Send as</legend>
        <label className="flex items-center gap-1">
          <input
            type="radio"
            name="chat-kind"
            checked={!note}
            disabled={!canMessage}
            onChange={() => setNote(false)}
          />
          Reply to customer
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" name="chat-kind" checked={note} onChange={() => setNote(true)} />
          Internal note (staff only)
        </label>
      </fieldset>
      <ChatComposer
        label={note ? "Internal note" : "Reply"}
        placeholder={note ? "Only staff see this …" : `Write to ${customerName} …`}
        sendLabel={note ? "Add note" : "Send"}
        tooLong={`A message can be at most ${MAX_MESSAGE_LENGTH} characters.`}
        remaining={(count) => `${count} characters left`}
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
              aria-label="Insert a canned reply"
              className="rounded border border-slate-400 px-2 py-2 text-sm"
              value=""
              onChange={(event) => {
                const reply = cannedReplies.find((entry) => entry.id === event.target.value);
                if (reply)
                  setDraft((current) => (current ? `${current}\n${reply.body}` : reply.body));
              }}
            >
              <option value="">Canned reply …</option>
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
