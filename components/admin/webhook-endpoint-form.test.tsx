import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import {
  WebhookEndpointForm,
  WebhookEndpointFormView,
} from "@/components/admin/webhook-endpoint-form";
import type { ClientProblem } from "@/components/ui/problem";
import { WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";
import { attribute, escaped, inputTag } from "@/tests/helpers/markup";

// Rendered outside Next: the form's router is only used when it submits.
vi.mock("next/navigation", () => ({
  useRouter: () => ({ refresh() {}, push() {}, replace() {} }),
}));

const events = WEBHOOK_EVENT_TYPES.map((type) => ({
  value: type,
  description: WEBHOOK_EVENT_DESCRIPTIONS[type],
}));
const noop = () => {};
const view = (props: Partial<Parameters<typeof WebhookEndpointFormView>[0]> = {}) =>
  renderToStaticMarkup(
    createElement(WebhookEndpointFormView, {
      events,
      allowPrivateNetworks: false,
      url: "",
      chosen: [],
      description: "",
      busy: false,
      problem: null,
      onUrl: noop,
      onDescription: noop,
      onToggle: noop,
      onSubmit: noop,
      locale: "en",
      ...props,
    }),
  );

describe("the webhook endpoint form", () => {
  it("offers every event type as a labelled checkbox described by what it reports", () => {
    const html = view({ chosen: ["invoice.paid"] });
    for (const type of WEBHOOK_EVENT_TYPES) {
      const box = inputTag(html, "events", type);
      expect(attribute(box, "type"), type).toBe("checkbox");
      expect(html).toContain(
        `<label for="${attribute(box, "id")}" class="font-mono">${type}</label>`,
      );
      expect(html).toContain(
        `<p id="${attribute(box, "aria-describedby")}" class="text-slate-700">${escaped(WEBHOOK_EVENT_DESCRIPTIONS[type])}</p>`,
      );
    }
    expect(attribute(inputTag(html, "events", "invoice.paid"), "checked")).toBe("");
    expect(attribute(inputTag(html, "events", "invoice.issued"), "checked")).toBeUndefined();
  });

  it("says which addresses this server sends to", () => {
    expect(view()).toContain("An https:// address on the public internet");
    expect(view({ allowPrivateNetworks: true })).toContain("WEBHOOK_ALLOW_PRIVATE_NETWORKS is on");
  });

  it("shows a refused URL beside the URL field", () => {
    const refused: ClientProblem = {
      code: "BAD_INPUT",
      message: "url: 127.0.0.1 is a private or special address",
      status: 400,
      param: "/url",
      details: {},
      issues: [],
    };
    const html = view({ url: "https://127.0.0.1/hook", problem: refused });
    expect(html).toContain("url: 127.0.0.1 is a private or special address");
    expect(attribute(inputTag(html, "url", "https://127.0.0.1/hook"), "aria-invalid")).toBe("true");
    expect(html).toContain("The endpoint was not added: see the fields above.");
  });

  it("says what went wrong when it concerns no field", () => {
    const html = view({
      problem: {
        code: "CONFLICT",
        message: "An organisation may have at most 20 webhook endpoints",
        status: 409,
        details: {},
        issues: [],
      },
    });
    expect(html).toContain("An organisation may have at most 20 webhook endpoints");
    expect(html).not.toContain('aria-invalid="true"');
  });

  it("starts as the empty form, with no secret", () => {
    const html = renderToStaticMarkup(
      createElement(WebhookEndpointForm, { events, allowPrivateNetworks: false, locale: "en" }),
    );
    expect(html).toContain('data-testid="webhook-endpoint-form"');
    expect(html).not.toContain("whsec_");
    expect(html).not.toContain('data-testid="new-webhook-secret"');
  });
});
