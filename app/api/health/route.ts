import { getDatabase } from "@/lib/db/client";
import { createLogger } from "@/lib/log";

export const dynamic = "force-dynamic";

const log = createLogger("health");

export async function GET() {
  const realtime = process.env.NOTA_REALTIME === "redis" ? "redis" : "local";
  const version = process.env.NOTA_VERSION ?? "unknown";
  try {
    const database = await getDatabase();
    await database.prisma.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: database.kind, realtime, version });
  } catch (error) {
    log.error("database unavailable", { error });
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
}
