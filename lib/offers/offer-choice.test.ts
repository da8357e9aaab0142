import { describe, expect, it } from "vitest";
import { type OfferCandidate, pickOneOffer } from "@/lib/offers/offer-choice";

const offer = (
  blockId: string,
  annualSavingOre: number | null,
  isAccepted = false,
): OfferCandidate => ({ blockId, annualSavingOre, isAccepted });

describe("pickOneOffer", () => {
  it("has nothing to pick from nothing", () => {
    expect(pickOneOffer([])).toBeNull();
  });

  it("keeps the offer that saves the customer most, whatever the priority order", () => {
    const picked = pickOneOffer([offer("fast", 30_000), offer("gron", 116_219), offer("x", 0)]);
    expect(picked?.blockId).toBe("gron");
  });

  it("ranks an unknown saving as none: above a plan that would cost more, below a real saving", () => {
    expect(pickOneOffer([offer("dearer", -40_000), offer("unknown", null)])?.blockId).toBe(
      "unknown",
    );
    expect(pickOneOffer([offer("unknown", null), offer("saves", 100)])?.blockId).toBe("saves");
  });

  it("keeps the offer the customer accepted, even when another would save more", () => {
    const picked = pickOneOffer([offer("better", 200_000), offer("chosen", 10_000, true)]);
    expect(picked?.blockId).toBe("chosen");
  });

  it("breaks ties by the order given, so the same invoice always shows the same offer", () => {
    const candidates = [offer("first", 50_000), offer("second", 50_000), offer("third", null)];
    expect(pickOneOffer(candidates)?.blockId).toBe("first");
    expect(pickOneOffer([offer("a", null), offer("b", null)])?.blockId).toBe("a");
  });
});
