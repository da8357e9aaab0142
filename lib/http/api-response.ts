import { NextResponse } from "next/server";
import { isAppError } from "@/lib/errors/app-error";

/**
 * The one place an error becomes an HTTP answer: expected errors in plain words with their code,
 * anything else logged with context and answered with a generic message (never a stack trace).
 */
export function apiError(error: unknown, context: Record<string, unknown> = {}): NextResponse {
  if (isAppError(error)) {
    return NextResponse.json(
      { error: { code: error.code, message: error.message, details: error.details ?? null } },
      { status: error.status },
    );
  }
  console.error("unexpected error", context, error);
  return NextResponse.json(
    { error: { code: "INTERNAL", message: "Something went wrong on our side. Please try again." } },
    { status: 500 },
  );
}

export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return Symbol.for("nota.invalid-json");
  }
}
