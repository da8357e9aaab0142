"use client";

import { useEffect, useState } from "react";
import { useSharedSocket } from "@/components/chat/invoice-socket";
import { chatMessages } from "@/lib/i18n/chat-messages";
import { useLiveHighlight } from "./use-live-highlight";

type CueKind = keyof (typeof chatMessages)["sv"]["updatedKinds"];

/**
 * Keeps an open invoice page current: when the server says the invoice changed (a payment, a
 * credit, an agent's edit — in this tab or any other), the page re-reads it from the server, the
 * sections whose text changed glow briefly, and screen readers hear a polite announcement. It
 * also shows which agents are looking at the invoice now.
 */
export function LiveInvoiceRefresher({
  token,
  invoiceNumber,
  version,
  locale,
  renderedAt,
}: {
  token: string;
  /** The earlier invoice shown through this link, if it is not the link's own. */
  invoiceNumber: number | null;
  version: number;
  locale: "sv" | "en";
  /** When the server rendered this page (changes with every refresh). */
  renderedAt: number;
}) {
  const t = chatMessages[locale];
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
        {announcement}
      </p>
      {agents.length > 0 ? (
        <p
          className="mx-auto mb-2 max-w-3xl rounded-b-lg bg-emerald-50 px-4 py-2 text-sm text-emerald-900"
          data-testid="agent-presence"
        >
          <span aria-hidden="true">● </span>
          {t.presence(agents)}
        </p>
      ) : null}
    </>
  );
}
