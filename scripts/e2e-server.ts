import { rmSync } from "node:fs";
import path from "node:path";

/**
 * The server Playwright tests run against: the production build on its own port with a fresh
 * DATA_DIR seeded with the demo data, so every run starts from the same known state.
 */
const dataDir = path.resolve(process.env.DATA_DIR ?? "test-results/e2e-data");
rmSync(dataDir, { recursive: true, force: true });
process.env.DATA_DIR = dataDir;

const { getDatabase, closeDatabase } = await import("@/lib/db/client");
const { seedDemo } = await import("@/lib/demo/seed-demo");
const { saveDemoLinks } = await import("@/lib/demo/demo-links");
const database = await getDatabase();
const result = await seedDemo({ db: database.prisma });
saveDemoLinks(dataDir, result.links);
await closeDatabase();
await import("../server");
