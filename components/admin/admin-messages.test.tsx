import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { ApiKeysTable } from "@/components/admin/api-keys-table";
import { ConfirmActionView } from "@/components/admin/confirm-action";
import { WebhookEndpointsTable } from "@/components/admin/webhook-endpoints-table";
import { adminMessages } from "@/lib/i18n/staff/admin";
import { keyShape } from "@/lib/i18n/staff/key-shape";

vi.mock("next/navigation", () => ({
  useRouter: () => ({ refresh() {}, push() {}, replace() {} }),
}));

describe("the admin console's message file", () => {
  it("gives English every key Swedish has, and no other", () => {
    expect(keyShape(adminMessages.en)).toEqual(keyShape(adminMessages.sv));
  });

  it("shows a Swedish admin Swedish words", () => {
    expect(renderToStaticMarkup(createElement(ApiKeysTable, { keys: [], locale: "sv" }))).toContain(
      "Inga API-nycklar än.",
    );
    expect(
      renderToStaticMarkup(createElement(WebhookEndpointsTable, { endpoints: [], locale: "sv" })),
    ).toContain("Inga webhook-mottagare än.");
    const noop = () => {};
    const confirm = renderToStaticMarkup(
      createElement(ConfirmActionView, {
        label: "Återkalla",
        question: "Återkalla nyckeln?",
        confirmLabel: "Återkalla nyckeln",
        confirming: true,
        busy: false,
        problem: null,
        onAsk: noop,
        onCancel: noop,
        onConfirm: noop,
        locale: "sv",
      }),
    );
    expect(confirm).toContain(">Avbryt</button>");
  });
});
