"use client";

import { useEffect, useRef } from "react";

/** Within this many pixels of the end counts as reading the newest messages. */
const NEAR_END_PX = 48;

/**
 * Keeps a scrolling message list at its newest message: when it opens (history arrives after the
 * first render) and as messages come in — unless the reader has scrolled up to read older ones,
 * who is left where they are until they scroll back down. The list's first child is its content.
 */
export function useStickToNewest<T extends HTMLElement>(count: number) {
  const ref = useRef<T>(null);
  const isAtEnd = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: count is what changes the content.
  useEffect(() => {
    const element = ref.current;
    if (element && isAtEnd.current) element.scrollTop = element.scrollHeight;
  }, [count]);
  // The newest message can grow after it arrives (its sent mark, a line wrapping once the pending
  // copy is replaced): while the reader is at the end, the end is followed.
  useEffect(() => {
    const element = ref.current;
    const content = element?.firstElementChild;
    if (!element || !content || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      if (isAtEnd.current) element.scrollTop = element.scrollHeight;
    });
    observer.observe(content);
    return () => observer.disconnect();
  }, []);
  const onScroll = () => {
    const element = ref.current;
    if (!element) return;
    isAtEnd.current =
      element.scrollHeight - element.scrollTop - element.clientHeight <= NEAR_END_PX;
  };
  return { ref, onScroll };
}
