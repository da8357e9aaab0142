"use client";

import { useEffect, useRef } from "react";

export interface ContentLink {
  token: string;
  invoiceNumber: number | null;
}

/** Reports a content event for this invoice; failures are ignored (counting must never disturb). */
export function reportContentEvent(
  link: ContentLink,
  blockId: string,
  type: "IMPRESSION" | "CLICK",
) {
  void fetch(`/i/${link.token}/content`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ blockId, type, invoiceNumber: link.invoiceNumber }),
    keepalive: true,
  }).catch(() => {});
}

/**
 * Counts an impression only when the block was really seen: at least half of it on screen, in a
 * visible tab, for a second. A block rendered below the fold and never scrolled to is not counted.
 */
export function ContentImpression({
  link,
  blockId,
  children,
}: {
  link: ContentLink | null;
  blockId: string;
  children: React.ReactNode;
}) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = element.current;
    if (!link || !target) return;
    let timer: number | undefined;
    let done = false;
    const observer = new IntersectionObserver(
      ([entry]) => {
        window.clearTimeout(timer);
        if (done || !entry?.isIntersecting || document.visibilityState !== "visible") return;
        timer = window.setTimeout(() => {
          done = true;
          observer.disconnect();
          reportContentEvent(link, blockId, "IMPRESSION");
        }, 1000);
      },
      { threshold: 0.5 },
    );
    observer.observe(target);
    return () => {
      window.clearTimeout(timer);
      observer.disconnect();
    };
  }, [link, blockId]);
  return <div ref={element}>{children}</div>;
}
