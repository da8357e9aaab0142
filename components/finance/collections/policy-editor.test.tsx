import { createElement, isValidElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  newPolicyDraft,
  newStepDraft,
  newVariantDraft,
  type StepDraft,
} from "@/components/finance/collections/policy-draft";
import {
  ExperimentFields,
  PolicyEditor,
  PolicyFormView,
  PreviewResultView,
  requestPreview,
} from "@/components/finance/collections/policy-editor";
import type { StepPreview } from "@/lib/collections/policy-preview";
import { TARGETING_FACTS } from "@/lib/content/targeting/catalogue";

// Rendered outside Next: the editor's router is only used after a save.
vi.mock("next/navigation", () => ({
  useRouter: () => ({ refresh() {}, push() {}, replace() {} }),
}));

afterEach(() => vi.unstubAllGlobals());

const STEP_ID = "00000000-0000-4000-8000-0000000000a1";
/** Whether the button with this accessible name is disabled in the markup. */
const disabled = (html: string, label: string) =>
  / disabled=""/.test(new RegExp(`<button[^>]*aria-label="${label}"[^>]*>`).exec(html)?.[0] ?? "");
const noop = () => {};
const form = (props: Partial<Parameters<typeof PolicyFormView>[0]> = {}) =>
  renderToStaticMarkup(
    createElement(PolicyFormView, {
      draft: {
        ...newPolicyDraft(),
        targeting: { all: [{ fact: "segment", op: "eq", value: "" }] },
      },
      isNew: true,
      isDefault: false,
      stepActionCounts: {},
      suggestions: {},
      issues: [],
      problemMessage: null,
      busy: false,
      notice: null,
      onChange: noop,
      onSave: noop,
      ...props,
    }),
  );

describe("the collection policy editor", () => {
  it("asks who it applies to with the collection facts only", () => {
    const html = form();
    expect(html).toContain("Who it applies to");
    const factSelect = /<select aria-label="Fact"[^>]*>(.*?)<\/select>/.exec(html)?.[1] ?? "";
    const options = [...factSelect.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);
    expect(options).toEqual([
      "segment",
      "tenureMonths",
      "overdueInvoices12m",
      "amountDueKronor",
      "isBusiness",
    ]);
    expect(factSelect).toContain(TARGETING_FACTS.isBusiness.label.en);
    expect(html).not.toContain('value="planCode"');
  });

  it("shows the default policy's rule as everyone else, with no rule editor", () => {
    const html = form({ isDefault: true, isNew: false });
    expect(html).toContain("it takes every unpaid invoice that no policy above it takes");
    expect(html).not.toContain('data-testid="targeting-editor"');
  });

  it("lists each step with its fields, the default texts as placeholders, in Swedish words", () => {
    const draft = {
      ...newPolicyDraft(),
      steps: [
        newStepDraft({ kind: "COURTESY", offsetDays: "-3", chargeFee: false, tone: "FRIENDLY" }),
        newStepDraft({ kind: "REMINDER", offsetDays: "7" }),
      ],
    };
    const html = form({ draft });
    expect(html).toContain("Step 1: Vänlig påminnelse 3 dagar före");
    expect(html).toContain("Step 2: Påminnelse +7 d (avgift)");
    expect(html).toContain('placeholder="Påminnelse: faktura {{invoiceNumber}}"');
    expect(html).toContain('placeholder="Reminder: invoice {{invoiceNumber}}"');
    expect(html).toContain("{{customerName}}, {{organizationName}}");
    expect(disabled(html, "Move step 1 up")).toBe(true);
    expect(disabled(html, "Move step 1 down")).toBe(false);
    expect(html).toContain("Charge the reminder fee (where agreed)");
  });

  it("keeps a step that was sent from being removed, and says why", () => {
    const draft = {
      ...newPolicyDraft(),
      steps: [newStepDraft({ id: STEP_ID }), newStepDraft()],
    };
    const html = form({ draft, isNew: false, stepActionCounts: { [STEP_ID]: 12 } });
    expect(disabled(html, "Remove step 1")).toBe(true);
    expect(html).toContain("Sent to 12 invoices: it can be changed, not removed.");
    expect(disabled(html, "Remove step 2")).toBe(false);
  });

  it("shows the server's issues beside their fields, and a conflict as a whole", () => {
    const html = form({
      issues: [
        { path: "name", message: "a policy needs a name" },
        { path: "steps.0.templates.sv.subject", message: "unknown placeholder {{namn}}" },
        { path: "agencyName", message: "a policy that hands over names the collection agency" },
      ],
      problemMessage: "Step 2 (Reminder) was sent to 3 invoices; it can be changed, not removed",
    });
    expect(html).toContain('<span class="text-xs text-red-700">a policy needs a name</span>');
    expect(html).toContain("unknown placeholder {{namn}}");
    expect(html).toContain('data-testid="form-issues"');
    expect(html).toContain("Not saved: Step 2 (Reminder) was sent to 3 invoices");
  });

  it("renders whole, new or stored, with its preview panel", () => {
    const html = renderToStaticMarkup(
      createElement(PolicyEditor, { suggestions: {}, locale: "en" }),
    );
    expect(html).toContain("Create policy");
    expect(html).toContain('data-testid="policy-preview"');
    expect(html).toContain("Invoice number");
  });
});

