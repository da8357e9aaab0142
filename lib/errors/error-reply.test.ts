import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { errorReply } from "@/lib/errors/error-reply";
import { captureLogs } from "@/lib/log";
import { parseInput } from "@/lib/validation/parse-input";

let capture: ReturnType<typeof captureLogs> | undefined;
afterEach(() => capture?.restore());

describe("errorReply", () => {
  it("keeps an AppError's code, words and details, nested, as an RFC 9457 problem", () => {
    const problem = errorReply(
      new AppError("STALE_VERSION", "The invoice was changed by someone else; reload it", {
        currentVersion: 7,
      }),
    );
    expect(problem).toEqual({
      type: "/api/docs#problem-stale-version",
      title: "Changed by someone else",
      status: 409,
      detail: "The invoice was changed by someone else; reload it",
      code: "STALE_VERSION",
      details: { currentVersion: 7 },
    });
    expect(problem).not.toHaveProperty("currentVersion");
  });

  it("names the bad field of invalid input as a JSON pointer", () => {
    const schema = z.object({ lines: z.array(z.object({ vatRate: z.literal(25) })) });
    let caught: unknown;
    try {
      parseInput(schema, { lines: [{ vatRate: 25 }, { vatRate: 7 }] });
    } catch (error) {
      caught = error;
    }
    const problem = errorReply(caught);
    expect(problem).toMatchObject({ status: 400, code: "BAD_INPUT", param: "/lines/1/vatRate" });
    expect(problem.detail).toContain("lines.1.vatRate");
  });

  it("answers a zod error that escaped a handler as BAD_INPUT, not a fault", () => {
    const result = z.enum(["a", "b"]).safeParse("c");
    expect(result.success).toBe(false);
    expect(errorReply(result.error)).toMatchObject({ status: 400, code: "BAD_INPUT" });
  });

  it("answers a busy or unreachable database UNAVAILABLE (503) with a retry hint", () => {
    capture = captureLogs({ level: "warn" });
    for (const error of [
      Object.assign(new Error("Transaction API error: unable to start"), { code: "P2028" }),
      Object.assign(new Error("pool timeout"), { code: "P2024" }),
      Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" }),
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      Object.assign(new Error("raw query failed"), {
        code: "P2010",
        meta: {
          driverAdapterError: { cause: { originalCode: "53300", kind: "TooManyConnections" } },
        },
      }),
    ]) {
      expect(errorReply(error), error.message).toMatchObject({
        status: 503,
        code: "UNAVAILABLE",
        details: { retryAfterSeconds: 2 },
      });
    }
    expect(capture.records.every((record) => record.level === "warn")).toBe(true);
  });

  it("logs anything unexpected with its context and answers a generic INTERNAL", () => {
    capture = captureLogs({ level: "debug", json: true });
    const problem = errorReply(
      new TypeError("x is undefined at /i/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde"),
      {
        route: "start payment",
      },
    );
    expect(problem).toEqual({
      type: "/api/docs#problem-internal",
      title: "Internal error",
      status: 500,
      detail: "Something went wrong on our side. Please try again.",
      code: "INTERNAL",
    });
    expect(capture.records).toHaveLength(1);
    expect(capture.records[0]).toMatchObject({
      level: "error",
      module: "errors",
      route: "start payment",
    });
    expect(capture.lines[0]).toContain("x is undefined");
    expect(capture.lines[0]).not.toContain("AbCdEfGhIjKlMnOpQrStUvWxYz");
  });
});
