/**
 * An agent's inbox re-reads itself on every inbox cue. One cue per customer message meant, with
 * a busy chat, every agent's console re-rendering the inbox hundreds of times a second, and the
 * server writing each cue to every agent's socket. So an organisation's inbox cues are coalesced
 * per process: the first goes out at once (a quiet inbox hears of a message without delay); the
 * ones within the next INBOX_CUE_INTERVAL_MS go out together at its end, as one cue naming the
 * conversations and counting the new messages (for the console's counter and chime).
 */
export const INBOX_CUE_INTERVAL_MS = 250;

export type InboxCueReason = "message" | "read" | "assignment" | "status";

export interface InboxCue {
  /** The latest conversation the cue is about (all of them in conversationIds). */
  conversationId: string;
  conversationIds: string[];
  /** "message" when any of them was a new customer message, else the latest reason. */
  reason: InboxCueReason;
  /** New customer messages the cue stands for. */
  messages: number;
}

/** At most this many conversations are named in one cue (the inbox re-reads itself anyway). */
const MAX_NAMED = 100;

interface Pending {
  cue: InboxCue;
  timer: ReturnType<typeof setTimeout>;
}

export class InboxCueCoalescer {
  private readonly lastSent = new Map<string, number>();
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly send: (organizationId: string, cue: InboxCue) => void,
    private readonly intervalMs = INBOX_CUE_INTERVAL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  add(organizationId: string, conversationId: string, reason: InboxCueReason): void {
    const waiting = this.pending.get(organizationId);
    if (waiting) {
      merge(waiting.cue, conversationId, reason);
      return;
    }
    const cue: InboxCue = {
      conversationId,
      conversationIds: [conversationId],
      reason,
      messages: reason === "message" ? 1 : 0,
    };
    const last = this.lastSent.get(organizationId);
    const now = this.now();
    if (last === undefined || now - last >= this.intervalMs) {
      this.emit(organizationId, cue, now);
      return;
    }
    const timer = setTimeout(
      () => {
        this.pending.delete(organizationId);
        this.emit(organizationId, cue, this.now());
      },
      last + this.intervalMs - now,
    );
    timer.unref?.();
    this.pending.set(organizationId, { cue, timer });
  }

  private emit(organizationId: string, cue: InboxCue, at: number): void {
    // Kept in the order of sending (oldest first), so organisations quiet for a whole interval
    // are forgotten as soon as they are met: the map holds only recent senders.
    this.lastSent.delete(organizationId);
    for (const [id, sentAt] of this.lastSent) {
      if (at - sentAt < this.intervalMs) break;
      this.lastSent.delete(id);
    }
    this.lastSent.set(organizationId, at);
    this.send(organizationId, cue);
  }

  /** Sends what waits now (shutdown, tests). */
  flush(): void {
    for (const [organizationId, { cue, timer }] of this.pending) {
      clearTimeout(timer);
      this.pending.delete(organizationId);
      this.emit(organizationId, cue, this.now());
    }
  }
}

function merge(cue: InboxCue, conversationId: string, reason: InboxCueReason): void {
  cue.conversationId = conversationId;
  if (cue.conversationIds.length < MAX_NAMED && !cue.conversationIds.includes(conversationId)) {
    cue.conversationIds.push(conversationId);
  }
  if (reason === "message") cue.messages++;
  cue.reason = cue.messages > 0 ? "message" : reason;
}
