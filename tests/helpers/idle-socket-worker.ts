import { io as connect, type Socket } from "socket.io-client";
import { eachLimited } from "./latency-stats";

/**
 * A child process of the realtime bench that holds a share of its idle customer sockets, so the
 * bench never runs into its own open-file limit (EMFILE): 20,000 sockets in one process would.
 * Told by IPC where to connect and with which links; answers when they are open; disconnects and
 * exits when told to close.
 */
interface Order {
  url: string;
  tokens: string[];
}

const sockets: Socket[] = [];

function open(url: string, invoiceToken: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(url, {
      auth: { invoiceToken, invoiceNumber: null },
      transports: ["websocket"],
      reconnection: false,
    });
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => {
      socket.disconnect();
      reject(error);
    });
  });
}

process.on("message", async (message: Order | "close") => {
  if (message === "close") {
    for (const socket of sockets) socket.disconnect();
    process.exit(0);
  }
  let failed = 0;
  let firstError: string | null = null;
  await eachLimited(message.tokens, 100, async (token) => {
    try {
      sockets.push(await open(message.url, token));
    } catch (error) {
      failed++;
      firstError ??= (error as Error).message;
    }
  });
  process.send?.({ connected: sockets.length, failed, firstError });
});
