import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * `next build` when the sources are newer than the last build in `distDir`: the production build
 * (.next) for the demo, or the benchmarks' own build (.next-bench, with their reference page and
 * broadcast route, NOTA_BENCH_BUILD=1).
 */
const SOURCE_DIRS = ["app", "components", "lib", "public"];
const SOURCE_FILES = ["next.config.ts", "package.json", "proxy.ts", "postcss.config.mjs"];

function newestSourceTime(): number {
  let newest = 0;
  const visit = (entry: string) => {
    if (!existsSync(entry)) return;
    const stat = statSync(entry);
    if (stat.isDirectory()) {
      for (const child of readdirSync(entry)) {
        if (child === "generated" || child === "node_modules") continue;
        visit(path.join(entry, child));
      }
    } else if (!/\.test\.tsx?$/.test(entry)) {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const entry of [...SOURCE_DIRS, ...SOURCE_FILES]) visit(entry);
  return newest;
}

export function buildIfNeeded(options: { bench?: boolean } = {}): void {
  const distDir = options.bench ? ".next-bench" : ".next";
  const buildId = path.join(distDir, "BUILD_ID");
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= newestSourceTime()) {
    console.log(`Build is up to date (${distDir}).`);
    return;
  }
  console.log(`Building (next build${options.bench ? ", benchmark build" : ""})…`);
  const result = spawnSync("npx", ["next", "build"], {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ...(options.bench ? { NOTA_BENCH_BUILD: "1" } : {}),
    },
  });
  if (result.status !== 0) {
    console.error("The build failed; see the output above.");
    process.exit(result.status ?? 1);
  }
}
