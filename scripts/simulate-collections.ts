import { simulateCollections } from "@/lib/collections/simulation";

/**
 * `npm run simulate:collections`: the learner against a uniform split and a fixed choice on
 * synthetic customers whose response depends on their band and the variant (lib/collections/
 * simulation.ts). SIM_INVOICES (default 20,000), SIM_PER_DAY (100), SIM_SEED. Prints one JSON line
 * per strategy and per band; deterministic for a seed.
 */
const report = simulateCollections({
  invoices: Number(process.env.SIM_INVOICES ?? 20_000),
  perDay: Number(process.env.SIM_PER_DAY ?? 100),
  seed: process.env.SIM_SEED ?? "nota-collections",
});
const print = (line: Record<string, unknown>) => console.log(JSON.stringify(line));
print({
  figure: "simulation",
  invoices: report.invoices,
  perDay: report.perDay,
  outcomeDelayDays: report.delayDays,
  objective: report.objective,
  oracleMeanReward: report.oracleMeanReward,
  seed: report.seed,
});
for (const result of report.results) {
  print({
    figure: `strategy: ${result.strategy}`,
    meanReward: result.meanReward,
    ofOracle: Math.round((result.meanReward / report.oracleMeanReward) * 1000) / 1000,
    paidShare: result.paidShare,
    churnShare: result.churnShare,
    supportShare: result.supportShare,
  });
  for (const band of result.perBand)
    print({ figure: `  ${result.strategy} · band ${band.band}`, ...band });
}
const learner = report.results.find((r) => r.strategy === "learner")!;
const uniform = report.results.find((r) => r.strategy === "uniform")!;
print({
  figure: "learner vs uniform split",
  rewardGain: Math.round((learner.meanReward - uniform.meanReward) * 10_000) / 10_000,
  learnerBeatsUniform: learner.meanReward > uniform.meanReward,
  bandsConverged: learner.perBand.filter((b) => b.convergedAfter !== null).length,
  bands: learner.perBand.length,
});
