"use client";

import { useEffect, useRef, useState } from "react";
import type { ChatMessageView } from "@/lib/chat/chat-message-view";

/**
 * Support's answers that arrived while the customer was reading elsewhere (the chat out of view,
 * or another tab): counted from the first sync on — what was already there when the page opened
 * is history, not news — and cleared as soon as the chat is on screen again.
 */
export function useUnreadAnswers(options: {
  messages: ChatMessageView[];
  synced: boolean;
  visible: boolean;
}): { count: number; from: string | null } {
  const { messages, synced, visible } = options;
  const newest = messages.at(-1)?.seq ?? 0;
  const baseline = useRef<number | null>(null);
  const [readUpTo, setReadUpTo] = useState(0);
  if (synced && baseline.current === null) baseline.current = newest;
  const seenUpTo = Math.max(readUpTo, baseline.current ?? Number.POSITIVE_INFINITY);
  useEffect(() => {
    if (visible && synced) setReadUpTo((current) => Math.max(current, newest));
  }, [visible, synced, newest]);
  if (visible || baseline.current === null) return { count: 0, from: null };
  const unread = messages.filter(
    (message) =>
      message.authorType === "STAFF" && message.kind !== "NOTE" && message.seq > seenUpTo,
  );
  return { count: unread.length, from: unread.at(-1)?.authorName ?? null };
}

/** Puts "(1) Nytt svar · " before the tab's title while there is something to read. */
export function useTitleBadge(badge: string | null): void {
  useEffect(() => {
    if (!badge) return;
    const original = document.title;
    document.title = `${badge} · ${original}`;
    return () => {
      document.title = original;
    };
  }, [badge]);
}

/** Whether the element is on screen (any part of it), following scrolling and resizing. */
export function useInView(element: React.RefObject<HTMLElement | null>): boolean {
  const [inView, setInView] = useState(false);
  useEffect(() => {
    const target = element.current;
    if (!target) return;
    const observer = new IntersectionObserver(([entry]) =>
      setInView(Boolean(entry?.isIntersecting)),
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [element]);
  return inView;
}
