import type { Socket } from "socket.io-client";
import type { ChatMessageView } from "@/lib/chat/chat-message-view";
import { type Arrivals, eachLimited } from "./latency-stats";
import type { Traffic } from "./paced-senders";
import { connectCustomerTo, connectStaffTo } from "./server-cluster";

/** How many invoices one agent connection keeps open (the handlers keep the last 20). */
const WATCHED_PER_AGENT = 20;

/**
 * The chat part of the realtime bench: one customer per invoice on the writing process, and
 * agents on the reading process with the invoices open. Receivers record every arrival in
 * `arrivals` under the key the matching Traffic uses.
 */
export async function openChatLoad(options: {
  writing: { url: string };
  reading: { url: string };
  cookie: string;
  invoices: Array<{ id: string; accessToken: string }>;
  arrivals: Arrivals;
}) {
  const { invoices, arrivals } = options;
  const agents: Socket[] = [];
  // Typing cues carry no id: the n-th cue for an invoice answers its n-th emit (order is kept).
  const typingSeen = new Map<string, number>();
  for (let first = 0; first < invoices.length; first += WATCHED_PER_AGENT) {
    const agent = await connectStaffTo(options.reading, options.cookie);
    agents.push(agent);
    for (const invoice of invoices.slice(first, first + WATCHED_PER_AGENT)) {
      await agent.timeout(10_000).emitWithAck("invoice:watch", { invoiceId: invoice.id });
    }
    agent.on("chat:message", ({ message }: { message: ChatMessageView }) =>
      arrivals.record(`chat:${message.clientMessageId}`),
    );
    agent.on("chat:typing", ({ invoiceId }: { invoiceId: string }) => {
      const count = typingSeen.get(invoiceId) ?? 0;
      typingSeen.set(invoiceId, count + 1);
      arrivals.record(`typing:${invoiceId}:${count}`);
    });
  }
  const senders: Socket[] = [];
  await eachLimited(invoices, 50, async (invoice, index) => {
    senders[index] = await connectCustomerTo(options.writing, invoice.accessToken);
  });
  return {
    agents,
    senders,
    /** Chat messages, each with its own clientMessageId so its arrival can be told apart. */
    chat(phase: string): Traffic {
      return {
        event: "chat:send",
        payload: (s, n) => ({
          body: `bench ${phase} ${n}`,
          clientMessageId: `bench-${phase}-${s}-${n}`,
        }),
        arrivalKey: (s, n) => `chat:bench-${phase}-${s}-${n}`,
      };
    },
    /** Typing cues: the same sockets, handlers and adapter, but nothing stored. */
    typing(): Traffic {
      typingSeen.clear();
      return {
        event: "chat:typing",
        payload: (_, n) => ({ typing: n % 2 === 0 }),
        arrivalKey: (s, n) => `typing:${invoices[s]!.id}:${n}`,
      };
    },
    close() {
      for (const socket of [...agents, ...senders]) socket.disconnect();
    },
  };
}
