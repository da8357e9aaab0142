import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { WebhookDeliveriesTable } from "@/components/admin/webhook-deliveries-table";
import type { DeliveryLogRow } from "@/lib/webhooks/endpoints";

// Rendered outside Next: the resend button's router is only used when it acts.
vi.mock("next/navigation", () => ({
  useRouter: () => ({ refresh() {}, push() {}, replace() {} }),
}));

const ENDPOINT_ID = "00000000-0000-4000-8000-0000000000e1";
const delivery = (overrides: Partial<DeliveryLogRow>): DeliveryLogRow => ({
  id: "00000000-0000-4000-8000-0000000000d1",
  organizationId: "00000000-0000-4000-8000-0000000000a1",
  eventId: "msg_abc",
  endpointId: ENDPOINT_ID,
  eventType: "invoice.paid",
  status: "SUCCEEDED",
  attempts: 1,
  nextAttemptAt: null,
  lastAttemptAt: new Date("2026-11-02T09:31:00Z"),
  lastStatusCode: 200,
  lastError: null,
  createdAt: new Date("2026-11-02T09:30:59Z"),
  ...overrides,
});

const deliveries = (rows: DeliveryLogRow[]) =>
  renderToStaticMarkup(
    createElement(WebhookDeliveriesTable, { deliveries: rows, limit: 50, locale: "en" }),
  );
const rowsOf = (html: string, testId: string) => html.split(`data-testid="${testId}"`).slice(1);

describe("an endpoint's delivery log", () => {
  it("says so when nothing was sent", () => {
    expect(deliveries([])).toContain("Nothing has been sent to this endpoint yet.");
  });

  it("shows each delivery's event, status, attempts, last answer, next try and time", () => {
    const html = deliveries([
      delivery({
        id: "00000000-0000-4000-8000-0000000000d2",
        eventId: "msg_retry",
        eventType: "invoice.issued",
        status: "PENDING",
        attempts: 2,
        lastStatusCode: 503,
        lastError: "HTTP 503: busy",
        nextAttemptAt: new Date("2026-11-02T10:00:00Z"),
      }),
      delivery({}),
      delivery({
        id: "00000000-0000-4000-8000-0000000000d3",
        status: "FAILED",
        attempts: 10,
        lastStatusCode: null,
        lastError: "connect ECONNREFUSED",
      }),
    ]);
    expect(html).toContain("<caption");
    const [pending, delivered, failed] = rowsOf(html, "webhook-delivery-row");
    expect(pending).toContain("invoice.issued");
    expect(pending).toContain("msg_retry");
    expect(pending).toContain(">Pending<");
    expect(pending).toContain(">2<");
    expect(pending).toContain(">503<");
    expect(pending).toContain("HTTP 503: busy");
    expect(pending).toContain("2026-11-02 11:00:00"); // next attempt, Swedish time
    expect(delivered).toContain(">Delivered<");
    expect(delivered).toContain(">200<");
    expect(delivered).toContain("2026-11-02 10:30:59");
    expect(failed).toContain(">Failed<");
    expect(failed).toContain("connect ECONNREFUSED");
    // A pending delivery is still being tried: it cannot be resent meanwhile.
    expect(pending).not.toContain(">Resend<");
    expect(delivered).toContain(">Resend<");
    expect(failed).toContain(">Resend<");
  });

  it("renders a receiver's error text as text", () => {
    const html = deliveries([delivery({ status: "FAILED", lastError: "HTTP 500: <h1>Oops</h1>" })]);
    expect(html).not.toContain("<h1>");
    expect(html).toContain("HTTP 500: &lt;h1&gt;Oops&lt;/h1&gt;");
  });
});
