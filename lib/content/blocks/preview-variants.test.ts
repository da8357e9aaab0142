import { describe, expect, it } from "vitest";
import { previewHref, previewVariantsSchema } from "@/lib/content/blocks/preview-variants";

const BLOCK = "0b6f8a52-3c1e-4d7a-9f0e-2a4b6c8d0e1f";
const OTHER = "5d2c9e71-8a4b-4f3c-b1d0-7e6f5a4b3c2d";

const messages = (value: unknown) => {
  const parsed = previewVariantsSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
};

describe("the preview page's chosen variants", () => {
  it("reads one or many block:key pairs, and none when absent", () => {
    expect(previewVariantsSchema.parse(undefined)).toEqual(new Map());
    expect(previewVariantsSchema.parse("preview:B")).toEqual(new Map([["preview", "B"]]));
    expect(previewVariantsSchema.parse([`${BLOCK}:A`, `${OTHER}:C`])).toEqual(
      new Map([
        [BLOCK, "A"],
        [OTHER, "C"],
      ]),
    );
  });

  it("names what is wrong in plain words", () => {
    expect(messages("B")).toEqual([
      '"B" names no block: write <block id>:<variant key>, e.g. preview:B',
    ]);
    expect(messages("not-a-block:B")[0]).toMatch(/names no block/);
    expect(messages(`${BLOCK}:b`)).toEqual([
      '"b" is not a variant key: one capital letter (A, B, C …)',
    ]);
    expect(messages([`${BLOCK}:A`, `${BLOCK}:B`])).toEqual(["choose one variant per block"]);
    expect(messages(Array.from({ length: 11 }, () => "preview:A"))).toContain(
      "choose at most 10 variants",
    );
  });

  it("writes the address the page reads back", () => {
    const href = previewHref(BLOCK, {
      draft: "eyJ4IjoxfQ",
      replaces: OTHER,
      variants: new Map([["preview", "B"]]),
    });
    expect(href).toBe(
      `/marketing/preview/${BLOCK}?draft=eyJ4IjoxfQ&block=${OTHER}&variant=preview%3AB`,
    );
    const query = new URL(href, "https://nota.example").searchParams;
    expect(previewVariantsSchema.parse(query.getAll("variant"))).toEqual(
      new Map([["preview", "B"]]),
    );
  });
});
