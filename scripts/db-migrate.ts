import { closeDatabase, getDatabase } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";

/** `npm run db:migrate`: applies pending migrations to the configured database. */
try {
  const database = await getDatabase();
  const report = database.migration;
  console.log(
    report?.applied.length
      ? `Applied: ${report.applied.join(", ")}`
      : `The ${database.kind} database is up to date (${report?.alreadyApplied.length ?? 0} migrations).`,
  );
  for (const name of report?.unknownInDatabase ?? []) {
    console.warn(`Warning: the database has migration ${name}, which this version does not know.`);
  }
  await closeDatabase();
} catch (error) {
  console.error(isAppError(error) ? `Migration refused: ${error.message}` : error);
  process.exit(1);
}
