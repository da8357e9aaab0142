import { closeDatabase, getDatabase } from "@/lib/db/client";
import { saveDemoLinks } from "@/lib/demo/demo-links";
import { seedClock } from "@/lib/demo/seed-clock";
import { seedDemo } from "@/lib/demo/seed-demo";
import { getEnv } from "@/lib/env";

/** `npm run db:seed`: migrates, then seeds the demo data unless it is already there. */
const env = getEnv();
const started = Date.now();
const database = await getDatabase();
const result = await seedDemo({
  db: database.prisma,
  now: seedClock(),
  log: (line) => console.log(line),
});
if (result.seeded) {
  saveDemoLinks(env.DATA_DIR, result.links);
  console.log(
    `Demo data seeded: ${result.invoices} invoices in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
} else {
  console.log("Demo data is already there; nothing changed.");
}
await closeDatabase();
