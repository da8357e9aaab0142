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
 * The rest of a refused upload is read and thrown away (nothing is kept), so the client, still
 * sending, gets to read the 413; a client that keeps sending past a few megabytes or seconds is
 * cut off.
 */
function discardThenClose(req: IncomingMessage) {
  let discarded = 0;
  const cutOff = setTimeout(() => req.destroy(), 5_000);
  cutOff.unref();
  req.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > 8 * 1024 * 1024) req.destroy();
  });
  req.on("close", () => clearTimeout(cutOff));
  req.resume();
}

/** Returns false when the request was answered here (413) and must not go on to Next. */
export function guardRequestBody(
  req: IncomingMessage,
  res: ServerResponse,
  limit: number,
): boolean {
  const declared = Number(req.headers["content-length"] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) {
    noteRefusal((req.url ?? "").split("?")[0] ?? "", limit);
    refuse(res, limit);
    discardThenClose(req);
    return false;
  }
  if (req.headers["transfer-encoding"] === undefined) return true;
  // Next reads a body with `for await (const chunk of req)`: the iteration is what is bounded.
  const iterate = req[Symbol.asyncIterator].bind(req);
  let seen = 0;
  req[Symbol.asyncIterator] = async function* limited() {
    for await (const chunk of iterate()) {
      seen += (chunk as Buffer).length;
      if (seen > limit) {
        noteRefusal((req.url ?? "").split("?")[0] ?? "", limit);
        refuse(res, limit);
        discardThenClose(req);
        return;
      }
      yield chunk;
    }
  } as (typeof req)[typeof Symbol.asyncIterator];
  return true;
}
