import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors/app-error";
import { errorReply, type Problem } from "@/lib/errors/error-reply";
import type { LogFields } from "@/lib/log";

/**
 * HTTP answers: the one error reply (lib/errors/error-reply.ts) as `application/problem+json`, and
 * request bodies read within a byte limit, so a route never holds more than it will accept.
 */
export function problemResponse(problem: Problem, headers: HeadersInit = {}): NextResponse {
  const retryAfter = problem.details?.retryAfterSeconds;
  return NextResponse.json(problem, {
    status: problem.status,
    headers: {
      "content-type": "application/problem+json",
      "cache-control": "no-store",
      ...(typeof retryAfter === "number" ? { "retry-after": String(Math.ceil(retryAfter)) } : {}),
      ...headers,
    },
  });
}

/** The answer to anything a route handler throws. */
export function errorResponse(error: unknown, context: LogFields = {}): NextResponse {
  return problemResponse(errorReply(error, context));
}

/** The largest JSON body a route accepts unless it says otherwise. */
export const DEFAULT_BODY_LIMIT = 256 * 1024;

/**
 * A request body as text, read as a stream and given up as soon as it passes `maxBytes` (413),
 * whatever Content-Length claims (a chunked body carries none).
 */
export async function readBodyText(
  request: Request,
  maxBytes = DEFAULT_BODY_LIMIT,
): Promise<string> {
  return Buffer.from(await readBodyBytes(request, maxBytes)).toString("utf8");
}

/** The body as bytes (a file in its own encoding, e.g. a latin1 BgMax file), within the limit. */
export async function readBodyBytes(
  request: Request,
  maxBytes = DEFAULT_BODY_LIMIT,
): Promise<Uint8Array> {
  const tooLarge = () =>
    new AppError("PAYLOAD_TOO_LARGE", `The request body may be at most ${maxBytes} bytes`, {
      maxBytes,
    });
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** A JSON request body (within the limit); malformed JSON is BAD_INPUT, never a 500. */
export async function readJsonBody(
  request: Request,
  maxBytes = DEFAULT_BODY_LIMIT,
): Promise<unknown> {
  const text = await readBodyText(request, maxBytes);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_INPUT", "The request body is not valid JSON");
  }
}
