import { describe, expect, it } from "vitest";
import { CONVERGENCE_BOUND, simulateCollections } from "@/lib/collections/simulation";

describe("the learner in simulation", () => {
  // The seed of `npm run simulate:collections` and nine others: the bound holds for each.
  it.each(["nota-collections", "test", "a", "b", "c", "d", "e", "f", "g", "h"])(
    "beats the uniform split and the fixed choice, and finds each band's best variant within the stated bound (seed %s)",
    (seed) => {
      const report = simulateCollections({ invoices: 20_000, perDay: 100, seed });
      const [learner, uniform, fixed] = report.results;
      expect(learner!.strategy).toBe("learner");
      expect(learner!.meanReward).toBeGreaterThan(uniform!.meanReward + 0.03);
      expect(learner!.meanReward).toBeGreaterThan(fixed!.meanReward);
      expect(learner!.meanReward).toBeLessThanOrEqual(report.oracleMeanReward + 0.02);
      for (const band of learner!.perBand) {
        expect(band.bestShareAtEnd).toBeGreaterThan(0.8);
        expect(band.convergedAfter).not.toBeNull();
        expect(band.convergedAfter!).toBeLessThanOrEqual(CONVERGENCE_BOUND);
      }
      // Every band's best variant is not the same: the learner learned per band, not one winner.
      expect(new Set(learner!.perBand.map((band) => band.best)).size).toBeGreaterThan(1);
    },
  );

  it("is the same run for the same seed", () => {
    const a = simulateCollections({ invoices: 2_000, seed: "replay" });
    const b = simulateCollections({ invoices: 2_000, seed: "replay" });
    expect(b).toEqual(a);
  });
});
