import { z } from "zod";
import { findRejectedLinks, MAX_RICH_TEXT_LENGTH } from "@/lib/content/blocks/rich-text";

/**
 * What a ContentVariant's `content` JSON holds: the same block in Swedish and English. One schema
 * for the marketer's form and the server (parse with lib/validation/parse-input.ts, whose message
 * prefixes each issue with its path, e.g. `en.imageAlt: describe the image for screen readers`).
 */
export const BLOCK_CONTENT_LOCALES = ["sv", "en"] as const;
export type BlockContentLocale = (typeof BLOCK_CONTENT_LOCALES)[number];

export const MAX_TITLE_LENGTH = 120;
export const MAX_CTA_LENGTH = 40;
export const MAX_IMAGE_URL_LENGTH = 500;
export const MAX_IMAGE_ALT_LENGTH = 200;

/** Control characters other than tab and line breaks are invisible and only disguise text. */
function hasForbiddenControl(text: string): boolean {
  for (const character of text) {
    const code = character.charCodeAt(0);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127) return true;
  }
  return false;
}

const noControls = { message: "remove the invisible control characters" };

// A form sends "" for an untouched optional field; that means "none", not "too short".
const emptyAsAbsent = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/**
 * The image is loaded by the customer's browser from the marketer's host, so: https only, and no
 * user:password in the URL. The host must also be one the pages' CSP allows (CONTENT_IMAGE_HOSTS),
 * which saving the block checks (manage-blocks.ts): the browser's form cannot know that list.
 */
function imageUrlProblem(value: string): string | null {
  if (!/^https:\/\//i.test(value)) return "the image address must start with https://";
  if (/[\s\p{C}]/u.test(value)) return "the image address cannot contain spaces";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "the image address is not a valid web address";
  }
  if (url.protocol !== "https:" || !url.hostname)
    return "the image address must start with https://";
  if (url.username || url.password)
    return "the image address cannot contain a user name or password";
  return null;
}

const imageUrlSchema = z
  .string()
  .trim()
  .max(MAX_IMAGE_URL_LENGTH, `the image address can be at most ${MAX_IMAGE_URL_LENGTH} characters`)
  .superRefine((value, context) => {
    const problem = imageUrlProblem(value);
    if (problem) context.addIssue({ code: "custom", message: problem });
  })
  // Only reached once the checks passed, so the URL parses; normalising makes equal URLs equal.
  .transform((value) => new URL(value).href);

const localeContentSchema = (language: string) =>
  z
    .object(
      {
        title: z
          .string("write a title")
          .trim()
          .min(1, "write a title")
          .max(MAX_TITLE_LENGTH, `the title can be at most ${MAX_TITLE_LENGTH} characters`)
          .refine((text) => !hasForbiddenControl(text), noControls),
        body: z
          .string("write the text")
          .trim()
          .min(1, "write the text")
          .max(MAX_RICH_TEXT_LENGTH, `the text can be at most ${MAX_RICH_TEXT_LENGTH} characters`)
          .refine((text) => !hasForbiddenControl(text), noControls)
          .superRefine((text, context) => {
            // A refused link would show up as literal brackets on the invoice; say so while editing.
            const [target] = findRejectedLinks(text);
            if (target === undefined) return;
            const shown = target.length > 40 ? `${target.slice(0, 40)}…` : target;
            context.addIssue({
              code: "custom",
              message: `links must start with https://, http:// or mailto: (not "${shown}")`,
            });
          }),
        cta: z.preprocess(
          emptyAsAbsent,
          z
            .string()
            .trim()
            .min(1)
            .max(MAX_CTA_LENGTH, `the button text can be at most ${MAX_CTA_LENGTH} characters`)
            .refine((text) => !hasForbiddenControl(text), noControls)
            .optional(),
        ),
        imageUrl: z.preprocess(emptyAsAbsent, imageUrlSchema.optional()),
        imageAlt: z.preprocess(
          emptyAsAbsent,
          z
            .string()
            .trim()
            .max(
              MAX_IMAGE_ALT_LENGTH,
              `the image description can be at most ${MAX_IMAGE_ALT_LENGTH} characters`,
            )
            .refine((text) => !hasForbiddenControl(text), noControls)
            .optional(),
        ),
      },
      `write the ${language} version`,
    )
    .superRefine((content, context) => {
      if (content.imageUrl !== undefined && content.imageAlt === undefined) {
        context.addIssue({
          code: "custom",
          path: ["imageAlt"],
          message: "describe the image for screen readers",
        });
      }
    });

export const blockContentSchema = z.object({
  sv: localeContentSchema("Swedish"),
  en: localeContentSchema("English"),
});

/** One locale's content after parsing: trimmed, empty optionals dropped, image URL normalised. */
export type BlockLocaleContent = BlockContent[BlockContentLocale];
export type BlockContent = z.output<typeof blockContentSchema>;
export type BlockContentInput = z.input<typeof blockContentSchema>;
