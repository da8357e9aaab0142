import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BlocksTable } from "@/components/marketing/blocks-table";
import { MarkupCheatSheet } from "@/components/marketing/markup-cheat-sheet";
import { blockEditorMessages } from "@/lib/content/editor-messages";
import { keyShape } from "@/lib/i18n/staff/key-shape";
import { marketingMessages } from "@/lib/i18n/staff/marketing/console";

describe("the marketing console's message files", () => {
  it("give English every key Swedish has, and no other", () => {
    expect(keyShape(marketingMessages.en)).toEqual(keyShape(marketingMessages.sv));
    expect(keyShape(blockEditorMessages.en)).toEqual(keyShape(blockEditorMessages.sv));
  });

  it("show a Swedish marketer Swedish words", () => {
    expect(
      renderToStaticMarkup(createElement(BlocksTable, { blocks: [], locale: "sv" })),
    ).toContain("Inga innehållsblock än. Skapa ett ovan.");
    const help = renderToStaticMarkup(createElement(MarkupCheatSheet, { id: "h", locale: "sv" }));
    expect(help).toContain(">Formatering<");
    expect(help).toContain("kundens förnamn");
  });

  it("keep today's English words", () => {
    expect(
      renderToStaticMarkup(createElement(BlocksTable, { blocks: [], locale: "en" })),
    ).toContain("No content blocks yet. Create one above.");
    expect(marketingMessages.en.newBlock("Offer")).toBe("New offer block");
  });
});
