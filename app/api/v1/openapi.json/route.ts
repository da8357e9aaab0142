import { NextResponse } from "next/server";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 document of API v1: public, like any API reference. */
export async function GET() {
  return NextResponse.json(buildOpenApiDocument(getEnv().appUrl), {
    headers: { "cache-control": "public, max-age=300" },
  });
}
