import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { io as connect, type Socket } from "socket.io-client";
import type { Db } from "@/lib/db/database";
import type { StaffRole } from "@/lib/db/generated/client";
import { startRealtime } from "@/lib/realtime/socket-server";

export const TEST_AUTH_SECRET = "realtime-test-secret-0123456789abcdef";

/**
 * The real socket server (the one server.ts starts) on a free loopback port, without Next: the
 * handshake, rooms and handlers are exactly the product's. Clients are real socket.io clients.
 */
export async function startRealtimeTestServer(
  db: Db | (() => Promise<Db>),
  options: {
    redisUrl?: string;
    limits?: { socketsPerLink: number; socketsPerAddress: number };
  } = {},
) {
  const httpServer = createServer();
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const realtime = await startRealtime({
    httpServer,
    db: typeof db === "function" ? db : async () => db,
    authSecret: TEST_AUTH_SECRET,
    redisUrl: options.redisUrl,
    limits: options.limits,
  });
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const clients: Socket[] = [];

  const open = (socket: Socket) => {
    clients.push(socket);
    return new Promise<Socket>((resolve, reject) => {
      socket.once("connect", () => resolve(socket));
      socket.once("connect_error", reject);
    });
  };
  return {
    url,
    io: realtime.io,
    connectCustomer(
      invoiceToken: string,
      invoiceNumber: number | null = null,
      headers: Record<string, string> = {},
    ) {
      return open(
        connect(url, {
          auth: { invoiceToken, invoiceNumber },
          transports: ["websocket"],
          reconnection: false,
          extraHeaders: headers,
        }),
      );
    },
    async connectStaff(staff: { id: string; organizationId?: string; role?: StaffRole }) {
      // The JWT's role and organisation are not trusted: the handshake reads them from the database.
      const session = await encode({
        token: {
          staffId: staff.id,
          organizationId: staff.organizationId ?? "",
          role: staff.role ?? "AGENT",
        },
        secret: TEST_AUTH_SECRET,
      });
      return open(
        connect(url, {
          transports: ["websocket"],
          reconnection: false,
          extraHeaders: { cookie: `next-auth.session-token=${session}` },
        }),
      );
    },
    async close() {
      for (const client of clients) client.disconnect();
      await realtime.close();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

export type RealtimeTestServer = Awaited<ReturnType<typeof startRealtimeTestServer>>;

/** Emits with an acknowledgement and resolves with the server's reply. */
export function request<T = Record<string, unknown>>(
  socket: Socket,
  event: string,
  payload?: unknown,
): Promise<T & { ok: boolean; code?: string; error?: string }> {
  return socket.timeout(5000).emitWithAck(event, payload);
}

/** Resolves with the next `event` the socket receives that matches. */
export function nextEvent<T = Record<string, unknown>>(
  socket: Socket,
  event: string,
  matches: (payload: T) => boolean = () => true,
  timeoutMs = 5000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (!matches(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** Records every event a socket receives, for asserting what never arrived. */
export function recordEvents(socket: Socket) {
  const received: Array<{ event: string; payload: unknown }> = [];
  socket.onAny((event: string, payload: unknown) => received.push({ event, payload }));
  return received;
}
