"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useConnected, useSharedSocket } from "@/components/chat/invoice-socket";
import type { Locale } from "@/lib/db/generated/client";
import { agentInboxMessages } from "@/lib/i18n/staff/agent/inbox";

/** A short two-tone chime, made on the spot (no audio file); browsers allow it after a click. */
function chime(): void {
  try {
    const context = new AudioContext();
    for (const [index, frequency] of [880, 660].entries()) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.08, context.currentTime + index * 0.15);
      gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + index * 0.15 + 0.14);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(context.currentTime + index * 0.15);
      oscillator.stop(context.currentTime + index * 0.15 + 0.15);
    }
    window.setTimeout(() => void context.close(), 600);
  } catch {
    // No audio here; the visual cue remains.
  }
}

/**
 * Keeps the inbox current: every inbox cue re-reads it from the server; a new customer message
 * also chimes (if sound is on), flashes a notice and counts in the tab title until looked at.
 */
export function InboxLive({ locale }: { locale: Locale }) {
  const t = agentInboxMessages[locale].live;
  const router = useRouter();
  const socket = useSharedSocket(null, 0);
  const connected = useConnected(socket);
  const [fresh, setFresh] = useState(0);
  const [sound, setSound] = useState(false);
  const soundRef = useRef(sound);
  soundRef.current = sound;

  useEffect(() => {
    if (!socket) return;
    // One cue may stand for several changes (the server coalesces them): `messages` counts the
    // new customer messages among them.
    const onInbox = (cue: { reason?: string; messages?: number }) => {
      router.refresh();
      if (cue.reason !== "message") return;
      setFresh((count) => count + Math.max(cue.messages ?? 1, 1));
      if (soundRef.current) chime();
    };
    const onResync = () => router.refresh();
    socket.on("inbox:changed", onInbox);
    socket.on("resync", onResync);
    return () => {
      socket.off("inbox:changed", onInbox);
      socket.off("resync", onResync);
    };
  }, [socket, router]);

  useEffect(() => {
    const base = document.title.replace(/^\(\d+\) /, "");
    document.title = fresh > 0 ? `(${fresh}) ${base}` : base;
    const clear = () => {
      if (document.visibilityState === "visible") window.setTimeout(() => setFresh(0), 4000);
    };
    document.addEventListener("visibilitychange", clear);
    return () => document.removeEventListener("visibilitychange", clear);
  }, [fresh]);

  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <span className="flex items-center gap-1" data-testid="inbox-connection">
        <span
          aria-hidden="true"
          className={`inline-block size-2 rounded-full ${connected ? "bg-green-600" : "bg-slate-400"}`}
        />
        {connected ? t.connected : t.connecting}
      </span>
      <label className="flex items-center gap-1">
        <input
          type="checkbox"
          checked={sound}
          onChange={(event) => setSound(event.target.checked)}
        />
        {t.sound}
      </label>
      <p role="status" aria-live="polite" data-testid="inbox-new">
        {fresh > 0 ? (
          <span className="rounded bg-amber-200 px-2 py-0.5 font-semibold text-amber-950">
            {t.fresh(fresh)}
          </span>
        ) : null}
      </p>
    </div>
  );
}
