"use client";

import { openChat } from "./open-chat";

/**
 * The way to the chat from anywhere on the page. On a phone, a bar fixed to the bottom of the
 * screen while the chat itself is out of view (it sits at the end of a long page); on a wide
 * screen the chat is a side panel and needs no bar. A new answer from support while the customer
 * reads elsewhere shows here on every screen, and is announced to screen readers.
 */
export function ChatLauncher({
  inView,
  unread,
  label,
  readLabel,
}: {
  /** Whether the chat is on screen now (then no bar: it would cover what it points to). */
  inView: boolean;
  /** "Nytt svar från Sara, kundservice" while an answer is unread, else null. */
  unread: string | null;
  label: string;
  readLabel: string;
}) {
  return (
    <>
      <p className="sr-only" role="status" data-testid="chat-unread-announcement">
        {unread ?? ""}
      </p>
      {inView ? null : (
        <div
          className={`no-print fixed inset-x-0 bottom-0 z-30 border-t border-slate-300 bg-white/95 px-3 py-2 shadow-[0_-2px_8px_rgba(0,0,0,0.08)] backdrop-blur ${
            unread ? "lg:inset-x-auto lg:right-4 lg:bottom-4 lg:rounded-lg lg:border" : "lg:hidden"
          }`}
          data-testid="chat-launcher"
        >
          {/* A link to the chat, so it works before (or without) script; with it, the chat opens. */}
          {/* biome-ignore lint/a11y/useValidAnchor: a real in-page link (#chat-heading) that script enhances to open and focus the chat */}
          <a
            href="#chat-heading"
            onClick={(event) => {
              event.preventDefault();
              openChat();
            }}
            className={`flex w-full items-center justify-center gap-2 rounded-lg px-4 py-3 font-semibold ${
              unread ? "bg-emerald-800 text-white" : "bg-slate-900 text-white"
            }`}
          >
            {unread ? (
              <>
                <span aria-hidden="true" className="inline-block size-2.5 rounded-full bg-white" />
                <span data-testid="chat-unread">{unread}</span>
                <span className="font-normal underline underline-offset-2">{readLabel}</span>
              </>
            ) : (
              label
            )}
          </a>
        </div>
      )}
    </>
  );
}
