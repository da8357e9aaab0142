import type { ReactNode } from "react";
import type { RichTextDocument, RichTextInline } from "@/lib/content/blocks/rich-text";

/**
 * A content block's body, rendered from our own tree with React elements only: every string is a
 * text node React escapes, and the only attribute taken from the source is a link's href, which
 * the parser has already limited to https, http and mailto. Images belong to the block component.
 */
export function RichText({
  document,
  headingLevel = 3,
  className,
}: {
  document: RichTextDocument;
  /** The `### ` heading sits one level below the block's own title. */
  headingLevel?: 3 | 4;
  className?: string;
}) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <div className={["space-y-3 text-sm leading-relaxed", className].filter(Boolean).join(" ")}>
      {document.blocks.map((block, index) => {
        switch (block.type) {
          case "paragraph":
            // biome-ignore lint/suspicious/noArrayIndexKey: blocks of one immutable document
            return <p key={index}>{renderInlines(block.children)}</p>;
          case "heading":
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: blocks of one immutable document
              <Heading key={index} className="text-base font-semibold">
                {renderInlines(block.children)}
              </Heading>
            );
          case "list": {
            const items = block.items.map((item, itemIndex) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: items of one immutable list
              <li key={itemIndex}>{renderInlines(item)}</li>
            ));
            return block.ordered ? (
              <ol
                // biome-ignore lint/suspicious/noArrayIndexKey: blocks of one immutable document
                key={index}
                start={block.start === 1 ? undefined : block.start}
                className="list-decimal space-y-1 pl-5"
              >
                {items}
              </ol>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: blocks of one immutable document
              <ul key={index} className="list-disc space-y-1 pl-5">
                {items}
              </ul>
            );
          }
          default:
            return null;
        }
      })}
    </div>
  );
}

function renderInlines(nodes: RichTextInline[]): ReactNode[] {
  return nodes.map((node, index) => {
    switch (node.type) {
      case "text":
        return node.text;
      case "break":
        // biome-ignore lint/suspicious/noArrayIndexKey: inlines of one immutable document
        return <br key={index} />;
      case "strong":
        // biome-ignore lint/suspicious/noArrayIndexKey: inlines of one immutable document
        return <strong key={index}>{renderInlines(node.children)}</strong>;
      case "emphasis":
        // biome-ignore lint/suspicious/noArrayIndexKey: inlines of one immutable document
        return <em key={index}>{renderInlines(node.children)}</em>;
      case "link":
        return (
          <a
            // biome-ignore lint/suspicious/noArrayIndexKey: inlines of one immutable document
            key={index}
            href={node.href}
            target="_blank"
            // Marketers' links leave the invoice: no opener access, no referrer (the token is in our
            // URL), and no search-ranking endorsement.
            rel="noopener noreferrer nofollow"
            className="font-medium underline underline-offset-2"
          >
            {renderInlines(node.children)}
          </a>
        );
      default:
        return null;
    }
  });
}
