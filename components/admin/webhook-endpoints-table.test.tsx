import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { WebhookEndpointsTable } from "@/components/admin/webhook-endpoints-table";
import type { EndpointView } from "@/lib/webhooks/endpoints";

// Rendered outside Next: the buttons' router is only used when they act.
vi.mock("next/navigation", () => ({
  useRouter: () => ({ refresh() {}, push() {}, replace() {} }),
}));

const ENDPOINT_ID = "00000000-0000-4000-8000-0000000000e1";
const endpoint = (overrides: Partial<EndpointView>): EndpointView => ({
  id: ENDPOINT_ID,
  url: "https://erp.example.se/hooks/nota",
  description: null,
  events: ["invoice.issued", "invoice.paid"],
  createdAt: new Date("2026-11-02T09:30:00Z"),
  disabledAt: null,
  disabledReason: null,
  ...overrides,
});

const endpoints = (rows: EndpointView[]) =>
  renderToStaticMarkup(createElement(WebhookEndpointsTable, { endpoints: rows, locale: "en" }));
const rowsOf = (html: string, testId: string) => html.split(`data-testid="${testId}"`).slice(1);

describe("the admin's list of webhook endpoints", () => {
  it("says so when there is none", () => {
    expect(endpoints([])).toContain("No webhook endpoints yet.");
  });

  it("shows an enabled endpoint with its events, its log, a test event and delete (never its secret)", () => {
    const html = endpoints([endpoint({ description: "ERP (staging)" })]);
    expect(html).toContain("<caption");
    const [row] = rowsOf(html, "webhook-endpoint-row");
    expect(row).toContain("https://erp.example.se/hooks/nota");
    expect(row).toContain("ERP (staging)");
    expect(row).toContain("<li>invoice.issued</li><li>invoice.paid</li>");
    expect(row).toContain(">Enabled<");
    expect(row).toContain(`href="/admin/webhooks/${ENDPOINT_ID}"`);
    expect(row).toContain(">Send test event<");
    expect(row).not.toContain(">Enable<");
    expect(row).toContain('aria-label="Delete https://erp.example.se/hooks/nota"');
    expect(html).not.toContain("whsec_");
  });

  it("says since when and why an endpoint is disabled, and offers to enable it instead of a test", () => {
    const [row] = rowsOf(
      endpoints([
        endpoint({
          disabledAt: new Date("2026-11-03T08:00:00Z"),
          disabledReason: "The endpoint answered 410 Gone",
        }),
      ]),
      "webhook-endpoint-row",
    );
    expect(row).toContain('data-enabled="false"');
    expect(row).toContain(">Disabled<");
    expect(row).toContain("2026-11-03 09:00:00");
    expect(row).toContain("The endpoint answered 410 Gone");
    expect(row).toContain(">Enable<");
    expect(row).not.toContain(">Send test event<");
  });

  it("renders what admins typed as text", () => {
    const html = endpoints([
      endpoint({ url: "https://x.example/<script>", description: "<b>bold</b>" }),
    ]);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;b&gt;bold&lt;/b&gt;");
  });
});
