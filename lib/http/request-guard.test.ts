import { createServer, request as httpRequest, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyLimitFor, guardRequestBody } from "@/lib/http/request-guard";

/**
 * A server whose "app" reads the whole body, the way Next does (for await over the request) or
 * the other ways a reader may ("data" events, a pipe), chosen by the path.
 */
let server: Server;
let port = 0;
const LIMIT = 64 * 1024;
let keptBytes = 0;
beforeAll(async () => {
  server = createServer(async (req, res) => {
    if (!guardRequestBody(req, res, LIMIT)) return;
    let size = 0;
    try {
      if (req.url === "/events") {
        await new Promise<void>((resolve, reject) => {
          req.on("data", (chunk: Buffer) => {
            size += chunk.length;
          });
          req.on("end", resolve);
          req.on("close", () => (req.complete ? resolve() : reject(new Error("cut off"))));
        });
      } else {
        for await (const chunk of req) size += (chunk as Buffer).length;
      }
    } catch {
      return;
    } finally {
      keptBytes = Math.max(keptBytes, size);
    }
    if (!res.writableEnded) res.end(JSON.stringify({ size }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

function post(
  body: Buffer,
  chunked: boolean,
  path = "/",
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path,
        headers: chunked ? {} : { "content-length": String(body.length) },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("guardRequestBody", () => {
  it("lets a body within the limit through, declared or chunked", async () => {
    const body = Buffer.alloc(LIMIT, 1);
    expect(await post(body, false)).toEqual({ status: 200, body: `{"size":${LIMIT}}` });
    expect(await post(body, true)).toEqual({ status: 200, body: `{"size":${LIMIT}}` });
  });

  it("answers 413 with the problem reply for a larger body, declared or chunked", async () => {
    for (const chunked of [false, true]) {
      const answer = await post(Buffer.alloc(LIMIT + 1, 1), chunked);
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toMatchObject({ status: 413, code: "PAYLOAD_TOO_LARGE" });
    }
  });

  it("counts a body however it is read, and hands on nothing past the limit", async () => {
    keptBytes = 0;
    for (const path of ["/events", "/"]) {
      const answer = await post(Buffer.alloc(LIMIT * 20, 1), true, path);
      expect(answer.status).toBe(413);
    }
    expect(keptBytes).toBeLessThanOrEqual(LIMIT);
  });
});

describe("bodyLimitFor", () => {
  const limits = {
    REQUEST_BODY_LIMIT: 1024 * 1024,
    API_BATCH_BODY_LIMIT: 16 * 1024 * 1024,
    BANK_FILE_MAX_BYTES: 128 * 1024 * 1024,
  };

  it("gives the bulk routes their own limits, with or without a trailing slash or a query", () => {
    expect(bodyLimitFor("/api/v1/invoices/batch", limits)).toBe(16 * 1024 * 1024);
    expect(bodyLimitFor("/api/v1/invoices/batch/?dry=1", limits)).toBe(16 * 1024 * 1024);
    expect(bodyLimitFor("/api/v1/bank-files", limits)).toBe(128 * 1024 * 1024);
    expect(bodyLimitFor("/api/finance/bank-files?x", limits)).toBe(128 * 1024 * 1024);
  });

  it("holds every other path to the usual limit, look-alikes included", () => {
    for (const path of [
      "/api/v1/invoices",
      "/api/v1/invoices/batch/extra",
      "/api/v1/invoices/batchx",
      "/API/V1/BANK-FILES",
      "/api/v1/bank-files/123",
      "/i/abc/payments",
      "/api/stripe/webhook",
      "/",
      "",
    ]) {
      expect(bodyLimitFor(path, limits), path).toBe(1024 * 1024);
    }
  });
});
