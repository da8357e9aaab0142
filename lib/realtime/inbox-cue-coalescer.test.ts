import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type InboxCue, InboxCueCoalescer } from "@/lib/realtime/inbox-cue-coalescer";

describe("InboxCueCoalescer", () => {
  let sent: Array<{ organizationId: string; cue: InboxCue; at: number }>;
  let coalescer: InboxCueCoalescer;
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
    sent = [];
    coalescer = new InboxCueCoalescer(
      (organizationId, cue) =>
        sent.push({ organizationId, cue: structuredClone(cue), at: Date.now() }),
      250,
    );
  });
  afterEach(() => vi.useRealTimers());

  it("sends the first cue of a quiet organisation at once", () => {
    coalescer.add("org-a", "conv-1", "message");
    expect(sent).toEqual([
      {
        organizationId: "org-a",
        at: 1_000_000,
        cue: {
          conversationId: "conv-1",
          conversationIds: ["conv-1"],
          reason: "message",
          messages: 1,
        },
      },
    ]);
  });

  it("sends what follows within the interval as one cue at its end, counting every message", () => {
    coalescer.add("org-a", "conv-1", "message");
    vi.advanceTimersByTime(50);
    coalescer.add("org-a", "conv-2", "message");
    coalescer.add("org-a", "conv-1", "read");
    coalescer.add("org-a", "conv-3", "message");
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(199);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual({
      organizationId: "org-a",
      at: 1_000_250,
      cue: {
        conversationId: "conv-3",
        conversationIds: ["conv-2", "conv-1", "conv-3"],
        reason: "message",
        messages: 2,
      },
    });
    // Nothing more waits: no third cue without a new change.
    vi.advanceTimersByTime(10_000);
    expect(sent).toHaveLength(2);
  });

  it("keeps the latest reason when no message is among the changes", () => {
    coalescer.add("org-a", "conv-1", "assignment");
    coalescer.add("org-a", "conv-1", "read");
    coalescer.add("org-a", "conv-2", "status");
    vi.advanceTimersByTime(250);
    expect(sent.map((s) => [s.cue.reason, s.cue.messages])).toEqual([
      ["assignment", 0],
      ["status", 0],
    ]);
  });

  it("sends at most one cue per interval per organisation under a flood, and loses no message from the count", () => {
    for (let i = 0; i < 1000; i++) {
      coalescer.add("org-a", `conv-${i % 40}`, "message");
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(250);
    expect(sent.length).toBeLessThanOrEqual(1 + Math.ceil(1000 / 250));
    expect(sent.reduce((sum, s) => sum + s.cue.messages, 0)).toBe(1000);
    for (const [index, s] of sent.entries()) {
      if (index > 0) expect(s.at - sent[index - 1]!.at).toBeGreaterThanOrEqual(250);
    }
  });

  it("coalesces each organisation on its own", () => {
    coalescer.add("org-a", "conv-a", "message");
    coalescer.add("org-b", "conv-b", "message");
    coalescer.add("org-a", "conv-a2", "message");
    expect(sent.map((s) => s.organizationId)).toEqual(["org-a", "org-b"]);
    vi.advanceTimersByTime(250);
    expect(sent.map((s) => s.organizationId)).toEqual(["org-a", "org-b", "org-a"]);
  });

  it("sends a quiet organisation's next cue at once again after the interval", () => {
    coalescer.add("org-a", "conv-1", "message");
    vi.advanceTimersByTime(300);
    coalescer.add("org-a", "conv-2", "message");
    expect(sent.map((s) => s.at)).toEqual([1_000_000, 1_000_300]);
  });

  it("flush sends what waits now", () => {
    coalescer.add("org-a", "conv-1", "message");
    coalescer.add("org-a", "conv-2", "message");
    coalescer.flush();
    expect(sent).toHaveLength(2);
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(2);
  });
});