const preview = (overrides: Partial<StepPreview> = {}): StepPreview => ({
  invoice: {
    id: "00000000-0000-4000-8000-0000000000c1",
    number: 1042,
    customerName: "<script>alert(1)</script> Greta",
    locale: "sv",
    dueDate: "2026-12-10",
    amountDueOre: 50_000,
  },
  step: { index: 1, kind: "REMINDER", channel: "EMAIL" },
  variant: null,
  status: "planned",
  date: "2026-12-17",
  note: null,
  amountDueOre: 50_000,
  feeOre: 6_000,
  feeKind: "reminder-fee",
  feeReason: "Påminnelseavgift enligt avtal, högst 60 kr.",
  interestOre: 0,
  interestReason: "Policyn tar ingen dröjsmålsränta.",
  interestRateBasisPoints: null,
  payBy: "2026-12-28",
  message: {
    subject: "Påminnelse: faktura 1042",
    body: "Hej <b>Greta</b>,\n\nBetala här:\nhttps://nota.test/i/<länk skapas vid utskick>",
    sms: "Betala 560 kr",
  },
  currentPolicy: { id: "00000000-0000-4000-8000-0000000000d1", name: "Standard" },
  ...overrides,
});

describe("the policy editor's preview", () => {
  it("shows the message as text, with the charges and their reasons", () => {
    const html = renderToStaticMarkup(
      createElement(PreviewResultView, { preview: preview(), problem: null }),
    );
    expect(html).toContain("Planned for 2026-12-17");
    expect(html).toContain("60,00\u00A0kr");
    expect(html).toContain("Påminnelseavgift enligt avtal, högst 60 kr.");
    expect(html).toContain("Policyn tar ingen dröjsmålsränta.");
    expect(html).toContain("Påminnelse: faktura 1042");
    // Customer and template text are text, never markup.
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Greta");
    expect(html).toContain("Hej &lt;b&gt;Greta&lt;/b&gt;");
    expect(html).toContain("/i/&lt;länk skapas vid utskick&gt;");
    expect(html).not.toContain("<script>");
  });

  it("shows an SMS step's text and a paused step's reason", () => {
    const html = renderToStaticMarkup(
      createElement(PreviewResultView, {
        preview: preview({
          step: { index: 2, kind: "FINAL_REMINDER", channel: "SMS" },
          status: "paused",
          date: null,
          note: "Pausad: en avbetalningsplan gäller. Sedan 2026-12-12.",
        }),
        problem: null,
      }),
    );
    expect(html).toContain("Held by a pause");
    expect(html).toContain("Pausad: en avbetalningsplan gäller.");
    expect(html).toContain("Betala 560 kr");
    expect(html).not.toContain("Påminnelse: faktura 1042");
  });

  it("shows the server's problem, naming the field", () => {
    const html = renderToStaticMarkup(
      createElement(PreviewResultView, {
        preview: null,
        problem: {
          code: "BAD_INPUT",
          message: "Invalid preview",
          status: 400,
          details: {},
          issues: [
            {
              path: "invoiceNumber",
              message: "invoice 7 is paid; the preview needs an unpaid invoice",
            },
          ],
        },
      }),
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain("invoiceNumber: invoice 7 is paid; the preview needs an unpaid invoice");
  });

  it("posts the edited policy, the step and the invoice number", async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => Response.json(preview()));
    vi.stubGlobal("fetch", fetch);
    const result = await requestPreview({
      policy: { name: "X" },
      stepIndex: 1,
      invoiceNumber: 1042,
    });
    expect(result).toMatchObject({ ok: true, body: { status: "planned" } });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe("/api/finance/collections/preview");
    expect(init.method).toBe("POST");
    expect(JSON.parse(String(init.body))).toEqual({
      policy: { name: "X" },
      stepIndex: 1,
      invoiceNumber: 1042,
    });
  });
});

