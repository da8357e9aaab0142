import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "@/lib/errors/app-error";
import { errorReply } from "@/lib/errors/error-reply";
import { createLogger } from "@/lib/log";

/**
 * The process's first line against oversized requests, before Next sees them: no route of ours
 * takes more than REQUEST_BODY_LIMIT bytes (each reads less, with its own limit; see
 * readBodyText), so a larger declared body is answered 413 at once and its connection closed, and
 * a chunked body is cut off where it passes the limit — never read whole into memory, whoever
 * reads it (next-auth, Next itself).
 */
const log = createLogger("http");

export const DEFAULT_REQUEST_BODY_LIMIT = 1024 * 1024;

/** Routes that take invoice runs or bank files: they read more than any form or JSON call does. */
const BULK_PATHS: Record<string, "API_BATCH_BODY_LIMIT" | "BANK_FILE_MAX_BYTES"> = {
  "/api/v1/invoices/batch": "API_BATCH_BODY_LIMIT",
  "/api/v1/bank-files": "BANK_FILE_MAX_BYTES",
  "/api/finance/bank-files": "BANK_FILE_MAX_BYTES",
};

/** The most a request to this path may send: its bulk limit for bulk routes, else the usual one. */
export function bodyLimitFor(
  path: string,
  limits: {
    REQUEST_BODY_LIMIT: number;
    API_BATCH_BODY_LIMIT: number;
    BANK_FILE_MAX_BYTES: number;
  },
): number {
  const bare = path.split("?")[0]!.replace(/\/+$/, "");
  const bulk = BULK_PATHS[bare];
  return bulk ? limits[bulk] : limits.REQUEST_BODY_LIMIT;
}

function tooLarge(limit: number) {
  return new AppError("PAYLOAD_TOO_LARGE", `The request body may be at most ${limit} bytes`, {
    maxBytes: limit,
  });
}

// Said at most every 10 s, with how many since: a flood of oversized bodies must not flood the log.
let refusedSinceLog = 0;
let lastLogAt = 0;
function noteRefusal(path: string, limit: number, now = Date.now()) {
  refusedSinceLog += 1;
  if (now - lastLogAt < 10_000) return;
  log.warn("request bodies passed the limit and were cut off", {
    path,
    limit,
    refused: refusedSinceLog,
  });
  refusedSinceLog = 0;
  lastLogAt = now;
}

/** Answers a too-large request with the one error reply and closes its connection. */
function refuse(res: ServerResponse, limit: number) {
  const problem = errorReply(tooLarge(limit));
  if (!res.headersSent) {
    res.writeHead(problem.status, { "content-type": "application/problem+json" });
  }
  if (!res.writableEnded) res.end(JSON.stringify(problem));
}

/**
 * After the 413 is on its way, the connection is closed without reading the rest of the upload:
 * the client (still sending, held back by TCP) reads the answer, and the socket goes a moment
 * after the answer is flushed — or after 2 s whatever happens.
 */
function closeSoon(req: IncomingMessage, res: ServerResponse) {
  const close = () => req.socket?.destroy();
  const fallback = setTimeout(close, 2_000);
  fallback.unref();
  const afterFlush = () => {
    clearTimeout(fallback);
    setTimeout(close, 100).unref();
  };
  if (res.writableFinished) afterFlush();
  else res.once("finish", afterFlush);
}

/**
 * Returns false when the request was answered here (413) and must not go on to Next. A larger
 * declared body is refused at once; any other body is counted where the HTTP parser hands it to
 * the request (its push), so the limit holds whoever reads it and however — an async iterator, a
 * pipe, "data" events, or nobody until Next drains it — and bytes past it are never kept.
 */
export function guardRequestBody(
  req: IncomingMessage,
  res: ServerResponse,
  limit: number,
): boolean {
  const path = (req.url ?? "").split("?")[0] ?? "";
  const declared = Number(req.headers["content-length"] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) {
    noteRefusal(path, limit);
    req.pause();
    refuse(res, limit);
    closeSoon(req, res);
    return false;
  }
  const push = req.push.bind(req);
  let seen = 0;
  let cut = false;
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (cut) return false;
    if (chunk !== null && chunk !== undefined) {
      seen += (chunk as Buffer).length;
      if (seen > limit) {
        cut = true;
        noteRefusal(path, limit);
        refuse(res, limit);
        // Nothing more is handed on (never an end either): whoever was reading sees the
        // connection close, never a body that looks whole.
        closeSoon(req, res);
        return false;
      }
    }
    return push(chunk, encoding);
  };
  return true;
}
