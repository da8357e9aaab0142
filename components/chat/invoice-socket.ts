"use client";

import { useEffect, useRef, useState } from "react";
import type { Socket } from "socket.io-client";

/**
 * One socket per page, shared by the live refresher, the presence banner and the chat. The
 * socket.io client is loaded after the page has rendered, never as part of its first load.
 */
type Auth = { invoiceToken: string; invoiceNumber: number | null } | null;

let shared: { key: string; socket: Promise<Socket>; users: number } | null = null;

async function openSocket(auth: Auth): Promise<Socket> {
  const { io } = await import("socket.io-client");
  const socket = io({
    ...(auth ? { auth } : {}),
    transports: ["websocket"],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  retryWhenUnavailable(socket);
  return socket;
}

/**
 * socket.io gives up on a handshake the server refused. A refusal because the server was busy
 * ("unavailable", a 503 problem) is worth trying again, with backoff, so a brief database hiccup
 * does not leave the chat dead until a reload; a refused link or session is not.
 */
function retryWhenUnavailable(socket: Socket) {
  let delayMs = 1000;
  socket.on("connect", () => {
    delayMs = 1000;
  });
  socket.on("connect_error", (error: Error & { data?: { status?: number } }) => {
    if (socket.active) return; // a transport failure: the client reconnects by itself
    if (error.message !== "unavailable" && (error.data?.status ?? 0) < 500) return;
    window.setTimeout(() => {
      if (!socket.connected) socket.connect();
    }, delayMs);
    delayMs = Math.min(delayMs * 2, 30_000);
  });
}

/** The page's socket: a customer's (proved by the invoice link) or staff's (the session cookie). */
export function useSharedSocket(auth: Auth, delayMs = 300): Socket | null {
  const key = auth ? `${auth.invoiceToken}#${auth.invoiceNumber ?? ""}` : "staff";
  const [socket, setSocket] = useState<Socket | null>(null);
  const authRef = useRef(auth);
  authRef.current = auth;
  useEffect(() => {
    let active = true;
    let acquired = false;
    const timer = window.setTimeout(() => {
      if (!shared || shared.key !== key) {
        shared = { key, socket: openSocket(authRef.current), users: 0 };
      }
      shared.users += 1;
      acquired = true;
      const mine = shared;
      void mine.socket.then((opened) => {
        if (active) setSocket(opened);
      });
    }, delayMs);
    return () => {
      active = false;
      window.clearTimeout(timer);
      if (!acquired || !shared || shared.key !== key) return;
      shared.users -= 1;
      if (shared.users === 0) {
        const closing = shared.socket;
        shared = null;
        void closing.then((opened) => opened.disconnect());
      }
    };
  }, [key, delayMs]);
  return socket;
}

/** Whether the socket is connected now, following its connect and disconnect events. */
export function useConnected(socket: Socket | null): boolean {
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!socket) return;
    const update = () => setConnected(socket.connected);
    update();
    socket.on("connect", update);
    socket.on("disconnect", update);
    return () => {
      socket.off("connect", update);
      socket.off("disconnect", update);
    };
  }, [socket]);
  return connected;
}
