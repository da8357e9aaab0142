// `prisma generate` does not use the schema engine, but the CLI insists on having a binary and
// cannot download one on machines without internet. Any executable satisfies it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const standIn = ["/bin/true", "/usr/bin/true"].find((p) => existsSync(p)) ?? process.execPath;
const result = spawnSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? standIn,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
