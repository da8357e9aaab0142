import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  choiceError,
  PaymentPlanOfferPanel,
  RespitePanel,
} from "@/components/invoice/collection-choices";
import { InvoiceDocument } from "@/components/invoice/invoice-document";
import { planCollection } from "@/lib/collections/engine";
import { partOcr } from "@/lib/collections/payment-plans";
import { parseCalendarDate as day } from "@/lib/dates/calendar-date";
import { invoiceMessages } from "@/lib/i18n/invoice-messages";
import { collectionChoices } from "@/lib/invoice-page/collection-choices";
import { invoice, policy, RATES } from "@/tests/helpers/collection-cases";
import { invoiceData } from "@/tests/helpers/invoice-page-fixture";

/** The customer's own choices as the server renders them, and the plan in force, without a browser. */
const plain = (html: string) => html.replace(/\u00a0/g, " ");
const submit = async () => null;

describe("the customer's choices on the invoice page", () => {
  it("offers a day between the day after the due date and the policy's last, free, reminders moved", () => {
    const choices = collectionChoices({
      collection: { respiteUntil: day("2026-12-24"), paymentPlanOffer: null },
      amountDueOre: 50_000,
      dueDate: day("2026-12-10"),
      today: day("2026-12-08"),
    });
    expect(choices).toEqual({
      respite: { from: "2026-12-11", until: "2026-12-24" },
      plan: null,
    });
    const html = plain(
      renderToStaticMarkup(
        createElement(RespitePanel, { locale: "sv", offer: choices.respite!, submit }),
      ),
    );
    expect(html).toContain("Behöver du mer tid?");
    expect(html).toContain(
      "Du kan själv flytta förfallodagen en gång, till senast 24 december 2026.",
    );
    expect(html).toMatch(/type="date"[^>]*min="2026-12-11"[^>]*max="2026-12-24"/);
    expect(html).toContain("Ingen avgift. Påminnelser flyttas.");
    const en = renderToStaticMarkup(
      createElement(RespitePanel, { locale: "en", offer: choices.respite!, submit }),
    );
    expect(en).toContain("Need more time?");
    expect(en).toContain("No fee. Reminders move with it.");
  });

  it("shows each part and its day for the plan offered, and the fee with its ordinance before accepting", () => {
    const choices = collectionChoices({
      collection: { respiteUntil: null, paymentPlanOffer: { maxParts: 3, feeOre: 5_000 } },
      amountDueOre: 50_000,
      dueDate: day("2026-12-10"),
      today: day("2026-12-14"),
    });
    expect(choices.plan!.options.map((o) => o.parts)).toEqual([2, 3]);
    expect(choices.plan!.options[0]!.items).toEqual([
      { position: 1, dueDate: "2026-12-28", amountOre: 27_500 },
      { position: 2, dueDate: "2027-01-28", amountOre: 27_500 },
    ]);
    const html = plain(
      renderToStaticMarkup(
        createElement(PaymentPlanOfferPanel, { locale: "sv", offer: choices.plan!, submit }),
      ),
    );
    expect(html).toContain("Dela upp betalningen");
    expect(html).toContain("Del 1: 275,00 kr senast 28 december 2026");
    expect(html).toContain("Del 2: 275,00 kr senast 28 januari 2027");
    expect(html).toContain(
      "I delarna ingår en avgift för avbetalningsplanen på 50,00 kr (förordning 1981:1057 3 §).",
    );
    expect(html).toContain("Välj planen");
    const free = plain(
      renderToStaticMarkup(
        createElement(PaymentPlanOfferPanel, {
          locale: "sv",
          offer: { ...choices.plan!, feeOre: 0 },
          submit,
        }),
      ),
    );
    expect(free).toContain("Planen kostar ingenting extra.");
  });

  it("offers nothing on a paid invoice or without a collection", () => {
    const collection = {
      respiteUntil: day("2026-12-24"),
      paymentPlanOffer: { maxParts: 3, feeOre: 0 },
    };
    expect(
      collectionChoices({
        collection,
        amountDueOre: 0,
        dueDate: day("2026-12-10"),
        today: day("2026-12-08"),
      }),
    ).toEqual({ respite: null, plan: null });
    expect(
      collectionChoices({
        collection: null,
        amountDueOre: 100,
        dueDate: day("2026-12-10"),
        today: day("2026-12-08"),
      }),
    ).toEqual({ respite: null, plan: null });
  });

  it("says a refusal in the customer's words, by its reason", () => {
    const problem = (code: string, details: Record<string, unknown> = {}) => ({
      code,
      message: "x",
      status: 409,
      details,
      issues: [],
    });
    expect(choiceError(problem("CONFLICT", { reason: "already_taken" }), "sv")).toBe(
      "Du har redan flyttat förfallodagen en gång.",
    );
    expect(choiceError(problem("STALE_VERSION"), "en")).toMatch(/^The invoice has changed/);
    expect(choiceError(problem("CONFLICT", { reason: "toString" }), "sv")).toBe(
      "Något gick fel. Försök igen.",
    );
  });
});

describe("a payment plan in force on the invoice page", () => {
  it("lists the parts with their OCR and whether each is paid, and how to pay by bankgiro", () => {
    const data = invoiceData();
    const html = plain(
      renderToStaticMarkup(
        createElement(InvoiceDocument, {
          data: {
            ...data,
            collection: {
              plan: planCollection({
                collectionCase: invoice({
                  pauses: [{ reason: "PAYMENT_PLAN", startedOn: day("2026-12-14"), endedOn: null }],
                }),
                policy: policy(),
                today: day("2026-12-20"),
                rates: RATES,
              }),
              policy: { id: "p", name: "Standard", agencyName: null, agencyContact: null },
              handedOverAt: null,
              respiteUntil: null,
              paymentPlanOffer: null,
              activePlan: {
                id: "plan",
                feeOre: 0,
                parts: [
                  {
                    position: 1,
                    dueDate: day("2026-12-28"),
                    amountOre: 25_000,
                    ocr: partOcr(10_042, 1),
                    paid: true,
                  },
                  {
                    position: 2,
                    dueDate: day("2027-01-28"),
                    amountOre: 25_000,
                    ocr: partOcr(10_042, 2),
                    paid: false,
                  },
                ],
              },
            },
          },
          locale: "sv",
          today: day("2026-12-20"),
          links: { pdf: null, switchLanguage: null, otherInvoice: () => null },
        }),
      ),
    );
    expect(html).toContain("Din avbetalningsplan");
    expect(html).toContain("Betala varje del till bankgiro 5050-1055 med delens eget OCR-nummer.");
    expect(html).toContain(partOcr(10_042, 2));
    expect(html).toMatch(/data-paid="true"[\s\S]*Betald[\s\S]*data-paid="false"[\s\S]*Obetald/);
    // What happens next: the next part, and reminders paused for the plan.
    expect(html).toContain(
      `Betala del 2 av 2, 250,00 kr, senast 28 januari 2027 med OCR-nummer ${partOcr(10_042, 2)}.`,
    );
    expect(html).toContain("Påminnelser är pausade medan din avbetalningsplan gäller.");
    expect(invoiceMessages.sv.choices.partPaid).toBe("Betald");
  });
});
