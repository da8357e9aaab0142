import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { ApiKeysTable } from "@/components/admin/api-keys-table";
import type { ApiKeyView } from "@/lib/api/api-keys";

// Rendered outside Next: the revoke button's router is only used when it acts.
vi.mock("next/navigation", () => ({
  useRouter: () => ({ refresh() {}, push() {}, replace() {} }),
}));

const key = (overrides: Partial<ApiKeyView>): ApiKeyView => ({
  id: "00000000-0000-4000-8000-000000000001",
  name: "ERP",
  mode: "LIVE",
  prefix: "nota_live_AbC123",
  scopes: ["invoices:write", "invoices:read"],
  createdAt: new Date("2026-11-02T09:30:00Z"),
  lastUsedAt: null,
  revokedAt: null,
  ...overrides,
});

const render = (keys: ApiKeyView[]) =>
  renderToStaticMarkup(createElement(ApiKeysTable, { keys, locale: "en" }));
const rows = (html: string) => html.split('data-testid="api-key-row"').slice(1);

describe("the admin's list of API keys", () => {
  it("says so when there is none", () => {
    expect(render([])).toContain("No API keys yet.");
  });

  it("shows each key by name, mode, prefix and scopes, in a captioned table", () => {
    const html = render([
      key({}),
      key({
        id: "00000000-0000-4000-8000-000000000002",
        name: "Test harness",
        mode: "TEST",
        prefix: "nota_test_XyZ789",
        scopes: ["usage:write"],
        lastUsedAt: new Date("2026-11-03T10:00:00Z"),
      }),
    ]);
    expect(html).toContain("<caption");
    const [live, test] = rows(html);
    expect(live).toContain("ERP");
    expect(live).toContain(">live<");
    expect(live).toContain("nota_live_AbC123");
    expect(live).toContain("invoices:write");
    expect(live).toContain("invoices:read");
    expect(live).toContain("2026-11-02 10:30:00"); // created, Swedish time
    expect(live).toContain(">never<"); // not used yet
    expect(test).toContain(">test<");
    expect(test).toContain("nota_test_XyZ789");
    expect(test).toContain("2026-11-03 11:00:00"); // last used
    expect(test).not.toContain(">never<");
  });

  it("offers to revoke only an active key, and says when a revoked one was revoked", () => {
    const [active, revoked] = rows(
      render([
        key({}),
        key({
          id: "00000000-0000-4000-8000-000000000003",
          name: "Old",
          revokedAt: new Date("2026-11-04T12:00:00Z"),
        }),
      ]),
    );
    expect(active).toContain(">Active<");
    expect(active).toContain('aria-label="Revoke ERP"');
    expect(revoked).toContain("Revoked 2026-11-04 13:00:00");
    expect(revoked).not.toContain("<button");
    expect(revoked).toContain('data-revoked="true"');
  });

  it("renders a key's name as text", () => {
    const html = render([key({ name: '<img src=x onerror="alert(1)">' })]);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });
});
