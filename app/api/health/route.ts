import { getDatabase } from "@/lib/db/client";
import { databaseAnswers } from "@/lib/db/health";
import { AppError } from "@/lib/errors/app-error";
import { errorReply } from "@/lib/errors/error-reply";
import { problemResponse } from "@/lib/http/api-response";

export const dynamic = "force-dynamic";

/**
 * 200 when the database answers; otherwise, within 1.5 s (never a hanging check), the house's
 * problem reply: 503 UNAVAILABLE, with what was checked in its details.
 */
export async function GET() {
  const realtime = process.env.NOTA_REALTIME === "redis" ? "redis" : "local";
  const version = process.env.NOTA_VERSION ?? "unknown";
  const answer = await databaseAnswers(getDatabase);
  if (answer.ok) {
    return Response.json({ status: "ok", database: answer.kind, realtime, version });
  }
  const database = process.env.DATABASE_URL ? "postgresql" : "pglite";
  return problemResponse(
    errorReply(
      new AppError("UNAVAILABLE", "The database does not answer", {
        status: "unavailable",
        database,
        realtime,
        version,
        retryAfterSeconds: 5,
      }),
      { route: "health", error: answer.error },
    ),
  );
}
