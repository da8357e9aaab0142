import { withoutBidiControls } from "@/lib/chat/chat-limits";

export type TextSegment = { text: string } | { text: string; href: string };

// http(s) addresses only; a trailing full stop, comma or bracket belongs to the sentence.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?)\]}]+$/;

/**
 * Splits chat text into plain text and links, for rendering as React text nodes (never HTML).
 * Only http and https addresses become links, so javascript:, data: and the like stay text.
 */
export function linkify(stored: string): TextSegment[] {
  // Messages stored before bidi controls were taken out on the way in are shown without them too.
  const text = withoutBidiControls(stored);
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const raw = match[0];
    const trailing = TRAILING.exec(raw)?.[0] ?? "";
    const address = raw.slice(0, raw.length - trailing.length);
    const start = match.index ?? 0;
    let href: string | null = null;
    try {
      const parsed = new URL(address);
      if (parsed.protocol === "http:" || parsed.protocol === "https:") href = parsed.href;
    } catch {
      href = null;
    }
    if (!href) continue;
    if (start > last) segments.push({ text: text.slice(last, start) });
    segments.push({ text: address, href });
    last = start + address.length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}
