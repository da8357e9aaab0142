import { getDatabase } from "@/lib/db/client";
import { databaseAnswers } from "@/lib/db/health";
import { createLogger } from "@/lib/log";

export const dynamic = "force-dynamic";

const log = createLogger("health");

/** 200 when the database answers, 503 within 1.5 s when it does not (never a hanging check). */
export async function GET() {
  const realtime = process.env.NOTA_REALTIME === "redis" ? "redis" : "local";
  const version = process.env.NOTA_VERSION ?? "unknown";
  const answer = await databaseAnswers(getDatabase);
  if (answer.ok) {
    return Response.json({ status: "ok", database: answer.kind, realtime, version });
  }
  log.error("database unavailable", { error: answer.error });
  return Response.json(
    {
      status: "unavailable",
      database: process.env.DATABASE_URL ? "postgresql" : "pglite",
      realtime,
      version,
    },
    { status: 503 },
  );
}
