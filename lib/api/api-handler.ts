import { NextResponse } from "next/server";
import { type ApiPrincipal, authenticateApiKey, requireScope } from "@/lib/api/api-keys";
import { runIdempotently, type StoredAnswer } from "@/lib/api/idempotency";
import { API_OPERATIONS, type ApiOperationId } from "@/lib/api/operations";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/database";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { errorReply } from "@/lib/errors/error-reply";
import { DEFAULT_BODY_LIMIT, problemResponse, readBodyBytes } from "@/lib/http/api-response";
import { hitRateLimit } from "@/lib/rate-limit/rate-limit";

/**
 * The one shape of an API v1 route: who is asking (the Bearer key), its rate limit (429 with
 * Retry-After), its scope (403), the body read within its limit (413 before any parsing) as JSON
 * (415 for another type, 400 when malformed), Idempotency-Key on POST, and every failure as the
 * house's problem reply. The route itself only names its scope and calls its domain function.
 */
export interface ApiContext {
  principal: ApiPrincipal;
  db: Db;
  request: Request;
  url: URL;
  params: Record<string, string>;
  /** The parsed JSON body (undefined for GET and DELETE). */
  body: unknown;
  /** The body as sent, as text (for routes that read other formats, e.g. NDJSON). */
  rawBody: string;
  /** The body's bytes (a file in its own encoding, e.g. a latin1 BgMax file). */
  rawBytes: Uint8Array;
  contentType: string;
}

export interface ApiAnswer {
  status: number;
  body: unknown;
}

export interface ApiRouteOptions {
  /** The operation (lib/api/operations.ts): its scope and the body types it reads come from there. */
  operation: ApiOperationId;
  /** What a body may weigh (bytes); the server's guard already stopped anything past its limit. */
  bodyLimit?: number | (() => number);
  handle: (context: ApiContext) => Promise<ApiAnswer>;
}

type RouteContext = { params: Promise<Record<string, string>> };

const RATE_WINDOW_MS = 60_000;

export function apiRoute(options: ApiRouteOptions) {
  const operation = API_OPERATIONS[options.operation];
  const accepts: readonly string[] = "bodyTypes" in operation ? operation.bodyTypes : [];
  return async (request: Request, context: RouteContext): Promise<Response> => {
    const url = new URL(request.url);
    try {
      const db = await getDb();
      const principal = await authenticateApiKey(db, request.headers.get("authorization"));
      const limit = getEnv().API_RATE_LIMIT;
      const rate = await hitRateLimit(db, {
        key: `api:${principal.keyId}`,
        limit,
        windowMs: RATE_WINDOW_MS,
      });
      if (rate.limited) {
        throw new AppError(
          "RATE_LIMITED",
          `This API key may make ${limit} requests a minute; try again in ${rate.retryAfterSeconds} s`,
          { retryAfterSeconds: Math.max(1, rate.retryAfterSeconds) },
        );
      }
      requireScope(principal, operation.scope);
      const params = await context.params;
      const hasBody = request.method === "POST" || request.method === "PATCH";
      const rawBytes = hasBody
        ? await readBodyBytes(
            request,
            typeof options.bodyLimit === "function"
              ? options.bodyLimit()
              : (options.bodyLimit ?? DEFAULT_BODY_LIMIT),
          )
        : new Uint8Array();
      const rawBody = Buffer.from(rawBytes).toString("utf8");
      const contentType = (request.headers.get("content-type") ?? "")
        .split(";")[0]!
        .trim()
        .toLowerCase();
      const run = async (): Promise<StoredAnswer> =>
        options.handle({
          principal,
          db,
          request,
          url,
          params,
          body: hasBody ? parseBody(rawBody, contentType, accepts) : undefined,
          rawBody,
          rawBytes,
          contentType,
        });
      const answer =
        request.method === "POST"
          ? await runIdempotently(
              db,
              {
                apiKeyId: principal.keyId,
                key: request.headers.get("idempotency-key"),
                method: request.method,
                path: url.pathname,
                // Every byte counts (latin1 maps bytes to characters one to one).
                body: Buffer.from(rawBytes).toString("latin1"),
              },
              run,
            )
          : { ...(await run()), replayed: false };
      return answerResponse(answer, answer.replayed);
    } catch (error) {
      return problemResponse(
        errorReply(error, { route: `${request.method} ${url.pathname}` }),
        // A refused key says how to authenticate (RFC 6750).
        error instanceof AppError && error.code === "UNAUTHENTICATED"
          ? { "www-authenticate": 'Bearer realm="nota"' }
          : {},
      );
    }
  };
}

function parseBody(rawBody: string, contentType: string, accepts: readonly string[]): unknown {
  // A POST with nothing to say (issue with the defaults, send a test event) may send nothing.
  if (rawBody.trim() === "" && contentType === "") return {};
  if (accepts.includes(contentType)) return undefined;
  if (contentType !== "application/json") {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      `Send the body as application/json${accepts.length ? ` or ${accepts.join(" or ")}` : ""}`,
    );
  }
  if (rawBody.trim() === "") throw new AppError("BAD_INPUT", "The request body is empty");
  try {
    return JSON.parse(rawBody);
  } catch {
    throw new AppError("BAD_INPUT", "The request body is not valid JSON");
  }
}

function answerResponse(answer: StoredAnswer, replayed: boolean): Response {
  const isProblem = answer.status >= 400;
  const headers: Record<string, string> = {
    "content-type": isProblem ? "application/problem+json" : "application/json",
    "cache-control": "no-store",
  };
  if (replayed) headers["idempotent-replayed"] = "true";
  if (answer.status === 204) return new NextResponse(null, { status: 204, headers });
  return new NextResponse(JSON.stringify(answer.body), { status: answer.status, headers });
}
