"use client";

import { useEffect, useRef, useState } from "react";
import { useSharedSocket } from "@/components/chat/invoice-socket";
import { openChat } from "@/components/chat/open-chat";
import { chatMessages } from "@/lib/i18n/chat-messages";
import { type LiveChange, unseenChanges } from "@/lib/invoice-page/unseen-changes";
import { useLiveHighlight } from "./use-live-highlight";

type CueKind = keyof (typeof chatMessages)["sv"]["updatedKinds"];

/**
 * Keeps an open invoice page current: when the server says the invoice changed (a payment, a
 * credit, an agent's edit — in this tab or any other), the page re-reads it from the server, the
 * sections whose text changed glow briefly, and screen readers hear a polite announcement. What
 * changed is also said in a short banner at the top, in words with the amounts (live-changes.ts),
 * so a change below the fold is not missed. It also shows which agents are looking at the invoice
 * now; that line opens the chat.
 */
export function LiveInvoiceRefresher({
  token,
  invoiceNumber,
  version,
  locale,
  renderedAt,
  changes = [],
  bannerLabels,
}: {
  token: string;
  /** The earlier invoice shown through this link, if it is not the link's own. */
  invoiceNumber: number | null;
  version: number;
  locale: "sv" | "en";
  /** When the server rendered this page (changes with every refresh). */
  renderedAt: number;
  /** The latest changes worth a banner, from the server (live-changes.ts). */
  changes?: LiveChange[];
  /** The banner's heading and close button, in the page's language. */
  bannerLabels?: { heading: string; dismiss: string };
}) {
  const t = chatMessages[locale];
  const live = bannerLabels ?? { heading: "", dismiss: "×" };
  // What the page showed when it was opened is not news; what arrives after is, until dismissed.
  const seen = useRef<Set<string> | null>(null);
  seen.current ??= new Set(changes.map((change) => change.id));
  const [, setDismissed] = useState(0);
  const banner = unseenChanges(changes, seen.current);
  const socket = useSharedSocket({ invoiceToken: token, invoiceNumber });
  const [agents, setAgents] = useState<string[]>([]);
  const { announcement, refreshFor } = useLiveHighlight<CueKind>(
    version,
    (kind) => `${t.updated} ${kind ? t.updatedKinds[kind] : ""}`.trim(),
    renderedAt,
  );

  useEffect(() => {
    if (!socket) return;
    const onChanged = (cue: { version?: number; kind?: CueKind }) => {
      const kind = cue.kind && cue.kind in t.updatedKinds ? cue.kind : null;
      // Published content reaches every open page of the organisation at once: spread the reloads.
      if (cue.kind === "content" && cue.version === undefined) {
        window.setTimeout(() => refreshFor(undefined, kind), Math.random() * 1500);
      } else {
        refreshFor(cue.version, kind);
      }
    };
    const onPresence = (presence: { agents?: Array<{ name: string }> }) =>
      setAgents((presence.agents ?? []).map((agent) => agent.name));
    // After a reconnect a cue may have been missed: compare versions with the server's.
    const onConnect = async () => {
      try {
        const reply = await socket
          .timeout(10_000)
          .emitWithAck("chat:sync", { afterSeq: 2_000_000_000 });
        if (!reply.ok) return;
        if (typeof reply.version === "number") refreshFor(reply.version, null);
        onPresence(reply.presence ?? {});
      } catch {
        // The next connect tries again.
      }
    };
    socket.on("invoice:changed", onChanged);
    socket.on("presence", onPresence);
    socket.on("connect", onConnect);
    socket.on("resync", onConnect);
    if (socket.connected) void onConnect();
    return () => {
      socket.off("invoice:changed", onChanged);
      socket.off("presence", onPresence);
      socket.off("connect", onConnect);
      socket.off("resync", onConnect);
    };
  }, [socket, refreshFor, t]);

  return (
    <>
      <p className="sr-only" aria-live="polite" data-testid="live-announcement">
        {/* The newest change only: the earlier ones were announced when they came. */}
        {announcement ? [announcement, banner.at(-1)?.text ?? ""].join(" ").trim() : ""}
      </p>
      {banner.length > 0 ? (
        <div
          className="sticky top-0 z-20 mx-auto max-w-3xl px-2 pt-2 sm:px-4"
          data-testid="live-change-banner"
        >
          <div className="flex items-start gap-3 rounded-lg border border-emerald-700 bg-emerald-50 px-4 py-3 text-emerald-950 shadow-md">
            <div className="min-w-0 flex-1">
              {live.heading ? <p className="text-sm font-semibold">{live.heading}</p> : null}
              {banner.map((change) => (
                <p key={change.id} data-testid="live-change">
                  {change.text}
                </p>
              ))}
            </div>
            <button
              type="button"
              className="shrink-0 rounded px-2 py-1 text-sm font-medium underline underline-offset-2"
              onClick={() => {
                for (const change of changes) seen.current?.add(change.id);
                setDismissed((count) => count + 1);
              }}
            >
              {live.dismiss}
            </button>
          </div>
        </div>
      ) : null}
      {agents.length > 0 ? (
        <p className="mx-auto mb-2 max-w-3xl rounded-b-lg bg-emerald-50 px-4 py-2 text-sm text-emerald-900">
          <button
            type="button"
            className="text-left underline-offset-2 hover:underline"
            onClick={openChat}
            data-testid="agent-presence"
          >
            <span aria-hidden="true">● </span>
            {t.presence(agents)} <span className="font-semibold underline">{t.presenceAction}</span>
          </button>
        </p>
      ) : null}
    </>
  );
}
