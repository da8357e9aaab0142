import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { CustomerContextPanel, feeAgreementText } from "@/components/agent/customer-context-panel";
import type { CustomerContext } from "@/lib/support/customer-context";

// Rendered outside Next: the form's router is only used when it submits.
vi.mock("next/navigation", () => ({
  useRouter: () => ({ refresh() {}, push() {}, replace() {} }),
}));

const context = (feeAgreement: CustomerContext["customer"]["feeAgreement"]): CustomerContext => ({
  customer: {
    id: "00000000-0000-4000-8000-000000000042",
    name: "Åsa Öberg",
    customerNumber: "K-1001",
    email: "asa@example.se",
    phone: null,
    segment: null,
    isBusiness: false,
    locale: "sv",
    customerSince: new Date("2021-03-01T00:00:00Z"),
    tenureMonths: 60,
    feeAgreement,
  },
  contracts: [],
  invoices: [],
  payments: [],
  offers: { blocksShown: 0, acceptances: [] },
  conversations: [],
});

const render = (feeAgreement: CustomerContext["customer"]["feeAgreement"]) =>
  renderToStaticMarkup(
    createElement(CustomerContextPanel, {
      context: context(feeAgreement),
      today: "2026-03-15",
      locale: "en",
    }),
  );

const status = (html: string) =>
  /data-testid="fee-agreement-status">([^<]*)</.exec(html)?.[1]?.replace(/&quot;/g, '"');

describe("the customer context panel's reminder-fee agreement", () => {
  it("says when and where the customer agreed to a reminder fee", () => {
    const html = render({ agreedOn: "2025-03-01", source: "Avtal v3" });
    expect(status(html)).toBe("Påminnelseavgift avtalad 2025-03-01 (Avtal v3)");
    // The form to change it starts from what is recorded, and can remove it.
    expect(html).toContain('data-testid="fee-agreement-form"');
    expect(html).toContain('value="2025-03-01"');
    expect(html).toContain('value="Avtal v3"');
    expect(html).toContain('max="2026-03-15"');
    expect(html).toContain("Change the agreement");
    expect(html).toContain("Remove agreement");
  });

  it("says there is none, and offers to record one (nothing to remove)", () => {
    const html = render(null);
    expect(status(html)).toBe("Ingen avtalad påminnelseavgift");
    expect(html).toContain("Record an agreement");
    expect(html).not.toContain("Remove agreement");
  });

  it("puts any agreement in the same words", () => {
    expect(feeAgreementText(null, "en")).toBe("Ingen avtalad påminnelseavgift");
    expect(
      feeAgreementText({ agreedOn: "2024-11-20", source: "Allmänna villkor 2024" }, "en"),
    ).toBe("Påminnelseavgift avtalad 2024-11-20 (Allmänna villkor 2024)");
  });
});
