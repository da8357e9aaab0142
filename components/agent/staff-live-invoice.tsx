"use client";

import { useEffect } from "react";
import { useSharedSocket } from "@/components/chat/invoice-socket";
import { useLiveHighlight } from "@/components/invoice/use-live-highlight";
import type { Locale } from "@/lib/db/generated/client";
import { agentWorkspaceMessages } from "@/lib/i18n/staff/agent/workspace";

/** The agent's copy of the invoice stays current too: a colleague's edit or a payment shows at once. */
export function StaffLiveInvoice({
  invoiceId,
  version,
  locale,
}: {
  invoiceId: string;
  version: number;
  locale: Locale;
}) {
  const t = agentWorkspaceMessages[locale].live;
  const socket = useSharedSocket(null, 0);
  const { announcement, refreshFor } = useLiveHighlight<string>(version, (kind) => t.updated(kind));
  useEffect(() => {
    if (!socket) return;
    const onChanged = (cue: { invoiceId?: string; version?: number; kind?: string }) => {
      if (cue.invoiceId === invoiceId) refreshFor(cue.version, cue.kind ?? null);
    };
    // After a Redis outage a colleague's change may have been missed: re-read the invoice.
    const onResync = () => refreshFor(undefined, null);
    socket.on("invoice:changed", onChanged);
    socket.on("resync", onResync);
    return () => {
      socket.off("invoice:changed", onChanged);
      socket.off("resync", onResync);
    };
  }, [socket, invoiceId, refreshFor]);
  return (
    <p className="sr-only" aria-live="polite" data-testid="live-announcement">
      {announcement}
    </p>
  );
}
