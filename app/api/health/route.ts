import { getDatabase } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function GET() {
  const realtime = process.env.NOTA_REALTIME === "redis" ? "redis" : "local";
  const version = process.env.NOTA_VERSION ?? "unknown";
  try {
    const database = await getDatabase();
    await database.prisma.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: database.kind, realtime, version });
  } catch (error) {
    console.error("health check: database unavailable", error);
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
