import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PreviewVariantPicker } from "@/components/marketing/block-preview-panel";
import { MarkupCheatSheet } from "@/components/marketing/markup-cheat-sheet";
import { previewHref } from "@/lib/content/blocks/preview-variants";

const INVOICE = "0b6f8a52-3c1e-4d7a-9f0e-2a4b6c8d0e1f";

describe("previewing any variant from the editor", () => {
  it("links to the preview of each variant, and of the customer's own", () => {
    const html = renderToStaticMarkup(
      createElement(PreviewVariantPicker, {
        keys: ["A", "B"],
        chosen: "B",
        hrefFor: (key) =>
          previewHref(INVOICE, {
            draft: "e30",
            variants: key ? new Map([["preview", key]]) : undefined,
          }),
        locale: "en",
        onChoose: () => {},
      }),
    ).replace(/&amp;/g, "&");
    expect(html).toContain(`href="/marketing/preview/${INVOICE}?draft=e30"`);
    expect(html).toContain(`href="/marketing/preview/${INVOICE}?draft=e30&variant=preview%3AA"`);
    expect(html).toMatch(/aria-current="true"[^>]*>Preview variant B</);
    expect(html).toContain(">Assigned variant<");
  });
});

describe("the editor's text help", () => {
  it("lists every placeholder, {{saving}} among them", () => {
    const html = renderToStaticMarkup(
      createElement(MarkupCheatSheet, { id: "help", locale: "en" }),
    );
    for (const name of ["firstName", "planName", "saving"]) expect(html).toContain(`{{${name}}}`);
    expect(html).toMatch(/\{\{saving\}\}.*offers only/);
  });
});
