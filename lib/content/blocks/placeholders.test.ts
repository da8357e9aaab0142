import { describe, expect, it } from "vitest";
import {
  fillPlaceholders,
  hasUnfilledPlaceholder,
  PLACEHOLDERS,
  usesPlaceholder,
} from "@/lib/content/blocks/placeholders";

describe("fillPlaceholders", () => {
  it("fills known names and leaves unknown ones as written", () => {
    expect(
      fillPlaceholders("Tack {{firstName}}, {{ customerYears }} år!", {
        firstName: "Anna",
        customerYears: "5",
      }),
    ).toBe("Tack Anna, 5 år!");
    expect(fillPlaceholders("{{nope}}", {})).toBe("{{nope}}");
  });

  it("knows only its own names: Object.prototype's are unknown, not functions to call", () => {
    const values = { firstName: "Anna" };
    for (const name of ["constructor", "toString", "valueOf", "hasOwnProperty"]) {
      expect(fillPlaceholders(`{{${name}}} {{firstName}}`, values)).toBe(`{{${name}}} Anna`);
      expect(hasUnfilledPlaceholder(`{{${name}}}`, values)).toBe(false);
    }
    expect(fillPlaceholders("{{__proto__}}", values)).toBe("{{__proto__}}");
  });

  it("never lets a value become markup", () => {
    expect(
      fillPlaceholders("Hej {{firstName}}", { firstName: "[x](javascript:alert(1)) **<b>**" }),
    ).toBe("Hej xjavascript:alert1 b");
  });

  it("knows when a customer lacks a value the text needs", () => {
    expect(hasUnfilledPlaceholder("Kampanjen slutar {{campaignEndsOn}}", {})).toBe(true);
    expect(
      hasUnfilledPlaceholder("Kampanjen slutar {{campaignEndsOn}}", { campaignEndsOn: "1 jan" }),
    ).toBe(false);
    expect(hasUnfilledPlaceholder("{{unknownName}}", {})).toBe(false);
  });

  it("knows {{saving}}: filled with an offer's saving, and a text needing it is hidden without one", () => {
    expect(PLACEHOLDERS).toContain("saving");
    expect(fillPlaceholders("Spara {{saving}} per år", { saving: "ca 1 150 kr" })).toBe(
      "Spara ca 1 150 kr per år",
    );
    expect(hasUnfilledPlaceholder("Spara {{ saving }} per år", {})).toBe(true);
    expect(usesPlaceholder("Spara {{ saving }} per år", "saving")).toBe(true);
    expect(usesPlaceholder("Spara pengar, {{firstName}}", "saving")).toBe(false);
  });
});
