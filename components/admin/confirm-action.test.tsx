import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { ConfirmAction, ConfirmActionView } from "@/components/admin/confirm-action";

vi.mock("next/navigation", () => ({
  useRouter: () => ({ refresh() {}, push() {}, replace() {} }),
}));

const noop = () => {};
const view = (
  confirming: boolean,
  problem: Parameters<typeof ConfirmActionView>[0]["problem"] = null,
) =>
  renderToStaticMarkup(
    createElement(ConfirmActionView, {
      label: "Revoke",
      accessibleLabel: "Revoke ERP <prod>",
      question: "Revoke the key “ERP <prod>”? This cannot be undone.",
      confirmLabel: "Revoke key",
      confirming,
      busy: false,
      problem,
      onAsk: noop,
      onCancel: noop,
      onConfirm: noop,
    }),
  );

describe("a destructive action behind a confirmation", () => {
  it("first only asks: one button, named for the row it acts on", () => {
    const html = view(false);
    expect(html).toContain('aria-label="Revoke ERP &lt;prod&gt;"');
    expect(html).toContain(">Revoke</button>");
    expect(html).not.toContain("Revoke key");
    expect(html).not.toContain("cannot be undone");
    // As it first renders on the page.
    const live = renderToStaticMarkup(
      createElement(ConfirmAction, {
        label: "Revoke",
        question: "Revoke?",
        confirmLabel: "Revoke key",
        url: "/api/admin/api-keys/x",
        method: "DELETE",
      }),
    );
    expect(live).toContain(">Revoke</button>");
    expect(live).not.toContain("Revoke key");
  });

  it("then says what will happen, as text, with the act and a way out", () => {
    const html = view(true);
    expect(html).toMatch(
      /<fieldset [^>]*><legend [^>]*>Revoke the key “ERP &lt;prod&gt;”\? This cannot be undone\.<\/legend>/,
    );
    expect(html).toContain(">Revoke key</button>");
    expect(html).toContain(">Cancel</button>");
  });

  it("shows why it was not done", () => {
    const html = view(true, {
      code: "NOT_FOUND",
      message: "No such API key",
      status: 404,
      details: {},
      issues: [],
    });
    expect(html).toContain('<p role="alert" class="mt-1 text-red-800">No such API key</p>');
  });
});
