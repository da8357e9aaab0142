import { describe, expect, it } from "vitest";
import { simulateCollections } from "@/lib/collections/simulation";

describe("the learner in simulation", () => {
  it("beats the uniform split and the fixed choice, and finds each band's best variant", () => {
    const report = simulateCollections({ invoices: 20_000, perDay: 100, seed: "test" });
    const [learner, uniform, fixed] = report.results;
    expect(learner!.strategy).toBe("learner");
    expect(learner!.meanReward).toBeGreaterThan(uniform!.meanReward + 0.03);
    expect(learner!.meanReward).toBeGreaterThan(fixed!.meanReward);
    expect(learner!.meanReward).toBeLessThanOrEqual(report.oracleMeanReward + 0.02);
    for (const band of learner!.perBand) {
      expect(band.bestShareAtEnd).toBeGreaterThan(0.8);
      expect(band.convergedAfter).not.toBeNull();
    }
    // Every band's best variant is not the same: the learner learned per band, not one winner.
    expect(new Set(learner!.perBand.map((band) => band.best)).size).toBeGreaterThan(1);
  });

  it("is the same run for the same seed", () => {
    const a = simulateCollections({ invoices: 2_000, seed: "replay" });
    const b = simulateCollections({ invoices: 2_000, seed: "replay" });
    expect(b).toEqual(a);
  });
});
