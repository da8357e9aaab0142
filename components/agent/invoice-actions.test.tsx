import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { InvoiceActions } from "@/components/agent/invoice-actions";

// Rendered outside Next: the forms' router is only used when they submit.
vi.mock("next/navigation", () => ({
  useRouter: () => ({ refresh() {}, push() {}, replace() {} }),
}));

type Props = Parameters<typeof InvoiceActions>[0];
const base: Props = {
  invoiceId: "00000000-0000-4000-8000-000000000001",
  version: 1,
  status: "OPEN",
  kind: "INVOICE",
  dueDate: "2026-12-31",
  lines: [],
  fees: [],
  creditableOre: 0,
  customerHasEmail: true,
  locale: "en",
};
const render = (props: Partial<Props>) =>
  renderToStaticMarkup(createElement(InvoiceActions, { ...base, ...props }));
const tabs = (html: string) =>
  [...html.matchAll(/role="tab"[^>]*>([^<]+)</g)].map((match) => match[1]);

describe("the agent's invoice actions", () => {
  it("offers the link tab on issued invoices, whatever else is left to change", () => {
    expect(tabs(render({ status: "OPEN", creditableOre: 100 }))).toContain("Link");
    expect(tabs(render({ status: "PAID" }))).toEqual(["Link"]);
    expect(tabs(render({ status: "CREDITED" }))).toEqual(["Link"]);
  });

  it("has no link tab on a draft: a draft has no links, so revoke and renew could only fail", () => {
    for (const creditableOre of [0, 12_500]) {
      const html = render({ status: "DRAFT", creditableOre });
      expect(tabs(html)).not.toContain("Link");
      expect(html).not.toContain('data-testid="link-form"');
      expect(html).not.toContain("Revoke all links");
    }
  });
});
