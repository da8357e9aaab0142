import { linkify } from "@/lib/chat/linkify";

/** Chat text as text: React escapes it, and only http(s) addresses become (outgoing, safe) links. */
export function MessageText({ text }: { text: string }) {
  return (
    <span className="whitespace-pre-wrap break-words">
      {linkify(text).map((segment, index) =>
        "href" in segment ? (
          <a
            // biome-ignore lint/suspicious/noArrayIndexKey: segments of one immutable text
            key={index}
            href={segment.href}
            target="_blank"
            rel="noopener noreferrer nofollow ugc"
            className="underline"
          >
            {segment.text}
          </a>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments of one immutable text
          <span key={index}>{segment.text}</span>
        ),
      )}
    </span>
  );
}