/** The element in a rendered tree (not descending into components) with this aria-label. */
function findByLabel(node: ReactNode, label: string): { props: Record<string, unknown> } | null {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = findByLabel(child, label);
      if (found) return found;
    }
    return null;
  }
  if (!isValidElement(node)) return null;
  const props = node.props as Record<string, unknown>;
  if (props["aria-label"] === label) return { props };
  return findByLabel(props.children as ReactNode, label);
}

describe("a step's experiment in the editor", () => {
  const splitStep = (overrides: Partial<StepDraft> = {}): StepDraft => ({
    ...newStepDraft({ kind: "REMINDER", offsetDays: "7" }),
    experimentMode: "SPLIT",
    variants: [
      newVariantDraft("A", { weight: "50", name: "Som skrivet" }),
      newVariantDraft("B", { weight: "50", name: "Bestämd", tone: "FIRM" }),
    ],
    ...overrides,
  });
  const experiment = (step: StepDraft, props: Record<string, unknown> = {}) =>
    renderToStaticMarkup(
      createElement(ExperimentFields, {
        step,
        index: 0,
        issues: {},
        variantActionCounts: {},
        onChange: noop,
        ...props,
      }),
    );

  it("offers off, split and learning, each explained in a line", () => {
    const html = experiment(splitStep());
    expect(html).toContain("Fixed shares");
    expect(html).toContain(
      "Learns per customer group which variant works best, within the law, always trying each at least a little",
    );
    const radios = html.match(/<input type="radio"[^>]*>/g) ?? [];
    expect(radios).toHaveLength(3);
    expect(radios.filter((radio) => radio.includes('checked=""'))).toEqual([
      expect.stringContaining('value="SPLIT"'),
    ]);
    expect(html).toContain("Variant A: name");
    expect(html).toContain("Share (%)");
    expect(html).toContain("now 100");
    expect(html).toContain("As the step (Neutral)");
  });

  it("adds a variant at equal shares with every other, up to four", () => {
    const onChange = vi.fn();
    const step = splitStep();
    const tree = ExperimentFields({
      step,
      index: 2,
      issues: {},
      variantActionCounts: {},
      onChange,
    });
    const add = findByLabel(tree, "Add a variant to step 3");
    expect(add?.props.disabled).toBe(false);
    (add!.props.onClick as () => void)();
    const next = onChange.mock.calls[0]![0] as StepDraft;
    expect(next.variants.map((variant) => [variant.key, variant.weight])).toEqual([
      ["A", "34"],
      ["B", "33"],
      ["C", "33"],
    ]);
    expect(next.variants[0]!.name).toBe("Som skrivet");
    const full = splitStep({
      variants: ["A", "B", "C", "D"].map((key) => newVariantDraft(key as "A", { weight: "25" })),
    });
    const fullTree = ExperimentFields({
      step: full,
      index: 0,
      issues: {},
      variantActionCounts: {},
      onChange,
    });
    expect(findByLabel(fullTree, "Add a variant to step 1")?.props.disabled).toBe(true);
  });

  it("keeps a courtesy's variants from charging: the fee is not theirs to choose", () => {
    const courtesy = experiment(
      splitStep({ kind: "COURTESY", chargeFee: false, offsetDays: "-3" }),
    );
    expect(courtesy).toMatch(/<select[^>]*disabled=""[^>]*aria-label="Fee of variant A"/);
    expect(courtesy).toContain("A courtesy never charges a fee.");
    const reminder = experiment(splitStep());
    expect(reminder).not.toMatch(/<select[^>]*disabled=""[^>]*aria-label="Fee of variant A"/);
    expect(reminder).toContain("Charge the reminder fee (where agreed)");
  });

  it("keeps a variant that was sent from being removed, and shows the server's issues by path", () => {
    const html = experiment(splitStep(), {
      variantActionCounts: { B: 4 },
      issues: {
        "steps.0.variants": "a split's weights add up to 100 (now 90)",
        "steps.0.variants.1.offsetDays": "a step is at most 180 days after its anchor",
      },
    });
    expect(disabled(html, "Remove variant A")).toBe(false);
    expect(disabled(html, "Remove variant B")).toBe(true);
    expect(html).toContain("Sent to 4 invoices: it can be changed, not removed");
    expect(html).toContain("a split&#x27;s weights add up to 100 (now 90)");
    expect(html).toContain("a step is at most 180 days after its anchor");
  });

  it("hides the shares while learning, and says what an experiment that is off keeps", () => {
    const learning = experiment(splitStep({ experimentMode: "LEARNING" }));
    expect(learning).not.toContain("Share (%)");
    expect(learning).toContain("In play (the learner may choose it)");
    const off = experiment(splitStep({ experimentMode: "OFF" }));
    expect(off).toContain("The variants below are kept, with their results, but not used.");
    const none = experiment(newStepDraft());
    expect(none).not.toContain("Add a variant");
  });

  it("offers to preview each variant from its step, in the form", () => {
    const html = renderToStaticMarkup(
      createElement(PolicyFormView, {
        draft: { ...newPolicyDraft(), steps: [splitStep()] },
        isNew: true,
        isDefault: false,
        stepActionCounts: {},
        suggestions: {},
        issues: [],
        problemMessage: null,
        busy: false,
        notice: null,
        onChange: noop,
        onSave: noop,
        onPreviewVariant: noop,
      }),
    );
    expect(html).toContain("Step 1: Påminnelse +7 d (avgift) · test A/B 50/50");
    expect(html).toContain("Förhandsgranska variant A");
    expect(html).toContain("Förhandsgranska variant B");
    expect(html).toContain('data-testid="step-experiment"');
  });

  it("names the previewed variant, and posts the variant asked for", async () => {
    const html = renderToStaticMarkup(
      createElement(PreviewResultView, {
        preview: preview({ variant: { key: "B", name: "Bestämd" } }),
        problem: null,
      }),
    );
    expect(html).toContain("Variant B: Bestämd");
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => Response.json(preview()));
    vi.stubGlobal("fetch", fetch);
    await requestPreview({ policy: {}, stepIndex: 1, invoiceNumber: 7, variantKey: "B" });
    expect(JSON.parse(String(fetch.mock.calls[0]![1].body))).toMatchObject({ variantKey: "B" });
  });
});
