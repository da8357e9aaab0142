import { closeDatabase, getDatabase } from "@/lib/db/client";
import { parsePostgresUrl } from "@/lib/db/database";
import { saveDemoLinks } from "@/lib/demo/demo-links";
import { seedClock } from "@/lib/demo/seed-clock";
import { seedDemo } from "@/lib/demo/seed-demo";
import { getEnv } from "@/lib/env";
import { withJobWriter } from "@/lib/jobs/job-engine";

/** `npm run db:seed`: migrates, then seeds the demo data unless it is already there. */
const env = getEnv();
const started = Date.now();
const database = await getDatabase();
// The seed writes jobs (collection letters and messages); the server's workers take them.
const result = await withJobWriter(database, schemaOf(env.DATABASE_URL), () =>
  seedDemo({ db: database.prisma, now: seedClock(), log: (line) => console.log(line) }),
);
if (result.seeded) {
  saveDemoLinks(env.DATA_DIR, result.links);
  console.log(
    `Demo data seeded: ${result.invoices} invoices in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
} else {
  console.log("Demo data is already there; nothing changed.");
}
await closeDatabase();

function schemaOf(url: string | undefined): string | undefined {
  return url ? parsePostgresUrl(url).schema : undefined;
}
