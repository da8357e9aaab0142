import { isWellFormedAccessToken } from "@/lib/invoices/access-token";

// What a mail client, chat or word processor glues to the end of a link it did not end properly:
// sentence punctuation, closing brackets and quotes (straight and typographic) and white space. None
// of these can be in a token (base64url) or in any path segment of an invoice link, so removing
// them from the end cannot turn one link into another.
const TRAILING_JUNK =
  /[\s.,;:!?)\]}>'"`\u2018\u2019\u201c\u201d\u00ab\u00bb\u2039\u203a\u2026\u3001\u3002\uff0c]+$/u;
const LINK_PATH = /^\/i(?:\/[^/]+)+$/;
const LINK_SEGMENT = /^[A-Za-z0-9_-]+$/;

/**
 * The clean path of an invoice link pasted with something stuck to its end ("/i/<token>.",
 * "/i/<token>%20", "/i/<token>/pdf)"), or null when there is nothing to clean or the cleaned path
 * would not be a link. Only a trailing run of characters that can never belong to a link is
 * removed, and only when what remains has a well-formed token: it never guesses a token.
 */
export function cleanPastedLinkPath(pathname: string): string | null {
  if (!LINK_PATH.test(pathname)) return null;
  const segments = pathname.slice(1).split("/");
  let last: string;
  try {
    last = decodeURIComponent(segments.at(-1)!);
  } catch {
    return null;
  }
  const cleaned = last.replace(TRAILING_JUNK, "");
  if (cleaned === last) return null;
  // Junk as a segment of its own ("/i/<token>/%20"): the link ends before it.
  if (cleaned === "") segments.pop();
  else segments[segments.length - 1] = cleaned;
  if (segments.length < 2 || !isWellFormedAccessToken(segments[1]!)) return null;
  if (!segments.every((segment) => LINK_SEGMENT.test(segment))) return null;
  return `/${segments.join("/")}`;
}
