import { defineConfig } from "prisma/config";

// The Prisma CLI is used here only for `prisma generate`; migrations are applied by
// lib/db/migrate.ts (see README). The URL matters only where the schema engine is available.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx scripts/db-seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/nota" },
});
