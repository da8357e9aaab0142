"use client";

import type { ChatMessageView } from "@/lib/chat/chat-message-view";
import { MessageText } from "./message-text";
import type { PendingMessage } from "./use-chat";
import { useStickToNewest } from "./use-stick-to-newest";

export interface ChatListLabels {
  empty: string;
  sending: string;
  failed: string;
  retry: string;
  note?: string;
}

/**
 * The messages of a conversation, oldest first, opening at the newest. It is a log region: screen
 * readers announce new messages politely. "Mine" are the viewer's side's messages; marks are
 * shown on those.
 */
export function ChatMessageList({
  messages,
  pending,
  isMine,
  authorLabel,
  markFor,
  onRetry,
  labels,
  locale,
}: {
  messages: ChatMessageView[];
  pending: PendingMessage[];
  isMine: (message: ChatMessageView) => boolean;
  authorLabel: (message: ChatMessageView) => string;
  markFor: (message: ChatMessageView) => string | null;
  onRetry: (clientMessageId: string) => void;
  labels: ChatListLabels;
  locale: string;
}) {
  const time = new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Stockholm",
  });
  const scroller = useStickToNewest<HTMLDivElement>(messages.length + pending.length);
  return (
    <div
      ref={scroller.ref}
      onScroll={scroller.onScroll}
      role="log"
      aria-live="polite"
      aria-relevant="additions"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable log needs focus so older messages can be read by keyboard (WCAG 2.1.1)
      tabIndex={0}
      className="max-h-96 overflow-y-auto"
      data-testid="chat-scroller"
    >
      <ol className="flex flex-col gap-2 py-2" data-testid="chat-messages">
        {messages.length === 0 && pending.length === 0 ? (
          <li className="text-sm text-slate-700">{labels.empty}</li>
        ) : null}
        {messages.map((message) => {
          const mine = isMine(message);
          const note = message.kind === "NOTE";
          const mark = mine ? markFor(message) : null;
          return (
            <li
              key={message.seq}
              className={`max-w-[85%] rounded-lg px-3 py-2 text-sm ${
                note
                  ? "self-stretch border border-dashed border-amber-500 bg-amber-50 text-slate-900"
                  : mine
                    ? "self-end bg-slate-800 text-white"
                    : "self-start bg-slate-100 text-slate-900"
              }`}
              data-testid={note ? "chat-note" : "chat-message"}
              data-seq={message.seq}
            >
              <p className={`text-xs ${mine && !note ? "text-slate-200" : "text-slate-700"}`}>
                {note && labels.note ? `${labels.note} · ` : ""}
                {authorLabel(message)} ·{" "}
                <time dateTime={message.createdAt}>{time.format(new Date(message.createdAt))}</time>
              </p>
              <MessageText text={message.body} />
              {mark ? (
                <p className="mt-1 text-right text-xs text-slate-200" data-testid="chat-mark">
                  {mark}
                </p>
              ) : null}
            </li>
          );
        })}
        {pending.map((item) => (
          <li
            key={item.clientMessageId}
            className="max-w-[85%] self-end rounded-lg bg-slate-600 px-3 py-2 text-sm text-white"
            data-testid="chat-pending"
          >
            <MessageText text={item.body} />
            <p className="mt-1 text-right text-xs">
              {item.status === "sending" ? (
                labels.sending
              ) : (
                <>
                  {item.error ?? labels.failed}{" "}
                  <button
                    type="button"
                    className="underline"
                    onClick={() => onRetry(item.clientMessageId)}
                  >
                    {labels.retry}
                  </button>
                </>
              )}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
