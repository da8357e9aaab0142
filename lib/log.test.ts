import { afterEach, describe, expect, it } from "vitest";
import { captureLogs, createLogger, redactText } from "@/lib/log";

let capture: ReturnType<typeof captureLogs> | undefined;
afterEach(() => capture?.restore());

const TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";

describe("the logger", () => {
  it("writes one JSON line per event in production, naming its module", () => {
    capture = captureLogs({ json: true, level: "info" });
    createLogger("payments").info("payment started", { attemptId: "a-1", amountOre: 12_500 });
    expect(capture.lines).toHaveLength(1);
    const record = JSON.parse(capture.lines[0]!);
    expect(record).toMatchObject({
      level: "info",
      module: "payments",
      msg: "payment started",
      attemptId: "a-1",
      amountOre: 12_500,
    });
    expect(Date.parse(record.time)).not.toBeNaN();
  });

  it("writes readable lines in development", () => {
    capture = captureLogs({ json: false, level: "info" });
    createLogger("jobs").warn("job failed", { job: "mark-overdue", attempt: 2 });
    expect(capture.lines[0]).toMatch(/WARN {2}\[jobs\] job failed job=mark-overdue attempt=2$/);
  });

  it("leaves out what is below LOG_LEVEL", () => {
    capture = captureLogs({ level: "warn" });
    const log = createLogger("x");
    log.debug("d");
    log.info("i");
    log.warn("w");
    log.error("e");
    expect(capture.records.map((r) => r.level)).toEqual(["warn", "error"]);
  });

  it("never writes tokens, API keys, passwords or message bodies", () => {
    capture = captureLogs({ json: true });
    const error = new Error(`lookup of /i/${TOKEN}/pdf failed for key nota_live_9f8e7d6c5b4a`);
    createLogger("http").error("request failed", {
      path: `/i/${TOKEN}`,
      password: "hunter2",
      invoiceToken: TOKEN,
      authorization: "Bearer nota_test_abc123",
      mail: { to: "anna@example.se", subject: "Hej", text: "Your reply: my card number is 4111…" },
      message: { body: "private question" },
      url: "postgresql://nota:s3cret@db:5432/nota",
      error,
    });
    const line = capture.lines[0]!;
    for (const secret of [
      TOKEN,
      "hunter2",
      "abc123",
      "9f8e7d6c5b4a",
      "card number",
      "private question",
      "s3cret",
    ]) {
      expect(line).not.toContain(secret);
    }
    const record = JSON.parse(line);
    expect(record.path).toBe("/i/[token]");
    expect(record.password).toBe("[redacted]");
    expect(record.mail.subject).toBe("Hej");
    expect(record.error.message).toContain("/i/[token]/pdf");
    expect(record.error.message).toContain("nota_live_[redacted]");
    expect(record.url).toBe("postgresql://nota:[redacted]@db:5432/nota");
  });

  it("survives circular and deep values", () => {
    capture = captureLogs({ json: true });
    const a: Record<string, unknown> = { name: "a" };
    a.self = a;
    createLogger("x").info("odd", { a, big: 10n });
    expect(JSON.parse(capture.lines[0]!).a.self).toBe("[circular]");
  });
});

describe("redactText", () => {
  it("keeps ordinary text as it is", () => {
    expect(redactText("invoice 1042 paid by card")).toBe("invoice 1042 paid by card");
    expect(redactText("id 0b6f1f8e-2c1e-4c1a-9d7e-2f3b4c5d6e7f")).toContain("0b6f1f8e");
  });
});
