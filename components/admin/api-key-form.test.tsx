import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { ApiKeyForm, ApiKeyFormView } from "@/components/admin/api-key-form";
import { OneTimeSecret } from "@/components/admin/one-time-secret";
import type { ClientProblem } from "@/components/ui/problem";
import { API_SCOPE_DESCRIPTIONS, API_SCOPES } from "@/lib/api/scopes";
import { attribute, escaped, inputTag } from "@/tests/helpers/markup";

// Rendered outside Next: the form's router is only used when it submits.
vi.mock("next/navigation", () => ({
  useRouter: () => ({ refresh() {}, push() {}, replace() {} }),
}));

const scopes = API_SCOPES.map((scope) => ({
  value: scope,
  description: API_SCOPE_DESCRIPTIONS[scope],
}));
const noop = () => {};
const view = (props: Partial<Parameters<typeof ApiKeyFormView>[0]> = {}) =>
  renderToStaticMarkup(
    createElement(ApiKeyFormView, {
      scopes,
      name: "",
      mode: "LIVE",
      chosen: [],
      busy: false,
      problem: null,
      onName: noop,
      onMode: noop,
      onToggle: noop,
      onSubmit: noop,
      locale: "en",
      ...props,
    }),
  );

const badInput = (issues: ClientProblem["issues"]): ClientProblem => ({
  code: "BAD_INPUT",
  message: "Invalid API key — …",
  status: 400,
  details: { issues },
  issues,
});

describe("the API key form", () => {
  it("offers every scope as a labelled checkbox described by what it allows", () => {
    const html = view({ chosen: ["invoices:read"] });
    for (const scope of API_SCOPES) {
      const box = inputTag(html, "scopes", scope);
      expect(attribute(box, "type"), scope).toBe("checkbox");
      expect(html).toContain(
        `<label for="${attribute(box, "id")}" class="font-mono">${scope}</label>`,
      );
      const description = attribute(box, "aria-describedby");
      expect(html).toContain(
        `<p id="${description}" class="text-slate-700">${escaped(API_SCOPE_DESCRIPTIONS[scope])}</p>`,
      );
    }
    expect(attribute(inputTag(html, "scopes", "invoices:read"), "checked")).toBe("");
    expect(attribute(inputTag(html, "scopes", "invoices:write"), "checked")).toBeUndefined();
  });

  it("asks for a name and live or test, saying what the mode does and does not do", () => {
    const html = view({ mode: "TEST" });
    expect(html).toMatch(/<label for="[^"]+" class="font-medium">Name<\/label>/);
    expect(attribute(inputTag(html, "mode", "TEST"), "checked")).toBe("");
    expect(attribute(inputTag(html, "mode", "LIVE"), "checked")).toBeUndefined();
    expect(html).toContain("<legend");
    expect(html).toContain("a test key reaches the same data as a live one");
  });

  it("shows the server's refusal beside the field it concerns", () => {
    const html = view({
      problem: badInput([
        { path: "name", message: "give the key a name" },
        { path: "scopes", message: "choose at least one scope" },
      ]),
    });
    expect(html).toContain("give the key a name");
    expect(html).toContain("choose at least one scope");
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain("The key was not created: see the fields above.");
  });

  it("starts as the empty form (the key exists only after it is created)", () => {
    const html = renderToStaticMarkup(createElement(ApiKeyForm, { scopes, locale: "en" }));
    expect(html).toContain('data-testid="api-key-form"');
    expect(html).not.toMatch(/nota_(live|test)_[A-Za-z0-9_-]{43}/);
    expect(html).not.toContain('data-testid="new-api-key"');
    expect(html).toContain("Create key");
  });
});

describe("a secret shown once", () => {
  it("shows the value with a copy button and says it will not be shown again", () => {
    const html = renderToStaticMarkup(
      createElement(OneTimeSecret, {
        testId: "new-api-key",
        heading: "Your new API key “ERP <prod>”",
        label: "API key",
        copyLabel: "Copy the API key",
        value: "nota_live_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG",
        note: "Give it to the system that calls the API.",
        onDone: noop,
        locale: "en",
      }),
    );
    expect(html).toContain('value="nota_live_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG"');
    expect(html).toContain("readOnly");
    expect(html).toMatch(/<label for="[^"]+"[^>]*>API key<\/label>/);
    expect(html).toContain('aria-label="Copy the API key"');
    expect(html).toContain("you will not see it again");
    expect(html).toContain("Your new API key “ERP &lt;prod&gt;”");
    expect(html).toContain("I have copied it");
  });
});
