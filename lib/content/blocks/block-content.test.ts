import { describe, expect, it } from "vitest";
import {
  type BlockContentInput,
  blockContentSchema,
  MAX_CTA_LENGTH,
  MAX_IMAGE_ALT_LENGTH,
  MAX_IMAGE_URL_LENGTH,
  MAX_TITLE_LENGTH,
} from "@/lib/content/blocks/block-content";
import { MAX_RICH_TEXT_LENGTH } from "@/lib/content/blocks/rich-text";
import { isAppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/parse-input";

const valid = (): BlockContentInput => ({
  sv: {
    title: "Fast pris i 24 månader",
    body: "**Lås ditt elpris** nu.\n\n- inga avgifter\n- [villkor](https://nota.example/villkor)",
    cta: "Lås priset",
    imageUrl: "https://cdn.nota.example/fast-pris.png",
    imageAlt: "En hand som håller en glödlampa",
  },
  en: { title: "Fixed price for 24 months", body: "**Lock your price** now." },
});

/** Each issue as `locale.field: message`, the way parseInput reports it to a form or an API caller. */
function issuesOf(input: unknown): string[] {
  const result = blockContentSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

function withLocale(locale: "sv" | "en", patch: Record<string, unknown>) {
  const input = valid();
  return { ...input, [locale]: { ...input[locale], ...patch } };
}

describe("blockContentSchema", () => {
  it("accepts both locales, trimming text and dropping empty optional fields", () => {
    const parsed = blockContentSchema.parse({
      ...valid(),
      en: { title: "  Fixed price ", body: "Text\n", cta: "", imageUrl: " ", imageAlt: "" },
    });
    expect(parsed.sv).toEqual(valid().sv);
    expect(parsed.en).toEqual({ title: "Fixed price", body: "Text" });
  });

  it("needs both the Swedish and the English version", () => {
    expect(issuesOf({ sv: valid().sv })).toEqual(["en: write the English version"]);
    expect(issuesOf({})).toEqual([
      "sv: write the Swedish version",
      "en: write the English version",
    ]);
  });

  it.each([
    ["title", "", "en.title: write a title"],
    ["title", "   ", "en.title: write a title"],
    [
      "title",
      "x".repeat(MAX_TITLE_LENGTH + 1),
      "en.title: the title can be at most 120 characters",
    ],
    ["body", "", "en.body: write the text"],
    [
      "body",
      "x".repeat(MAX_RICH_TEXT_LENGTH + 1),
      "en.body: the text can be at most 5000 characters",
    ],
    ["body", "Hej\u0000då", "en.body: remove the invisible control characters"],
    ["cta", "x".repeat(MAX_CTA_LENGTH + 1), "en.cta: the button text can be at most 40 characters"],
  ])("refuses en.%s = %j", (field, value, message) => {
    expect(issuesOf(withLocale("en", { [field]: value }))).toEqual([message]);
  });

  it("accepts text at exactly the limits", () => {
    const input = withLocale("en", {
      title: "x".repeat(MAX_TITLE_LENGTH),
      body: "x".repeat(MAX_RICH_TEXT_LENGTH),
      cta: "x".repeat(MAX_CTA_LENGTH),
      imageUrl: `https://cdn.nota.example/${"a".repeat(MAX_IMAGE_URL_LENGTH - 25)}`,
      imageAlt: "x".repeat(MAX_IMAGE_ALT_LENGTH),
    });
    expect(issuesOf(input)).toEqual([]);
  });

  it("refuses a body whose link would not become a link, naming the target", () => {
    expect(issuesOf(withLocale("sv", { body: "Klicka [här](javascript:alert(1))" }))).toEqual([
      'sv.body: links must start with https://, http:// or mailto: (not "javascript:alert(1)")',
    ]);
    expect(issuesOf(withLocale("sv", { body: "<script>alert(1)</script> är bara text" }))).toEqual(
      [],
    );
  });

  it("wants an image description for screen readers whenever there is an image", () => {
    const input = withLocale("en", { imageUrl: "https://cdn.nota.example/a.png" });
    expect(issuesOf(input)).toEqual(["en.imageAlt: describe the image for screen readers"]);
    expect(
      issuesOf(withLocale("en", { imageUrl: "https://cdn.nota.example/a.png", imageAlt: " " })),
    ).toEqual(["en.imageAlt: describe the image for screen readers"]);
    expect(issuesOf(withLocale("sv", { imageAlt: "x".repeat(MAX_IMAGE_ALT_LENGTH + 1) }))).toEqual([
      "sv.imageAlt: the image description can be at most 200 characters",
    ]);
  });

  it.each([
    ["http://cdn.nota.example/a.png", "the image address must start with https://"],
    ["javascript:alert(1)", "the image address must start with https://"],
    ["data:image/svg+xml,<svg onload=alert(1)>", "the image address must start with https://"],
    ["//cdn.nota.example/a.png", "the image address must start with https://"],
    [
      "https://user:secret@cdn.nota.example/a.png",
      "the image address cannot contain a user name or password",
    ],
    ["https://cdn.nota.example/a b.png", "the image address cannot contain spaces"],
    ["https://", "the image address is not a valid web address"],
    [
      `https://cdn.nota.example/${"a".repeat(MAX_IMAGE_URL_LENGTH)}`,
      "the image address can be at most 500 characters",
    ],
  ])("refuses the image address %j", (imageUrl, message) => {
    expect(issuesOf(withLocale("sv", { imageUrl }))).toEqual([`sv.imageUrl: ${message}`]);
  });

  it("normalises the image address", () => {
    const parsed = blockContentSchema.parse(
      withLocale("sv", { imageUrl: "HTTPS://CDN.nota.example/Bild.png" }),
    );
    expect(parsed.sv.imageUrl).toBe("https://cdn.nota.example/Bild.png");
  });

  it("reaches API callers and forms through parseInput with locale and field named", () => {
    let caught: unknown;
    try {
      parseInput(
        blockContentSchema,
        withLocale("en", { imageUrl: "https://cdn.nota.example/a.png" }),
      );
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught) && caught.code).toBe("BAD_INPUT");
    expect((caught as Error).message).toContain(
      "en.imageAlt: describe the image for screen readers",
    );
  });
});
