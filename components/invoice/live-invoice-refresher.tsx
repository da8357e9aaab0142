"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Keeps an open invoice page current: when the server says the invoice changed (a payment, a
 * credit, an agent's edit — in this tab or any other), the page re-reads it from the server. The
 * socket client is loaded after the page, never as part of its first load.
 */
export function LiveInvoiceRefresher({
  token,
  invoiceNumber,
  version,
}: {
  token: string;
  /** The earlier invoice shown through this link, if it is not the link's own. */
  invoiceNumber: number | null;
  version: number;
}) {
  const router = useRouter();
  useEffect(() => {
    let closed = false;
    let disconnect: (() => void) | undefined;
    const start = async () => {
      const { io } = await import("socket.io-client");
      if (closed) return;
      const socket = io({
        auth: { invoiceToken: token, invoiceNumber },
        transports: ["websocket"],
      });
      socket.on("invoice:changed", (cue: { version?: number }) => {
        if (cue.version === undefined || cue.version > version) router.refresh();
      });
      disconnect = () => socket.disconnect();
    };
    const idle = window.setTimeout(() => void start(), 500);
    return () => {
      closed = true;
      window.clearTimeout(idle);
      disconnect?.();
    };
  }, [token, invoiceNumber, version, router]);
  return null;
}
